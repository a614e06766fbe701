import { useState } from 'react';
import { client, data, type ApiError } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { fieldErrors } from '../ui/documents';
import { Badge, DateInput, ErrorNotice, Field, Loading, Notice, PageTitle, asApiError, describedBy, useLoad } from '../ui/kit';

const COUNCIL_ROLES = ['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'] as const;

/** The councils, for administrators and auditors: each leads to its membership; administrators form new ones. */
export function CouncilListPage() {
  const { t, pick } = useI18n();
  const { has } = useSession();
  const councils = useLoad(() => client.GET('/councils'), []);
  const units = useLoad(() => client.GET('/org/units'), []);
  if (councils.loading && !councils.data) return <Loading />;
  if (!councils.data) return <ErrorNotice error={councils.error} />;
  return (
    <section>
      <PageTitle>{t('councilAdmin.title')}</PageTitle>
      <ul>
        {councils.data.items.map((c) => (
          <li key={c.id}><Link to={`/hoi-dong/${c.id}`}>{pick(c.nameVi, c.nameEn)}</Link> <span className="muted">({c.id})</span></li>
        ))}
      </ul>
      {has('ADMIN') && units.data && <FormCouncil units={units.data.items.filter((u) => !u.validTo && !councils.data!.items.some((c) => c.unitId === u.id)).map((u) => ({ id: u.id, name: pick(u.nameVi, u.nameEn) }))} onDone={councils.reload} />}
    </section>
  );
}

function FormCouncil({ units, onDone }: { units: { id: string; name: string }[]; onDone(): void }) {
  const { t, pick } = useI18n();
  const [f, setF] = useState({ unitId: '', nameVi: '', nameEn: '', reason: '' });
  const [error, setError] = useState<ApiError>();
  const errors = fieldErrors(error, pick);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  async function send() {
    setError(undefined);
    try {
      await data(client.POST('/councils', { body: { unitId: f.unitId, nameVi: f.nameVi.trim(), nameEn: f.nameEn.trim(), reason: f.reason.trim() } }));
      setF({ unitId: '', nameVi: '', nameEn: '', reason: '' });
      onDone();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section className="card action-card" aria-label={t('councilAdmin.form')}>
      <h2>{t('councilAdmin.form')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void send(); }} noValidate>
        <Field id="council-unitId" label={t('list.unit')} error={errors.unitId}>
          <select {...describedBy('council-unitId', errors.unitId)} value={f.unitId} onChange={set('unitId')}><option value="" />{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select>
        </Field>
        <Field id="nameVi" label={t('councilAdmin.nameVi')} error={errors.nameVi}><input {...describedBy('nameVi', errors.nameVi)} value={f.nameVi} onChange={set('nameVi')} /></Field>
        <Field id="nameEn" label={t('councilAdmin.nameEn')} error={errors.nameEn}><input {...describedBy('nameEn', errors.nameEn)} value={f.nameEn} onChange={set('nameEn')} /></Field>
        <Field id="council-reason" label={t('councilAdmin.founding')} error={errors.reason}><input {...describedBy('council-reason', errors.reason)} value={f.reason} onChange={set('reason')} /></Field>
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary">{t('councilAdmin.form')}</button>
      </form>
    </section>
  );
}

/** A council's terms; administrators appoint and end them, dated and with their basis. */
export function CouncilMembersPage({ id }: { id: string }) {
  const { t, pick, date } = useI18n();
  const { has } = useSession();
  const members = useLoad(() => client.GET('/councils/{councilId}/members', { params: { path: { councilId: id } } }), [id]);
  const [error, setError] = useState<ApiError>();
  if (members.loading && !members.data) return <Loading />;
  if (!members.data) return <ErrorNotice error={members.error} />;
  const m = members.data;
  const role = (r: string) => t(`councilRole.${r}` as Parameters<typeof t>[0]);
  const admin = has('ADMIN');
  async function end(userId: string) {
    const reason = window.prompt(t('councilAdmin.endReason'))?.trim();
    if (!reason) return;
    const lastDay = window.prompt(t('councilAdmin.lastDay'), m.today)?.trim();
    if (!lastDay) return;
    setError(undefined);
    try {
      await data(client.POST('/councils/{councilId}/members/{userId}/end', { params: { path: { councilId: id, userId } }, body: { lastDay, reason } }));
      members.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section>
      <PageTitle>{pick(m.council.nameVi, m.council.nameEn)}</PageTitle>
      <ErrorNotice error={error} />
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('accounts.fullName')}</th><th scope="col">{t('councilAdmin.role')}</th><th scope="col">{t('councilAdmin.from')}</th><th scope="col">{t('councilAdmin.to')}</th><th scope="col">{t('accounts.state')}</th>{admin && <th scope="col"><span className="visually-hidden">{t('councilAdmin.end')}</span></th>}</tr></thead>
          <tbody>
            {m.items.map((x) => (
              <tr key={`${x.userId}-${x.fromDate}`}>
                <td>{x.fullName} <span className="muted">({x.userId})</span></td>
                <td>{role(x.role)}</td>
                <td>{date(x.fromDate)}</td>
                <td>{x.toDate ? date(x.toDate) : '—'}</td>
                <td>{x.current ? <Badge tone="good">{t('councilAdmin.current')}</Badge> : <Badge>{t('councilAdmin.notCurrent')}</Badge>}</td>
                {admin && <td>{(x.toDate === null || x.toDate >= m.today) && <button type="button" className="link-button" onClick={() => void end(x.userId)}>{t('councilAdmin.end')}</button>}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && <AppointForm councilId={id} today={m.today} onDone={members.reload} />}
    </section>
  );
}

function AppointForm({ councilId, today, onDone }: { councilId: string; today: string; onDone(): void }) {
  const { t, pick } = useI18n();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<(typeof COUNCIL_ROLES)[number]>('MEMBER');
  const [fromDate, setFromDate] = useState(today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const errors = fieldErrors(error, pick);
  async function send() {
    setError(undefined);
    setDone(false);
    try {
      await data(client.POST('/councils/{councilId}/members', { params: { path: { councilId } }, body: { userId: userId.trim(), role, fromDate, reason: reason.trim() } }));
      setDone(true);
      setUserId('');
      setReason('');
      onDone();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section className="card action-card" aria-label={t('councilAdmin.appoint')}>
      <h2>{t('councilAdmin.appoint')}</h2>
      {done && <Notice kind="success">{t('councilAdmin.appointed')}</Notice>}
      <form onSubmit={(e) => { e.preventDefault(); void send(); }} noValidate>
        <Field id="userId" label={t('accounts.username')} error={errors.userId}><input {...describedBy('userId', errors.userId)} value={userId} onChange={(e) => setUserId(e.target.value)} /></Field>
        <Field id="role" label={t('councilAdmin.role')} error={errors.role}>
          <select {...describedBy('role', errors.role)} value={role} onChange={(e) => setRole(e.target.value as (typeof COUNCIL_ROLES)[number])}>{COUNCIL_ROLES.map((r) => <option key={r} value={r}>{t(`councilRole.${r}` as Parameters<typeof t>[0])}</option>)}</select>
        </Field>
        <Field id="fromDate" label={t('councilAdmin.from')} error={errors.fromDate}><DateInput {...describedBy('fromDate', errors.fromDate)} value={fromDate} onChange={setFromDate} /></Field>
        <Field id="reason" label={t('councilAdmin.basis')} error={errors.reason}><input {...describedBy('reason', errors.reason)} value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary">{t('councilAdmin.appoint')}</button>
      </form>
    </section>
  );
}
