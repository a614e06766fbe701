import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { client, data, type ApiError, type Schemas } from '../api';
import { versionFor, type CatalogueVersion } from '../catalogue';
import { dossierComponents } from '../vocabulary';
import { useI18n } from '../i18n/i18n';
import { Link, navigate, usePath } from '../router';
import { useSession } from '../session';
import { DocumentsInput, fieldErrors, type DocumentRef } from '../ui/documents';
import { EligibilityView, type Eligibility } from '../ui/eligibility';
import { DateInput, ErrorNotice, Field, Notice, PageTitle, asApiError, describedBy, useLabel, useLoad } from '../ui/kit';

const KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const;

export interface NominationDraft {
  kind: (typeof KINDS)[number];
  name: string;
  birthYear: string;
  /** Số định danh cá nhân: individuals (and a household's head, optionally). */
  personalId: string;
  position: string;
  frontLine: boolean;
  memberCount: string;
  awardCode: string;
  year: string;
  from: string;
  to: string;
  achievements: string;
  movementId: string;
  /** The phase review (sơ kết, tổng kết) the unit proposes this at, if any. */
  phaseReviewId?: string;
  /** Truy tặng: the nominee has died. */
  posthumous?: boolean;
  /** Simplified procedure (Law Art 85): the case 1–5, or empty. */
  simplifiedCase?: string;
}

export function toRequest(d: NominationDraft, documents: DocumentRef[]): Schemas['SubmitNominationDto'] {
  return {
    nominee: {
      kind: d.kind,
      name: d.name.trim(),
      ...(d.birthYear ? { birthYear: Number(d.birthYear) } : {}),
      ...(d.kind !== 'COLLECTIVE' && d.personalId.trim() ? { personalId: d.personalId.replace(/\D/g, '') } : {}),
      ...(d.position.trim() ? { position: d.position.trim() } : {}),
      frontLine: d.frontLine,
      ...(d.kind === 'COLLECTIVE' && d.memberCount ? { memberCount: Number(d.memberCount) } : {}),
    },
    awardCode: d.awardCode,
    year: Number(d.year),
    achievementPeriod: { from: d.from, to: d.to },
    achievements: d.achievements.trim(),
    documents: documents.map(({ name, sha256, sizeBytes, mimeType, component }) => ({ name, sha256, ...(sizeBytes !== undefined ? { sizeBytes } : {}), ...(mimeType ? { mimeType } : {}), ...(component ? { component } : {}) })),
    ...(d.movementId ? { movementId: d.movementId } : {}),
    ...(d.phaseReviewId ? { phaseReviewId: d.phaseReviewId } : {}),
    ...(d.posthumous ? { posthumous: true } : {}),
    ...(d.simplifiedCase ? { simplifiedProcedureCase: Number(d.simplifiedCase) } : {}),
  };
}

/** Checks the browser can make before sending, in the same field-keyed shape the API uses. */
export function localErrors(d: NominationDraft, t: (k: 'form.required' | 'form.periodOrder' | 'form.personalIdFormat') => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.name.trim()) e['nominee.name'] = t('form.required');
  if (d.kind === 'INDIVIDUAL' && !/^\d{12}$/.test(d.personalId.replace(/\D/g, ''))) e['nominee.personalId'] = t('form.personalIdFormat');
  if (!d.awardCode) e.awardCode = t('form.required');
  if (!d.achievements.trim()) e.achievements = t('form.required');
  if (!d.from) e['achievementPeriod.from'] = t('form.required');
  if (!d.to) e['achievementPeriod.to'] = t('form.required');
  if (d.from && d.to && d.from > d.to) e.achievementPeriod = t('form.periodOrder');
  return e;
}

