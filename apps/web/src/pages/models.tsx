import { useState } from 'react';
import { MODEL_STAGES, MODEL_STAGE_NAMES } from '@vinhdanh/domain/movement/exemplary-model';
import { client, data, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Badge, ErrorNotice, Field, Loading, Notice, PageTitle, asApiError, describedBy, useLabel, useLoad } from '../ui/kit';
import { ExportButton } from '../ui/export';

type Model = Schemas['ModelRow'];

/** The stages as a list with the one reached marked: found → fostered → summed up → replicated. */
export function ModelStages({ model }: { model: { stage: Model['stage']; stages: { stage: Model['stage']; note: string; at: string }[] } }) {
  const { pick, date } = useI18n();
  const reached = MODEL_STAGES.indexOf(model.stage);
  return (
    <ol className="stages">
      {MODEL_STAGES.map((s, i) => {
        const done = model.stages.find((x) => x.stage === s);
        return (
          <li key={s} aria-current={i === reached ? 'step' : undefined} className={i <= reached ? 'reached' : undefined}>
            <strong>{pick(MODEL_STAGE_NAMES[s].vi, MODEL_STAGE_NAMES[s].en)}</strong>
            {done && <> — {date(done.at)}: {done.note}</>}
          </li>
        );
      })}
    </ol>
  );
}

