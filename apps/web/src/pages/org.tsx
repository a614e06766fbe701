import { useState } from 'react';
import { client, data, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { fieldErrors } from '../ui/documents';
import { DateInput, Badge, ErrorNotice, Field, Loading, Notice, PageTitle, asApiError, describedBy, useLabel, useLoad } from '../ui/kit';

type Unit = Schemas['OrgUnitRow'];

/** The organisation, ceased units with their successors (the 2025 mergers), and for administrators the succession form. */
export function OrgPage() {
  const { t, pick, date } = useI18n();
  const { has } = useSession();
  const label = useLabel();
  const units = useLoad(() => client.GET('/org/units'), []);
  if (units.loading && !units.data) return <Loading />;
  if (!units.data) return <ErrorNotice error={units.error} />;
  const byId = new Map(units.data.items.map((u) => [u.id, u]));
  return (
    <section>
      <PageTitle>{t('org.title')}</PageTitle>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('list.unit')}</th><th scope="col">{t('common.level')}</th><th scope="col">{t('list.status')}</th></tr></thead>
          <tbody>
            {units.data.items.map((u) => (
              <tr key={u.id}>
                <td>{pick(u.nameVi, u.nameEn)} <span className="muted">({u.id})</span></td>
                <td>{label('level', u.level)}</td>
                <td>{u.validTo ? <><Badge>{t('org.ceased', { date: date(u.validTo), successor: u.successorId ? pick(byId.get(u.successorId)?.nameVi ?? u.successorId, byId.get(u.successorId)?.nameEn ?? u.successorId) : '—' })}</Badge> <span className="muted">{u.ceasedReason}</span></> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {has('ADMIN') && <SuccessionForm units={units.data.items.filter((u) => !u.validTo)} onDone={units.reload} />}
    </section>
  );
}

function SuccessionForm({ units, onDone }: { units: Unit[]; onDone(): void }) {
  const { t, pick } = useI18n();
  const [unitId, setUnitId] = useState('');
  const [successorId, setSuccessorId] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [reasonVi, setReasonVi] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<number>();
  const errors = fieldErrors(error, pick);
  async function send() {
    setError(undefined);
    try {
      const res = await data(client.POST('/org/units/{id}/succession', { params: { path: { id: unitId } }, body: { successorId, lastDay, reasonVi: reasonVi.trim(), reasonEn: reasonEn.trim() } }));
      setDone(res.rerouted.length);
      onDone();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  const options = units.map((u) => <option key={u.id} value={u.id}>{pick(u.nameVi, u.nameEn)}</option>);
  return (
    <section className="card action-card" aria-label={t('org.succession')}>
      <h2>{t('org.succession')}</h2>
      {done !== undefined && <Notice kind="success">{t('org.rerouted', { count: done })}</Notice>}
      <form onSubmit={(e) => { e.preventDefault(); void send(); }} noValidate>
        <Field id="ceased-unit" label={t('list.unit')}><select id="ceased-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}><option value="" />{options}</select></Field>
        <Field id="successorId" label={t('org.successor')} error={errors.successorId}><select {...describedBy('successorId', errors.successorId)} value={successorId} onChange={(e) => setSuccessorId(e.target.value)}><option value="" />{options}</select></Field>
        <Field id="lastDay" label={t('org.lastDay')} error={errors.lastDay}><DateInput {...describedBy('lastDay', errors.lastDay)} value={lastDay} onChange={(v) => setLastDay(v)} /></Field>
        <Field id="reasonVi" label={t('org.reasonVi')} error={errors.reasonVi}><input {...describedBy('reasonVi', errors.reasonVi)} value={reasonVi} onChange={(e) => setReasonVi(e.target.value)} /></Field>
        <Field id="reasonEn" label={t('org.reasonEn')} error={errors.reasonEn}><input {...describedBy('reasonEn', errors.reasonEn)} value={reasonEn} onChange={(e) => setReasonEn(e.target.value)} /></Field>
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary">{t('org.succession')}</button>
      </form>
    </section>
  );
}
