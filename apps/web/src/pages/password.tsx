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

/** A signed-in person's own account: their second factor and their password. */
export function MyAccountPage() {
  const { t, pick } = useI18n();
  const { actor, renew } = useSession();
  const [done, setDone] = useState(false);
  const label = (r: string) => t(`role.${r}` as Parameters<typeof t>[0]);
  return (
    <section className="narrow">
      <PageTitle>{t('nav.myAccount')}</PageTitle>
      {actor && <p>{actor.fullName} — {actor.userId} — {actor.roles.map(label).join(', ')}</p>}
      <SecondFactorSection />
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

/** Turning on the second factor: a secret for the app, confirmed by its first code. */
function SecondFactorSection() {
  const { t, pick } = useI18n();
  const { actor, renew, refresh } = useSession();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string }>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const errors = fieldErrors(error, pick);
  if (!actor) return null;
  const state = actor.secondFactor;
  async function start() {
    setError(undefined);
    try {
      setEnrolment(await data(client.POST('/auth/second-factor')));
    } catch (e) {
      setError(asApiError(e));
    }
  }
  async function confirm(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const res = await data(client.POST('/auth/second-factor/confirm', { body: { code: code.trim() } }));
      renew(res.accessToken);
      setEnrolment(undefined);
      setDone(true);
      await refresh();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  return (
    <section className="card" aria-labelledby="mfa-title">
      <h2 id="mfa-title">{t('mfa.title')}</h2>
      {done && <Notice kind="success">{t('mfa.done')}</Notice>}
      {state.required && !state.verified && !enrolment && <Notice kind="warning">{t('mfa.required')}</Notice>}
      <p>{state.enabled ? t('mfa.on') : t('mfa.off')}</p>
      {!state.enabled && !enrolment && <button type="button" className="primary" onClick={() => void start()}>{t('mfa.start')}</button>}
      {enrolment && (
        <form onSubmit={confirm} noValidate>
          <p>{t('mfa.scan')}</p>
          <p>
            <strong id="mfa-secret-label">{t('mfa.secret')}</strong>
            <br />
            <code id="mfa-secret" aria-labelledby="mfa-secret-label" className="otpauth-uri">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <p className="otpauth-uri"><a href={enrolment.uri}>{enrolment.uri}</a></p>
          <Field id="code" label={t('mfa.code')} error={errors.code}>
            <input {...describedBy('code', errors.code)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <ErrorNotice error={error} inline />
          <button type="submit" className="primary" disabled={code.trim().length !== 6}>{t('mfa.confirm')}</button>
        </form>
      )}
      {!enrolment && <ErrorNotice error={error} />}
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