export function NominationFormPage() {
  const { t, pick, dateTime } = useI18n();
  const { has } = useSession();
  const label = useLabel();
  const catalogue = useLoad(() => client.GET('/catalogue'), []);
  const movements = useLoad(() => client.GET('/movements'), []);
  const reviews = useLoad(() => client.GET('/phase-reviews'), []);
  const lastYear = new Date().getFullYear() - 1;
  const [d, setD] = useState<NominationDraft>({
    kind: 'INDIVIDUAL', name: '', birthYear: '', personalId: '', position: '', frontLine: false, memberCount: '', awardCode: '',
    year: String(lastYear), from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, achievements: '', movementId: '',
  });
  const [documents, setDocuments] = useState<DocumentRef[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [eligibility, setEligibility] = useState<Eligibility>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof NominationDraft>(k: K, v: NominationDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  // A draft kept by the unit (?draft=<id>): loaded into the form, saved again, discarded once sent.
  const { search } = usePath();
  const [draftId, setDraftId] = useState<string | undefined>(search.get('draft') ?? undefined);
  const [savedAt, setSavedAt] = useState<string>();
  // The draft in the form: one just saved here is not loaded back (that would clear what was typed since).
  const loaded = useRef<string | undefined>(undefined);
  useEffect(() => {
    const id = search.get('draft');
    if (!id || loaded.current === id) return;
    loaded.current = id;
    data(client.GET('/drafts/{id}', { params: { path: { id } } })).then((r) => {
      const body = r.body as Partial<NominationDraft> & { documents?: DocumentRef[] };
      const { documents: docs, ...fields } = body;
      setD((x) => ({ ...x, ...fields, personalId: '' }));
      setDocuments(docs ?? []);
      setDraftId(r.id);
      setSavedAt(r.updatedAt);
    }, (e: unknown) => setError(asApiError(e)));
  }, [search.get('draft')]);

  /** Saves the form as the unit's draft, without the personal identification number. */
  async function saveDraft() {
    setBusy(true);
    setError(undefined);
    try {
      const { personalId: _kept, ...fields } = d;
      const body = { ...fields, documents };
      const r = draftId
        ? await data(client.PUT('/drafts/{id}', { params: { path: { id: draftId } }, body: { body, ...(d.awardCode ? { awardCode: d.awardCode } : {}) } }))
        : await data(client.POST('/drafts', { body: { body, ...(d.awardCode ? { awardCode: d.awardCode } : {}) } }));
      setDraftId(r.id);
      setSavedAt(r.updatedAt);
      loaded.current = r.id;
      if (!draftId) navigate(`/nominations/new?draft=${r.id}`, true);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const version = catalogue.data && d.to ? versionFor(catalogue.data, d.to) : undefined;
  const awards = useMemo(() => Object.values(version?.awards ?? {}).filter((a) => a.recipientKinds.includes(d.kind)), [version, d.kind]);
  const award = awards.find((a) => a.code === d.awardCode);
  const required = award ? dossierComponents(award, !!d.simplifiedCase) : [];

  function check(): boolean {
    const e = localErrors(d, t);
    // Each required component holds at least one file before the dossier is sent.
    for (const r of required) if (!documents.some((x) => x.component === r.code)) e[`component.${r.code}`] = t('form.componentMissing');
    setErrors(e);
    return Object.keys(e).length === 0;
  }

  async function evaluate() {
    if (!check()) return;
    setBusy(true);
    setError(undefined);
    try {
      const req = toRequest(d, documents);
      // The nominee's identity (kind, name, birth year) finds their record; the rest does not bear on eligibility.
      const { kind, name, birthYear, personalId } = req.nominee;
      setEligibility(await data(client.POST('/eligibility/evaluate', { body: { awardCode: req.awardCode, nominee: { kind, name, ...(birthYear ? { birthYear } : {}), ...(personalId ? { personalId } : {}) }, year: req.year, achievementPeriod: req.achievementPeriod } })));
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      setErrors(fieldErrors(err, pick));
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!check()) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await data(client.POST('/nominations', { body: toRequest(d, documents) }));
      // Sent: the draft has done its work. A failure to discard it leaves a stale draft, not a lost dossier.
      if (draftId) await client.POST('/drafts/{id}/discard', { params: { path: { id: draftId } } }).catch(() => undefined);
      navigate(`/nominations/${r.id}?submitted=1`);
    } catch (ex) {
      const err = asApiError(ex);
      setError(err);
      setErrors(fieldErrors(err, pick));
    } finally {
      setBusy(false);
    }
  }

  if (!has('CLERK')) return <ErrorNotice error={{ code: 'ROLE', messageVi: 'Chỉ văn thư đơn vị mới được lập hồ sơ.', messageEn: 'Only a unit clerk may prepare nominations.' }} />;
  const err = (k: string) => errors[k];
  return (
    <section>
      <PageTitle>{t('form.title')}</PageTitle>
      <form onSubmit={submit} noValidate className="card form-grid">
        <fieldset>
          <legend>{t('form.nominee')}</legend>
          <Field id="nominee-kind" label={t('form.kind')} error={err('nominee.kind')}>
            <select {...describedBy('nominee-kind', err('nominee.kind'))} value={d.kind} onChange={(e) => { set('kind', e.target.value as NominationDraft['kind']); set('awardCode', ''); }}>
              {KINDS.map((k) => <option key={k} value={k}>{label('kind', k)}</option>)}
            </select>
          </Field>
          <Field id="nominee-name" label={t('form.name')} error={err('nominee.name')}>
            <input {...describedBy('nominee-name', err('nominee.name'))} required value={d.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
          </Field>
          {d.kind === 'INDIVIDUAL' && (
            <>
              <Field id="nominee-birthYear" label={t('form.birthYear')} error={err('nominee.birthYear')}>
                <input {...describedBy('nominee-birthYear', err('nominee.birthYear'))} inputMode="numeric" value={d.birthYear} onChange={(e) => set('birthYear', e.target.value.replace(/\D/g, '').slice(0, 4))} />
              </Field>
              <Field id="nominee-personalId" label={t('form.personalId')} error={err('nominee.personalId')} hint={t('form.personalIdHint')}>
                <input {...describedBy('nominee-personalId', err('nominee.personalId'), true)} inputMode="numeric" autoComplete="off" value={d.personalId} onChange={(e) => set('personalId', e.target.value.replace(/[^\d ]/g, '').slice(0, 15))} />
              </Field>
              <Field id="nominee-position" label={t('form.position')} error={err('nominee.position')}>
                <input {...describedBy('nominee-position', err('nominee.position'))} value={d.position} onChange={(e) => set('position', e.target.value)} />
              </Field>
            </>
          )}
          {d.kind === 'COLLECTIVE' && (
            <Field id="nominee-memberCount" label={t('form.memberCount')} error={err('nominee.memberCount')}>
              <input {...describedBy('nominee-memberCount', err('nominee.memberCount'))} inputMode="numeric" value={d.memberCount} onChange={(e) => set('memberCount', e.target.value.replace(/\D/g, ''))} />
            </Field>
          )}
          <div className="checkbox">
            <input id="nominee-frontLine" type="checkbox" checked={d.frontLine} onChange={(e) => set('frontLine', e.target.checked)} aria-describedby="nominee-frontLine-hint" />
            <label htmlFor="nominee-frontLine">{d.kind === 'COLLECTIVE' ? t('form.smallCollective') : t('form.frontLine')}</label>
            <p className="hint" id="nominee-frontLine-hint">{t('form.frontLineHint')}</p>
          </div>
          {d.kind === 'INDIVIDUAL' && (
            <div className="checkbox">
              <input id="nominee-posthumous" type="checkbox" checked={!!d.posthumous} onChange={(e) => set('posthumous', e.target.checked)} />
              <label htmlFor="nominee-posthumous">{t('form.posthumous')}</label>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('form.award')}</legend>
          <Field id="awardCode" label={t('common.award')} error={err('awardCode')}>
            <select {...describedBy('awardCode', err('awardCode'))} value={d.awardCode} onChange={(e) => set('awardCode', e.target.value)} required>
              <option value="">{t('form.chooseAward')}</option>
              {awards.map((a) => <option key={a.code} value={a.code}>{pick(a.nameVi, a.nameEn)}</option>)}
            </select>
          </Field>
          {awards.find((a) => a.code === d.awardCode)?.simplifiedProcedureAllowed && (
            <Field id="simplifiedProcedureCase" label={t('form.simplified')} error={err('simplifiedProcedureCase')} hint={t('form.simplifiedHint')}>
              <select {...describedBy('simplifiedProcedureCase', err('simplifiedProcedureCase'), true)} value={d.simplifiedCase ?? ''} onChange={(e) => set('simplifiedCase', e.target.value)}>
                <option value="">{t('form.regularProcedure')}</option>
                {(['1', '2', '3', '4', '5'] as const).map((c) => <option key={c} value={c}>{t(`simplified.${c}`)}</option>)}
              </select>
            </Field>
          )}
          <Field id="year" label={t('form.year')} error={err('year')}>
            <input {...describedBy('year', err('year'))} inputMode="numeric" value={d.year} onChange={(e) => set('year', e.target.value.replace(/\D/g, '').slice(0, 4))} />
          </Field>
          <Field id="achievementPeriod-from" label={t('form.from')} error={err('achievementPeriod.from') ?? err('achievementPeriod')}>
            <DateInput {...describedBy('achievementPeriod-from', err('achievementPeriod.from') ?? err('achievementPeriod'))} value={d.from} onChange={(v) => set('from', v)} />
          </Field>
          <Field id="achievementPeriod-to" label={t('form.to')} error={err('achievementPeriod.to')}>
            <DateInput {...describedBy('achievementPeriod-to', err('achievementPeriod.to'))} value={d.to} onChange={(v) => set('to', v)} />
          </Field>
          <Field id="movementId" label={t('form.movement')} error={err('movementId')}>
            <select {...describedBy('movementId', err('movementId'))} value={d.movementId} onChange={(e) => set('movementId', e.target.value)}>
              <option value="">{t('form.noMovement')}</option>
              {(movements.data ?? []).map((m) => <option key={m.id} value={m.id}>{pick(m.titleVi, m.titleEn)}</option>)}
            </select>
          </Field>
          {(reviews.data?.items ?? []).some((r) => r.status === 'OPEN') && (
            <Field id="phaseReviewId" label={t('form.phaseReview')} error={err('phaseReviewId')}>
              <select {...describedBy('phaseReviewId', err('phaseReviewId'))} value={d.phaseReviewId ?? ''} onChange={(e) => set('phaseReviewId', e.target.value)}>
                <option value="">{t('form.noPhaseReview')}</option>
                {(reviews.data?.items ?? []).filter((r) => r.status === 'OPEN').map((r) => <option key={r.id} value={r.id}>{r.titleVi}</option>)}
              </select>
            </Field>
          )}

        </fieldset>
        <fieldset className="wide">
          <legend>{t('form.dossier')}</legend>
          <Field id="achievements" label={t('form.achievements')} error={err('achievements')} hint={t('form.achievementsHint')}>
            <textarea {...describedBy('achievements', err('achievements'), true)} rows={6} value={d.achievements} onChange={(e) => set('achievements', e.target.value)} />
          </Field>
          {/* One slot per component the award's dossier requires (Law Art 84; the simplified procedure, Art 85, one set). */}
          {required.length > 0 && <p className="hint">{t('form.requiredDocs')}</p>}
          {required.map((r) => (
            <DocumentsInput
              key={r.code}
              id={`documents-${r.code}`}
              label={`${pick(r.vi, r.en)} *`}
              value={documents.filter((x) => x.component === r.code)}
              onChange={(docs) => setDocuments([...documents.filter((x) => x.component !== r.code), ...docs.map((x) => ({ ...x, component: r.code }))])}
              error={err(`component.${r.code}`)}
            />
          ))}
          <DocumentsInput
            id="documents"
            label={required.length ? t('form.otherDocs') : undefined}
            value={documents.filter((x) => !x.component)}
            onChange={(docs) => setDocuments([...documents.filter((x) => x.component), ...docs])}
            error={err('documents')}
          />
        </fieldset>
        <div className="wide">
          <ErrorNotice error={error} inline />
          {eligibility && <EligibilityView result={eligibility} />}
          {savedAt && <Notice kind="success">{t('form.draftSaved', { at: dateTime(savedAt) })}</Notice>}
          <div className="actions">
            <button type="button" onClick={saveDraft} disabled={busy}>{t('form.saveDraft')}</button>
            <button type="button" onClick={evaluate} disabled={busy}>{t('form.evaluate')}</button>
            <button type="submit" className="primary" disabled={busy}>{busy ? t('common.working') : t('form.submit')}</button>
          </div>
        </div>
      </form>
    </section>
  );
}

/** The unit's drafts, most recently changed first: open one to go on, or discard it. */
export function DraftList() {
  const { t, dateTime } = useI18n();
  const drafts = useLoad(() => client.GET('/drafts'), []);
  const [error, setError] = useState<ApiError>();
  if (!drafts.data) return <ErrorNotice error={drafts.error} />;
  if (!drafts.data.items.length) return <p className="muted">{t('drafts.none')}</p>;
  async function discard(id: string) {
    setError(undefined);
    try {
      await data(client.POST('/drafts/{id}/discard', { params: { path: { id } } }));
      drafts.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <>
      <ul className="plain">
        {drafts.data.items.map((x) => (
          <li key={x.id}>
            <Link to={`/nominations/new?draft=${x.id}`}>{x.title}</Link> <span className="muted">· {t('drafts.savedAt', { at: dateTime(x.updatedAt) })}</span>{' '}
            <button type="button" className="link-button" onClick={() => void discard(x.id)} aria-label={t('drafts.discardOne', { name: x.title })}>{t('drafts.discard')}</button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
    </>
  );
}
