import { useEffect, useState, type FormEvent } from 'react';
import { client } from '../api';
import { useI18n } from '../i18n/i18n';
import { navigate, usePath } from '../router';
import { useSession } from '../session';
import { ErrorNotice, Field, Notice, PageTitle, asApiError, useLoad } from '../ui/kit';
import type { ApiError } from '../api';

/** Why the identity provider's return signed nobody in (GET /auth/oidc/callback). */
const SSO_ERRORS = ['SSO_FAILED', 'SSO_NO_ACCOUNT', 'SSO_ACCOUNT_INACTIVE'] as const;

export function LoginPage() {
  const { t } = useI18n();
  const { signIn, signInWithProvider } = useSession();
  const { search } = usePath();
  const options = useLoad(() => client.GET('/auth/oidc/providers'), []);
  // The identity provider's return: a one-time sign-in code after #sso=, read once and taken out of the address.
  const [ssoCode] = useState(() => /^#sso=([A-Za-z0-9_-]{20,200})$/.exec(window.location.hash)?.[1]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [askOtp, setAskOtp] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const ssoError = SSO_ERRORS.find((c) => c === search.get('sso_error'));

  const next = () => {
    const wanted = search.get('next');
    return wanted && wanted.startsWith('/') && !wanted.startsWith('//') ? wanted : '/';
  };
  // An account whose roles need a second factor turns it on before anything else.
  const done = (enrol: boolean) => navigate(enrol ? '/tai-khoan' : next(), true);
  const failed = (err: unknown) => {
    const e = asApiError(err);
    // The first factor was right; the account asks for its one-time code.
    if (e.body.code === 'OTP_REQUIRED') setAskOtp(true);
    else setError(e);
  };

  async function withProvider(code: string, withOtp?: string) {
    setBusy(true);
    setError(undefined);
    try {
      done((await signInWithProvider(code, withOtp)).enrol);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!ssoCode) return;
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    void withProvider(ssoCode);
    // Once, for the code the page opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ssoCode]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (ssoCode) return withProvider(ssoCode, otp.trim());
    setBusy(true);
    setError(undefined);
    try {
      done((await signIn(username.trim(), password, askOtp ? otp.trim() : undefined)).enrol);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  }

  const otpField = askOtp && (
    <Field id="otp" label={t('login.otp')} hint={t('login.otpHint')}>
      <input id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={otp} onChange={(e) => setOtp(e.target.value)} aria-describedby="otp-hint" />
    </Field>
  );
  return (
    <section className="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      {search.get('expired') && <Notice kind="warning">{t('login.expired')}</Notice>}
      {ssoError && <Notice kind="warning">{t(`login.${ssoError}`)}</Notice>}
      {ssoCode ? (
        <form onSubmit={submit} className="card" noValidate>
          {!askOtp && !error && <p>{t('common.working')}</p>}
          {otpField}
          <ErrorNotice error={error} />
          {askOtp && <button type="submit" className="primary" disabled={busy || otp.trim().length !== 6}>{busy ? t('common.working') : t('login.submit')}</button>}
        </form>
      ) : (
        <>
          {options.data?.singleSignOn && (
            <p>
              <a className="button primary" href="/auth/oidc/start">{t('login.sso')}</a>
            </p>
          )}
          <form onSubmit={submit} className="card" noValidate>
            <Field id="username" label={t('login.username')}>
              <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
            </Field>
            <Field id="password" label={t('login.password')}>
              <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            </Field>
            {otpField}
            <ErrorNotice error={error} />
            <button type="submit" className="primary" disabled={busy || !username || !password || (askOtp && otp.trim().length !== 6)}>{busy ? t('common.working') : t('login.submit')}</button>
          </form>
          <p className="muted">{t('login.demoHint')}</p>
        </>
      )}
    </section>
  );
}
