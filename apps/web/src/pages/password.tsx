import { useState, type FormEvent } from 'react';
import { client, data, type ApiError } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { fieldErrors } from '../ui/documents';
import { ErrorNotice, Field, Notice, PageTitle, asApiError, describedBy } from '../ui/kit';

/**
 * The page a one-time link opens: the token is in the address's fragment (after #), which browsers
 * never send to a server, so no access log or proxy ever holds it.
 */
export function SetPasswordPage() {
  const { t } = useI18n();
  const [token] = useState(() => window.location.hash.slice(1));
  const [done, setDone] = useState<string>();
  if (done) {
    return (
      <section className="narrow">
        <PageTitle>{t('password.title')}</PageTitle>
        <Notice kind="success">{t('password.done', { username: done })}</Notice>
        <Link to="/login">{t('nav.signIn')}</Link>
      </section>
    );
  }
  return (
    <section className="narrow">
      <PageTitle>{t('password.title')}</PageTitle>
      {token ? (
        <PasswordForm onSave={async (password) => setDone((await data(client.POST('/auth/set-password', { body: { token, password } }))).username)} />
      ) : (
        <Notice kind="warning">{t('password.noLink')}</Notice>
      )}
    </section>
  );
}

/** A signed-in person's own password. */
export function MyAccountPage() {
  const { t, pick } = useI18n();
  const { actor, renew } = useSession();
  const [done, setDone] = useState(false);
  const label = (r: string) => t(`role.${r}` as Parameters<typeof t>[0]);
  return (
    <section className="narrow">
      <PageTitle>{t('nav.myAccount')}</PageTitle>
      {actor && <p>{actor.fullName} — {actor.userId} — {actor.roles.map(label).join(', ')}</p>}
      <h2>{t('password.change')}</h2>
      {done && <Notice kind="success">{t('password.changed')}</Notice>}
      <PasswordForm
        current
        onSave={async (newPassword, currentPassword) => {
          const res = await data(client.POST('/auth/change-password', { body: { currentPassword: currentPassword ?? '', newPassword } }));
          renew(res.accessToken);
          setDone(true);
        }}
      />
      <p className="muted">{pick('Không bắt buộc đổi mật khẩu định kỳ; chỉ đổi khi nghi bị lộ.', 'No periodic change is required; change it when you suspect it leaked.')}</p>
    </section>
  );
}

function PasswordForm({ current = false, onSave }: { current?: boolean; onSave(password: string, current?: string): Promise<void> }) {
  const { t, pick } = useI18n();
  const [old, setOld] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, pick);
  const mismatch = repeat !== '' && repeat !== password;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSave(password, current ? old : undefined);
      setOld('');
      setPassword('');
      setRepeat('');
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  const newField = current ? 'newPassword' : 'password';
  return (
    <form onSubmit={submit} className="card" noValidate>
      <p>{t('password.intro')}</p>
      {current && (
        <Field id="currentPassword" label={t('password.current')} error={errors.currentPassword}>
          <input {...describedBy('currentPassword', errors.currentPassword)} type="password" autoComplete="current-password" value={old} onChange={(e) => setOld(e.target.value)} />
        </Field>
      )}
      <Field id={newField} label={t('password.new')} error={errors[newField]}>
        <input {...describedBy(newField, errors[newField])} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field id="repeat" label={t('password.repeat')} error={mismatch ? t('password.mismatch') : undefined}>
        <input {...describedBy('repeat', mismatch ? 'x' : undefined)} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
      <ErrorNotice error={error} inline />
      <button type="submit" className="primary" disabled={busy || !password || mismatch || repeat === '' || (current && !old)}>{busy ? t('common.working') : t('password.submit')}</button>
    </form>
  );
}
