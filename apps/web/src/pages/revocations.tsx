import { useState } from 'react';
import { client, data, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { DocumentsInput, fieldErrors, type DocumentRef } from '../ui/documents';
import { Badge, ErrorNotice, Field, Loading, PageTitle, asApiError, describedBy, useLabel, useLoad } from '../ui/kit';
import { ExportButton } from '../ui/export';

const GROUNDS = ['FRAUDULENT_DECLARATION', 'FALSE_DOCUMENTS', 'UNLAWFUL_PROCEDURE', 'LATER_FINDING'] as const;
type CaseRow = Schemas['RevocationCaseRow'];

/** Revocation cases: inspectors and auditors see those in scope; decision makers those their unit decides. */
export function RevocationsPage() {
  const { t, date } = useI18n();
  const label = useLabel();
  const cases = useLoad(() => client.GET('/revocations'), []);
  return (
    <section>
      <PageTitle>{t('revocation.title')}</PageTitle>
      {cases.loading && !cases.data ? <Loading /> : <ErrorNotice error={cases.error} />}
      {cases.data && cases.data.items.length > 0 && (
        <ExportButton fileName="vu-viec-thu-hoi.xlsx" table={async () => ({
          sheetName: t('nav.revocations'), title: t('nav.revocations'),
          columns: [t('common.nominee'), t('common.award'), t('public.number'), t('revocation.ground'), t('public.date'), t('list.status')].map((header, i) => ({ header, width: [30, 36, 20, 30, 12, 14][i] })),
          rows: cases.data!.items.map((c) => [c.nomineeName, `${label('award', c.awardCode)} (${c.year})`, `${c.decisionNumber} (${c.issuerNameVi})`, label('ground', c.ground), date(c.openedAt), label('revocation.status', c.status)]),
        })} />
      )}
      {cases.data && (cases.data.items.length === 0 ? <p className="muted">{t('revocation.none')}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('common.nominee')}</th><th scope="col">{t('common.award')}</th><th scope="col">{t('public.number')}</th><th scope="col">{t('revocation.ground')}</th><th scope="col">{t('public.date')}</th><th scope="col">{t('list.status')}</th></tr></thead>
            <tbody>
              {cases.data.items.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/revocations/${c.id}`}>{c.nomineeName}</Link></td>
                  <td>{label('award', c.awardCode)} ({c.year})</td>
                  <td>{c.decisionNumber} <span className="muted">({c.issuerNameVi})</span></td>
                  <td>{label('ground', c.ground)}</td>
                  <td>{date(c.openedAt)}</td>
                  <td><Badge tone={c.status === 'REVOKED' ? 'bad' : c.status === 'OPEN' ? 'warn' : 'neutral'}>{label('revocation.status', c.status)}</Badge></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

export function RevocationPage({ id }: { id: string }) {
  const { t, pick, dateTime } = useI18n();
  const { actor } = useSession();
  const label = useLabel();
  const c = useLoad(() => client.GET('/revocations/{id}', { params: { path: { id } } }), [id]);
  const [action, setAction] = useState<'REVOKE' | 'DISMISS'>('REVOKE');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const errors = fieldErrors(error, pick);
  if (c.loading && !c.data) return <Loading />;
  if (!c.data) return <ErrorNotice error={c.error} />;
  const x = c.data;
  const decides = x.status === 'OPEN' && actor?.unitId === x.decidingUnitId && actor.roles.includes('DECISION_MAKER');
  async function decide() {
    setError(undefined);
    try {
      await client.POST('/revocations/{id}/decide', { params: { path: { id } }, body: { action, reason: reason.trim() } });
      c.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section>
      <PageTitle>{`${t('revocation.title')}: ${x.nomineeName}`}</PageTitle>
      <p><Badge tone={x.status === 'REVOKED' ? 'bad' : 'warn'}>{label('revocation.status', x.status)}</Badge> {label('award', x.awardCode)} ({x.year}) · {x.decisionNumber} ({x.issuerNameVi})</p>
      {x.revocationNumber && <p>{t('public.revocationDecision')}: {x.revocationNumber} ({x.revocationIssuerNameVi})</p>}
      <dl className="facts">
        <dt>{t('revocation.ground')}</dt><dd>{label('ground', x.ground)}</dd>
        <dt>{t('revocation.statement')}</dt><dd className="prewrap">{x.statement}</dd>
        {x.reason && <><dt>{t('revocation.reason')}</dt><dd className="prewrap">{x.reason}</dd></>}
      </dl>
      <h2>{t('nomination.progress')}</h2>
      <ol className="timeline">{x.trail?.map((s) => <li key={s.seq}><time>{dateTime(s.at)}</time> {s.type} <span className="muted">{s.actorName}</span></li>)}</ol>
      {decides && (
        <section className="card action-card" aria-label={t('revocation.decide')}>
          <h2>{t('revocation.decide')}</h2>
          <form onSubmit={(e) => { e.preventDefault(); void decide(); }} noValidate>
            <fieldset className="radio-row">
              <legend>{t('revocation.decide')}</legend>
              {(['REVOKE', 'DISMISS'] as const).map((a) => <label key={a}><input type="radio" name="revocation-action" checked={action === a} onChange={() => setAction(a)} /> {t(`revocation.${a}`)}</label>)}
            </fieldset>
            <Field id="revocation-reason" label={t('revocation.reason')} error={errors.reason}>
              <textarea {...describedBy('revocation-reason', errors.reason, true)} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
            <ErrorNotice error={error} inline />
            <button type="submit" className="primary">{t('revocation.decide')}</button>
          </form>
        </section>
      )}
    </section>
  );
}

/** An inspector opens a case against one recipient of a decision, with grounds and evidence. */
export function OpenRevocationForm({ registerId, nomineeName }: { registerId: string; nomineeName: string }) {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [ground, setGround] = useState<(typeof GROUNDS)[number]>('FALSE_DOCUMENTS');
  const [statement, setStatement] = useState('');
  const [evidence, setEvidence] = useState<DocumentRef[]>([]);
  const [error, setError] = useState<ApiError>();
  const errors = fieldErrors(error, pick);
  if (!open) return <button type="button" className="no-print" onClick={() => setOpen(true)}>{t('revocation.open')}: {nomineeName}</button>;
  async function send() {
    setError(undefined);
    try {
      const res = await data(client.POST('/revocations', { body: { registerId, ground, statement: statement.trim(), evidence } }));
      navigate(`/revocations/${res.caseId}`);
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section className="card action-card no-print" aria-label={t('revocation.open')}>
      <h2>{t('revocation.open')}: {nomineeName}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void send(); }} noValidate>
        <Field id="ground" label={t('revocation.ground')} error={errors.ground}>
          <select {...describedBy('ground', errors.ground)} value={ground} onChange={(e) => setGround(e.target.value as (typeof GROUNDS)[number])}>
            {GROUNDS.map((g) => <option key={g} value={g}>{t(`ground.${g}`)}</option>)}
          </select>
        </Field>
        <Field id="statement" label={t('revocation.statement')} error={errors.statement}>
          <textarea {...describedBy('statement', errors.statement, true)} rows={4} value={statement} onChange={(e) => setStatement(e.target.value)} />
        </Field>
        <DocumentsInput id="evidence" value={evidence} onChange={setEvidence} error={errors.evidence} />
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary">{t('revocation.open')}</button>
      </form>
    </section>
  );
}
