import { useState, type FormEvent, type ReactNode } from 'react';
import { client, data, type Schemas } from '../api';
import { ExportButton, allPages } from '../ui/export';
import { useI18n } from '../i18n/i18n';
import { Link, navigate, query, usePath } from '../router';
import { useSession } from '../session';
import { DateInput, ErrorNotice, Field, FilterField, Loading, Notice, PageTitle, describedBy, useLabel, useLoad } from '../ui/kit';
import { AWARD_CODES, RATINGS, RATING_NAMES, ratingName } from '../vocabulary';
import { useAction } from './nomination-actions';
import { Pager } from './nomination-list';

type Record_ = Schemas['NomineeRecordView']['record'];

/** The people and collectives whose record the unit keeps, found by name. */
export function NomineesPage() {
  const { t, lang } = useI18n();
  const label = useLabel();
  const { search } = usePath();
  const q = search.get('q') ?? '';
  const page = Number(search.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const list = useLoad(() => client.GET('/nominees', { params: { query: { q: q || undefined, page, pageSize: 50 } } }), [q, page]);
  const go = (next: string, p = 1) => navigate(`/nominees${query({ q: next, page: p > 1 ? p : undefined })}`);
  return (
    <section>
      <PageTitle>{t('nominees.title')}</PageTitle>
      <p className="muted">{t('nominees.intro')}</p>
      <form className="filters" role="search" aria-label={t('nominees.search')} onSubmit={(e) => { e.preventDefault(); go(text); }}>
        <FilterField id="nominees-q" label={t('nominees.name')}><input id="nominees-q" type="search" value={text} onChange={(e) => setText(e.target.value)} /></FilterField>
        <button type="submit" className="primary">{t('list.searchButton')}</button>
      </form>
      {list.loading && !list.data ? <Loading /> : <ErrorNotice error={list.error} />}
      {list.data && (list.data.items.length === 0 ? <p className="muted">{t('nominees.empty')}</p> : (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th scope="col">{t('common.nominee')}</th><th scope="col">{t('form.kind')}</th><th scope="col">{t('nominees.latestRating')}</th><th scope="col">{t('nominees.awards')}</th></tr>
              </thead>
              <tbody>
                {list.data.items.map((n) => (
                  <tr key={n.id}>
                    <td><Link to={`/nominees/${n.id}`}>{n.name}</Link>{n.birthYear ? <span className="muted"> ({n.birthYear})</span> : null}</td>
                    <td>{label('kind', n.kind)}</td>
                    <td>{n.latestRating ? `${n.latestRating.year}: ${ratingName(n.latestRating.rating, lang)}` : '—'}</td>
                    <td>{n.awards}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => go(q, p)} />
          <ExportButton fileName="qua-trinh-thi-dua.xlsx" table={async (progress) => ({
            sheetName: t('nominees.title'),
            title: t('nominees.title'),
            columns: [t('common.nominee'), t('form.birthYear'), t('form.kind'), t('nominees.latestRating'), t('nominees.awards')].map((header, i) => ({ header, width: [30, 10, 14, 36, 12][i] })),
            rows: (await allPages((p, size) => data(client.GET('/nominees', { params: { query: { q: q || undefined, page: p, pageSize: size } } })), 200, progress))
              .map((n) => [n.name, n.birthYear ?? '', label('kind', n.kind), n.latestRating ? `${n.latestRating.year}: ${ratingName(n.latestRating.rating, lang)}` : '', n.awards]),
          })} />
        </>
      ))}
    </section>
  );
}

/**
 * A nominee's record as eligibility reads it — ratings, titles and awards, initiatives, disciplines —
 * and, for a clerk of the keeping unit, the forms that add to it. Entered once, reused every year.
 */
export function NomineeRecordPage({ id }: { id: string }) {
  const { t, lang, date } = useI18n();
  const label = useLabel();
  const { actor, has } = useSession();
  const rec = useLoad(() => client.GET('/nominees/{id}/record', { params: { path: { id } } }), [id]);
  const [saved, setSaved] = useState<string>();
  if (rec.loading && !rec.data) return <Loading />;
  if (!rec.data) return <ErrorNotice error={rec.error} />;
  const r: Record_ = rec.data.record;
  const canEdit = has('CLERK') && actor?.unitId === rec.data.unitId;
  const done = (what: string) => () => {
    setSaved(what);
    rec.reload();
  };
  return (
    <section>
      <PageTitle>{t('nominees.recordOf', { name: rec.data.name })}</PageTitle>
      <p className="muted">{label('kind', r.kind)} · <Link to="/nominees">{t('nominees.title')}</Link></p>
      {saved && <Notice kind="success">{t('nominees.saved', { what: saved })}</Notice>}
      <div className="grid">
        <RecordCard title={t('nominees.ratings')} empty={!r.ratings.length}>
          <table>
            <thead><tr><th scope="col">{t('form.year')}</th><th scope="col">{t('nominees.rating')}</th></tr></thead>
            <tbody>{r.ratings.map((x) => <tr key={x.year}><td>{x.year}</td><td>{ratingName(x.rating, lang)}</td></tr>)}</tbody>
          </table>
          {canEdit && <RatingForm id={id} onDone={done(t('nominees.ratings'))} />}
        </RecordCard>
        <RecordCard title={t('nominees.awardsTitle')} empty={!r.awards.length}>
          <table>
            <thead><tr><th scope="col">{t('form.year')}</th><th scope="col">{t('common.award')}</th><th scope="col">{t('nominees.decision')}</th><th scope="col">{t('nominees.source')}</th></tr></thead>
            <tbody>
              {r.awards.map((a) => (
                <tr key={`${a.code}:${a.decisionNumber}`}>
                  <td>{a.year}</td><td>{label('award', a.code)}</td>
                  <td>{a.decisionNumber} ({date(a.decidedOn)}){a.issuer ? ` · ${a.issuer}` : ''}</td>
                  <td>{t(a.source === 'REGISTER' ? 'nominees.fromRegister' : 'nominees.byHand')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canEdit && <AwardForm id={id} onDone={done(t('nominees.awardsTitle'))} />}
        </RecordCard>
        <RecordCard title={t('nominees.initiatives')} empty={!r.initiatives.length}>
          <table>
            <thead><tr><th scope="col">{t('form.year')}</th><th scope="col">{t('nominees.initiativeTitle')}</th><th scope="col">{t('nominees.recognisedAt')}</th></tr></thead>
            <tbody>{r.initiatives.map((x, i) => <tr key={i}><td>{x.year}</td><td>{x.title} <span className="muted">({t(`nominees.initiativeKind.${x.kind}` as 'nominees.initiativeKind.INITIATIVE')})</span></td><td>{t(`nominees.initiativeLevel.${x.level}` as 'nominees.initiativeLevel.GRASSROOTS')}</td></tr>)}</tbody>
          </table>
          {canEdit && <InitiativeForm id={id} onDone={done(t('nominees.initiatives'))} />}
        </RecordCard>
        <RecordCard title={t('nominees.disciplines')} empty={!r.disciplines.length}>
          <table>
            <thead><tr><th scope="col">{t('nominees.period')}</th><th scope="col">{t('nominees.disciplineLevel')}</th></tr></thead>
            <tbody>{r.disciplines.map((x, i) => <tr key={i}><td>{date(x.from)} – {x.to ? date(x.to) : t('nominees.ongoing')}</td><td>{t(`nominees.disciplineLevel.${x.level}` as 'nominees.disciplineLevel.KHIEN_TRACH')}{x.underReview ? ` · ${t('nominees.underReview')}` : ''}</td></tr>)}</tbody>
          </table>
          {canEdit && <DisciplineForm id={id} onDone={done(t('nominees.disciplines'))} />}
        </RecordCard>
      </div>
    </section>
  );
}

function RecordCard({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <article className="card" aria-label={title}>
      <h2>{title}</h2>
      {empty && <p className="muted">{t('nominees.none')}</p>}
      <div className={empty ? 'table-wrap empty-table' : 'table-wrap'}>{children}</div>
    </article>
  );
}

/** One entry form: its button is disabled while the entry is being saved, so a double click saves once. */
function EntryForm({ legend, busy, error, onSubmit, children }: { legend: string; busy: boolean; error: ReturnType<typeof useAction>['error']; onSubmit(): void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <form className="entry-form" noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(); }}>
      <fieldset>
        <legend>{legend}</legend>
        {children}
        <ErrorNotice error={error} inline />
        <button type="submit" disabled={busy}>{busy ? t('common.working') : t('nominees.add')}</button>
      </fieldset>
    </form>
  );
}

const thisYear = () => String(new Date().getFullYear() - 1);

function RatingForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t, pick } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  const [year, setYear] = useState(thisYear);
  const [rating, setRating] = useState('');
  return (
    <EntryForm legend={t('nominees.addRating')} busy={busy} error={error} onSubmit={() => void run(() => client.POST('/nominees/{id}/ratings', { params: { path: { id }}, body: { year: Number(year), rating: rating as Schemas['RatingDto']['rating'] } }))}>
      <Field id="rating-year" label={t('form.year')} error={errors.year}><input {...describedBy('rating-year', errors.year)} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} /></Field>
      <Field id="rating-value" label={t('nominees.rating')} error={errors.rating}>
        <select {...describedBy('rating-value', errors.rating)} value={rating} onChange={(e) => setRating(e.target.value)}>
          <option value="">{t('nominees.choose')}</option>
          {RATINGS.map((v) => <option key={v} value={v}>{pick(RATING_NAMES[v].vi, RATING_NAMES[v].en)}</option>)}
        </select>
      </Field>
    </EntryForm>
  );
}

function AwardForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const { error, busy, run, errors } = useAction(onDone);
  const [f, setF] = useState({ awardCode: '', year: thisYear(), decisionNumber: '', decidedOn: '' });
  const set = (k: keyof typeof f, v: string) => setF((x) => ({ ...x, [k]: v }));
  return (
    <EntryForm legend={t('nominees.addAward')} busy={busy} error={error} onSubmit={() => void run(() => client.POST('/nominees/{id}/awards', { params: { path: { id }}, body: { awardCode: f.awardCode, year: Number(f.year), decisionNumber: f.decisionNumber.trim(), decidedOn: f.decidedOn } }))}>
      <Field id="award-code" label={t('common.award')} error={errors.awardCode}>
        <select {...describedBy('award-code', errors.awardCode)} value={f.awardCode} onChange={(e) => set('awardCode', e.target.value)}>
          <option value="">{t('nominees.choose')}</option>
          {AWARD_CODES.map((c) => <option key={c} value={c}>{label('award', c)}</option>)}
        </select>
      </Field>
      <Field id="award-year" label={t('form.year')} error={errors.year}><input {...describedBy('award-year', errors.year)} inputMode="numeric" value={f.year} onChange={(e) => set('year', e.target.value.replace(/\D/g, '').slice(0, 4))} /></Field>
      <Field id="award-number" label={t('nominees.decisionNumber')} error={errors.decisionNumber} hint={t('nominees.decisionNumberHint')}><input {...describedBy('award-number', errors.decisionNumber, true)} value={f.decisionNumber} onChange={(e) => set('decisionNumber', e.target.value)} /></Field>
      <Field id="award-date" label={t('nominees.decidedOn')} error={errors.decidedOn}><DateInput {...describedBy('award-date', errors.decidedOn)} value={f.decidedOn} onChange={(v) => set('decidedOn', v)} /></Field>
    </EntryForm>
  );
}

