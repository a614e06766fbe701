import { useState } from 'react';
import { client, data, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { useSession, type Role } from '../session';
import { fieldErrors } from '../ui/documents';
import { Badge, ErrorNotice, Field, Loading, Notice, PageTitle, asApiError, describedBy, useLoad } from '../ui/kit';

const ROLE_CODES: Role[] = ['CLERK', 'REVIEWER', 'DECISION_MAKER', 'UNIT_HEAD', 'COUNCIL_MEMBER', 'COUNCIL_SECRETARY', 'AUDITOR', 'INSPECTOR', 'ADMIN'];
type Link = Schemas['AccountLink'];

/** Accounts: auditors read them; administrators create, deactivate and re-link them (docs/accounts.md). */
export function AccountsPage() {
  const { t, pick } = useI18n();
  const { has } = useSession();
  const accounts = useLoad(() => client.GET('/accounts'), []);
  const units = useLoad(() => client.GET('/org/units'), []);
  const [link, setLink] = useState<{ username: string; link: Link }>();
  const [editing, setEditing] = useState<Schemas['AccountRow']>();
  const [unattended, setUnattended] = useState<{ role: string; openTasks: number; unitId: string }[]>([]);
  const [error, setError] = useState<ApiError>();
  const admin = has('ADMIN');
  if (accounts.loading && !accounts.data) return <Loading />;
  if (!accounts.data) return <ErrorNotice error={accounts.error} />;
  const role = (r: string) => t(`role.${r}` as Parameters<typeof t>[0]);

  async function act(run: () => Promise<unknown>) {
    setError(undefined);
    try {
      await run();
      accounts.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  const reasonFor = (what: string) => window.prompt(`${t('accounts.reason')}: ${what}`)?.trim();

  return (
    <section>
      <PageTitle>{t('accounts.title')}</PageTitle>
      {link && <OneTimeLink {...link} />}
      {unattended.length > 0 && (
        <Notice kind="warning">
          {unattended.map((u) => t('accounts.unattended', { count: u.openTasks, role: role(u.role), unit: u.unitId })).join(' ')}
        </Notice>
      )}
      <ErrorNotice error={error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">{t('accounts.username')}</th><th scope="col">{t('accounts.fullName')}</th><th scope="col">{t('list.unit')}</th><th scope="col">{t('accounts.roles')}</th><th scope="col">{t('accounts.state')}</th>{admin && <th scope="col"><span className="visually-hidden">{t('accounts.create')}</span></th>}</tr>
          </thead>
          <tbody>
            {accounts.data.items.map((a) => (
              <tr key={a.id}>
                <td>{a.username}</td>
                <td>{a.fullName}</td>
                <td>{a.unitId}</td>
                <td>{a.roles.map(role).join(', ')}</td>
                <td>{!a.active ? <Badge tone="bad">{t('accounts.inactive')}</Badge> : !a.hasPassword ? <Badge tone="warn">{t('accounts.invited')}</Badge> : <Badge tone="good">{t('accounts.active')}</Badge>}{a.secondFactor && <> <Badge tone="info">{t('accounts.twoFactor')}</Badge></>}</td>
                {admin && (
                  <td className="row-actions">
                    {a.active && (
                      <button type="button" className="link-button" onClick={() => setEditing(a)}>{t('accounts.edit')}</button>
                    )}{' '}
                    {a.active && (
                      <button type="button" className="link-button" onClick={() => act(async () => setLink({ username: a.username, link: await data(client.POST('/accounts/{id}/link', { params: { path: { id: a.id } } })) }))}>{t('accounts.newLink')}</button>
                    )}{' '}
                    {a.active && a.secondFactor && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          const reason = reasonFor(t('accounts.resetSecondFactor'));
                          if (reason) void act(() => data(client.POST('/accounts/{id}/second-factor/reset', { params: { path: { id: a.id } }, body: { reason } })));
                        }}
                      >
                        {t('accounts.resetSecondFactor')}
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        const reason = reasonFor(a.active ? t('accounts.deactivate') : t('accounts.reactivate'));
                        if (!reason) return;
                        void act(async () => {
                          if (!a.active) return data(client.POST('/accounts/{id}/reactivate', { params: { path: { id: a.id } }, body: { reason } }));
                          const off = await data(client.POST('/accounts/{id}/deactivate', { params: { path: { id: a.id } }, body: { reason } }));
                          setUnattended(off.unattended.map((u) => ({ ...u, unitId: a.unitId })));
                        });
                      }}
                    >
                      {a.active ? t('accounts.deactivate') : t('accounts.reactivate')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && editing && units.data && (
        <EditAccountForm key={editing.id} account={editing} units={units.data.items.filter((u) => !u.validTo).map((u) => ({ id: u.id, name: pick(u.nameVi, u.nameEn) }))} onDone={() => (setEditing(undefined), accounts.reload())} />
      )}
      {admin && units.data && <NewAccountForm units={units.data.items.filter((u) => !u.validTo).map((u) => ({ id: u.id, name: pick(u.nameVi, u.nameEn) }))} onCreated={(username, l) => (setLink({ username, link: l }), accounts.reload())} />}
    </section>
  );
}

function OneTimeLink({ username, link }: { username: string; link: Link }) {
  const { t, date } = useI18n();
  const url = `${window.location.origin}${link.path}`;
  return (
    <Notice kind="success">
      {t('accounts.linkReady', { username, expires: date(link.expiresAt) })}
      <br />
      <input readOnly className="one-time-link" aria-label={t('accounts.newLink')} value={url} onFocus={(e) => e.target.select()} />
    </Notice>
  );
}

/** An account's unit and roles changed, with the reason the chain records beside the before and after. */
function EditAccountForm({ account, units, onDone }: { account: Schemas['AccountRow']; units: { id: string; name: string }[]; onDone(): void }) {
  const { t, pick } = useI18n();
  const [unitId, setUnitId] = useState(account.unitId);
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [dutiesException, setDutiesException] = useState(account.dutiesException ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const errors = fieldErrors(error, pick);
  async function send() {
    setError(undefined);
    try {
      await data(client.PATCH('/accounts/{id}', { params: { path: { id: account.id } }, body: { unitId, roles, dutiesException: dutiesException.trim(), reason: reason.trim() } }));
      onDone();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section className="card action-card" aria-label={t('accounts.edit')}>
      <h2>{t('accounts.edit')}: {account.fullName} ({account.username})</h2>
      <form onSubmit={(e) => { e.preventDefault(); void send(); }} noValidate>
        <Field id="edit-unitId" label={t('list.unit')} error={errors.unitId}>
          <select {...describedBy('edit-unitId', errors.unitId)} value={unitId} onChange={(e) => setUnitId(e.target.value)}>{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select>
        </Field>
        <fieldset>
          <legend>{t('accounts.roles')}</legend>
          {ROLE_CODES.map((r) => (
            <label key={r} className="check">
              <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} /> {t(`role.${r}` as Parameters<typeof t>[0])}
            </label>
          ))}
          {errors.roles && <p className="field-error">{errors.roles}</p>}
        </fieldset>
        <Field id="edit-dutiesException" label={t('accounts.dutiesException')} error={errors.dutiesException}><input {...describedBy('edit-dutiesException', errors.dutiesException)} value={dutiesException} onChange={(e) => setDutiesException(e.target.value)} /></Field>
        <Field id="edit-reason" label={t('accounts.reason')} error={errors.reason}><input {...describedBy('edit-reason', errors.reason)} value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary">{t('accounts.save')}</button>
      </form>
    </section>
  );
}

function NewAccountForm({ units, onCreated }: { units: { id: string; name: string }[]; onCreated(username: string, link: Link): void }) {
  const { t, pick } = useI18n();
  const [f, setF] = useState({ username: '', fullName: '', email: '', unitId: '', personalId: '', dutiesException: '' });
  const [roles, setRoles] = useState<Role[]>([]);
  const [error, setError] = useState<ApiError>();
  const errors = fieldErrors(error, pick);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  async function send() {
    setError(undefined);
    try {
      const body = { username: f.username.trim(), fullName: f.fullName.trim(), unitId: f.unitId, roles, ...(f.email.trim() ? { email: f.email.trim() } : {}), ...(f.personalId.trim() ? { personalId: f.personalId.trim() } : {}), ...(f.dutiesException.trim() ? { dutiesException: f.dutiesException.trim() } : {}) };
      const res = await data(client.POST('/accounts', { body }));
      onCreated(res.account.username, res.link);
      setF({ username: '', fullName: '', email: '', unitId: f.unitId, personalId: '', dutiesException: '' });
      setRoles([]);
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section className="card action-card" aria-label={t('accounts.create')}>
      <h2>{t('accounts.create')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void send(); }} noValidate>
        <Field id="username" label={t('accounts.username')} error={errors.username}><input {...describedBy('username', errors.username)} autoComplete="off" value={f.username} onChange={set('username')} /></Field>
        <Field id="fullName" label={t('accounts.fullName')} error={errors.fullName}><input {...describedBy('fullName', errors.fullName)} value={f.fullName} onChange={set('fullName')} /></Field>
        <Field id="email" label={t('accounts.email')} error={errors.email}><input {...describedBy('email', errors.email)} type="email" value={f.email} onChange={set('email')} /></Field>
        <Field id="unitId" label={t('list.unit')} error={errors.unitId}>
          <select {...describedBy('unitId', errors.unitId)} value={f.unitId} onChange={set('unitId')}><option value="" />{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select>
        </Field>
        <fieldset aria-describedby={errors.roles ? 'roles-error' : undefined}>
          <legend>{t('accounts.roles')}</legend>
          {ROLE_CODES.map((r) => (
            <label key={r} className="check">
              <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} /> {t(`role.${r}` as Parameters<typeof t>[0])}
            </label>
          ))}
          {errors.roles && <p id="roles-error" className="field-error">{errors.roles}</p>}
        </fieldset>
        <Field id="personalId" label={t('accounts.personalId')} error={errors.personalId}><input {...describedBy('personalId', errors.personalId)} inputMode="numeric" value={f.personalId} onChange={set('personalId')} /></Field>
        <Field id="dutiesException" label={t('accounts.dutiesException')} error={errors.dutiesException}><input {...describedBy('dutiesException', errors.dutiesException)} value={f.dutiesException} onChange={set('dutiesException')} /></Field>
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary">{t('accounts.create')}</button>
      </form>
    </section>
  );
}