/** The unit's exemplary models (điển hình tiên tiến), and a form to register one just found. */
export function ModelsPage() {
  const { t, pick } = useI18n();
  const { has } = useSession();
  const list = useLoad(() => client.GET('/models'), []);
  const [kind, setKind] = useState<'COLLECTIVE' | 'INDIVIDUAL'>('COLLECTIVE');
  const [subjectName, setSubjectName] = useState('');
  const [titleVi, setTitleVi] = useState('');
  const [descriptionVi, setDescriptionVi] = useState('');
  const [error, setError] = useState<ApiError>();
  async function register() {
    setError(undefined);
    try {
      const m = await data(client.POST('/models', { body: { kind, subjectName, titleVi, descriptionVi } }));
      navigate(`/models/${m.id}`);
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section>
      <PageTitle>{t('model.title')}</PageTitle>
      <p className="muted">{t('model.intro')}</p>
      {(has('CLERK') || has('DECISION_MAKER')) && (
        <form className="card form-grid" aria-label={t('model.register')} onSubmit={(e) => { e.preventDefault(); void register(); }}>
          <Field id="model-kind" label={t('form.kind')}>
            <select {...describedBy('model-kind')} value={kind} onChange={(e) => setKind(e.target.value as 'COLLECTIVE')}>
              <option value="COLLECTIVE">{t('import.kind.COLLECTIVE')}</option><option value="INDIVIDUAL">{t('import.kind.INDIVIDUAL')}</option>
            </select>
          </Field>
          <Field id="model-subject" label={t('model.subject')}><input {...describedBy('model-subject')} value={subjectName} onChange={(e) => setSubjectName(e.target.value)} /></Field>
          <Field id="model-title" label={t('model.name')}><input {...describedBy('model-title')} value={titleVi} onChange={(e) => setTitleVi(e.target.value)} /></Field>
          <Field id="model-description" label={t('model.description')}><textarea {...describedBy('model-description')} rows={3} value={descriptionVi} onChange={(e) => setDescriptionVi(e.target.value)} /></Field>
          <div className="wide"><ErrorNotice error={error} /><button type="submit" className="primary">{t('model.registerButton')}</button></div>
        </form>
      )}
      {list.loading && !list.data ? <Loading /> : <ErrorNotice error={list.error} />}
      {list.data && list.data.items.length > 0 && (
        <ExportButton fileName="dien-hinh-tien-tien.xlsx" table={async () => ({
          sheetName: t('model.title'), title: t('model.title'),
          columns: [t('model.name'), t('model.subject'), t('list.unit'), t('model.stage'), t('model.published')].map((header, i) => ({ header, width: [40, 30, 30, 14, 12][i] })),
          rows: list.data!.items.map((m) => [m.titleVi, m.subjectName, m.unitNameVi ?? m.unitId, pick(MODEL_STAGE_NAMES[m.stage].vi, MODEL_STAGE_NAMES[m.stage].en), m.published ? '✓' : '']),
        })} />
      )}
      {list.data && (list.data.items.length === 0 ? <p className="muted">{t('model.none')}</p> : (
        <ul className="plain">
          {list.data.items.map((m) => (
            <li key={m.id}><Link to={`/models/${m.id}`}>{m.titleVi}</Link> — {m.subjectName} · {pick(MODEL_STAGE_NAMES[m.stage].vi, MODEL_STAGE_NAMES[m.stage].en)} {m.published && <Badge tone="good">{t('model.published')}</Badge>}</li>
          ))}
        </ul>
      ))}
    </section>
  );
}

/** One model: its stages, the next step, the awards it won, publication. */
export function ModelPage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const { actor, has } = useSession();
  const model = useLoad(() => client.GET('/models/{id}', { params: { path: { id } } }), [id]);
  const awarded = useLoad(() => client.GET('/nominations', { params: { query: { status: 'AWARDED', pageSize: 200 } } }), []);
  const [note, setNote] = useState('');
  const [nominationId, setNominationId] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const m = model.data;
  if (!m) return model.error ? <ErrorNotice error={model.error} /> : <Loading />;
  const mine = actor?.unitId === m.unitId;
  const staff = mine && (has('CLERK') || has('DECISION_MAKER'));
  const following = !(m.stage === 'NHAN_RONG' && m.published);
  const next = MODEL_STAGES[MODEL_STAGES.indexOf(m.stage) + 1];
  async function act(action: () => Promise<unknown>, message: string) {
    setError(undefined);
    try {
      await action();
      setDone(message);
      setNote('');
      model.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section>
      <PageTitle>{m.titleVi}</PageTitle>
      <p>{m.subjectName} · {m.unitNameVi ? pick(m.unitNameVi, m.unitNameEn ?? m.unitNameVi) : m.unitId} {m.published && <Badge tone="good">{t('model.published')}</Badge>}</p>
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorNotice error={error} />
      <ModelStages model={m} />
      {m.awards.length > 0 && <p>{t('model.awards')}: {m.awards.map((a) => `${label('award', a.awardCode)} (${a.decisionNumber})`).join('; ')}</p>}
      {staff && following && next && (
        <form className="card" aria-label={t('model.advance')} onSubmit={(e) => { e.preventDefault(); void act(() => data(client.POST('/models/{id}/advance', { params: { path: { id } }, body: { note } })), t('model.advanced')); }}>
          <Field id="model-note" label={t('model.noteFor', { stage: pick(MODEL_STAGE_NAMES[next].vi, MODEL_STAGE_NAMES[next].en) })}><textarea {...describedBy('model-note')} rows={3} value={note} onChange={(e) => setNote(e.target.value)} /></Field>
          <button type="submit" className="primary">{t('model.advanceTo', { stage: pick(MODEL_STAGE_NAMES[next].vi, MODEL_STAGE_NAMES[next].en) })}</button>
        </form>
      )}
      {staff && following && (
        <form className="card" aria-label={t('model.link')} onSubmit={(e) => { e.preventDefault(); void act(() => data(client.POST('/models/{id}/awards', { params: { path: { id } }, body: { nominationId } })), t('model.linked')); }}>
          <Field id="model-award" label={t('model.awardToLink')}>
            <select {...describedBy('model-award')} value={nominationId} onChange={(e) => setNominationId(e.target.value)}>
              <option value="">{t('model.chooseAward')}</option>
              {(awarded.data?.items ?? []).filter((n) => !m.awards.some((a) => a.nominationId === n.id)).map((n) => <option key={n.id} value={n.id}>{n.nominee.name} — {pick(n.awardNameVi, n.awardNameEn)} ({n.year})</option>)}
            </select>
          </Field>
          <button type="submit" disabled={!nominationId}>{t('model.linkButton')}</button>
        </form>
      )}
      {mine && has('DECISION_MAKER') && !m.published && (m.stage === 'TONG_KET' || m.stage === 'NHAN_RONG') && (
        <button type="button" className="primary" onClick={() => void act(() => data(client.POST('/models/{id}/publish', { params: { path: { id } } })), t('model.publishedDone'))}>{t('model.publish')}</button>
      )}
      <p><Link to="/models">{t('model.back')}</Link></p>
    </section>
  );
}