const INITIATIVE_LEVELS = ['GRASSROOTS', 'PROVINCE', 'NATIONAL'] as const;
const INITIATIVE_KINDS = ['INITIATIVE', 'SCIENCE_TECH', 'COMBAT_INGENUITY'] as const;

function InitiativeForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  const [f, setF] = useState({ year: thisYear(), level: 'GRASSROOTS', kind: 'INITIATIVE', title: '', recognizedBy: '' });
  const set = (k: keyof typeof f, v: string) => setF((x) => ({ ...x, [k]: v }));
  return (
    <EntryForm legend={t('nominees.addInitiative')} busy={busy} error={error} onSubmit={() => void run(() => client.POST('/nominees/{id}/initiatives', { params: { path: { id }}, body: { year: Number(f.year), level: f.level as Schemas['InitiativeDto']['level'], kind: f.kind as Schemas['InitiativeDto']['kind'], title: f.title.trim(), ...(f.recognizedBy.trim() ? { recognizedBy: f.recognizedBy.trim() } : {}) } }))}>
      <Field id="initiative-year" label={t('form.year')} error={errors.year}><input {...describedBy('initiative-year', errors.year)} inputMode="numeric" value={f.year} onChange={(e) => set('year', e.target.value.replace(/\D/g, '').slice(0, 4))} /></Field>
      <Field id="initiative-title" label={t('nominees.initiativeTitle')} error={errors.title}><input {...describedBy('initiative-title', errors.title)} value={f.title} onChange={(e) => set('title', e.target.value)} /></Field>
      <Field id="initiative-kind" label={t('form.kind')}>
        <select id="initiative-kind" value={f.kind} onChange={(e) => set('kind', e.target.value)}>
          {INITIATIVE_KINDS.map((k) => <option key={k} value={k}>{t(`nominees.initiativeKind.${k}`)}</option>)}
        </select>
      </Field>
      <Field id="initiative-level" label={t('nominees.recognisedAt')}>
        <select id="initiative-level" value={f.level} onChange={(e) => set('level', e.target.value)}>
          {INITIATIVE_LEVELS.map((k) => <option key={k} value={k}>{t(`nominees.initiativeLevel.${k}`)}</option>)}
        </select>
      </Field>
      <Field id="initiative-by" label={t('nominees.recognisedBy')} error={errors.recognizedBy}><input {...describedBy('initiative-by', errors.recognizedBy)} value={f.recognizedBy} onChange={(e) => set('recognizedBy', e.target.value)} /></Field>
    </EntryForm>
  );
}

const DISCIPLINE_LEVELS = ['KHIEN_TRACH', 'CANH_CAO', 'HIGHER'] as const;

function DisciplineForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  const [f, setF] = useState({ from: '', to: '', level: 'KHIEN_TRACH', underReview: false });
  return (
    <EntryForm legend={t('nominees.addDiscipline')} busy={busy} error={error} onSubmit={() => void run(() => client.POST('/nominees/{id}/disciplines', { params: { path: { id }}, body: { from: f.from, ...(f.to ? { to: f.to } : {}), level: f.level as Schemas['DisciplineDto']['level'], underReview: f.underReview } }))}>
      <Field id="discipline-from" label={t('nominees.from')} error={errors.from}><DateInput {...describedBy('discipline-from', errors.from)} value={f.from} onChange={(v) => setF((x) => ({ ...x, from: v }))} /></Field>
      <Field id="discipline-to" label={t('nominees.to')} error={errors.to}><DateInput {...describedBy('discipline-to', errors.to)} value={f.to} onChange={(v) => setF((x) => ({ ...x, to: v }))} /></Field>
      <Field id="discipline-level" label={t('nominees.disciplineLevel')}>
        <select id="discipline-level" value={f.level} onChange={(e) => setF((x) => ({ ...x, level: e.target.value }))}>
          {DISCIPLINE_LEVELS.map((k) => <option key={k} value={k}>{t(`nominees.disciplineLevel.${k}`)}</option>)}
        </select>
      </Field>
      <label className="check"><input type="checkbox" checked={f.underReview} onChange={(e) => setF((x) => ({ ...x, underReview: e.target.checked }))} /> {t('nominees.underReview')}</label>
    </EntryForm>
  );
}

