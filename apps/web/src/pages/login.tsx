import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { navigate, usePath } from '../router';
import { useSession } from '../session';
import { ErrorNotice, Field, Notice, PageTitle, asApiError } from '../ui/kit';
import type { ApiError } from '../api';

export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { search } = usePath();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [askOtp, setAskOtp] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { enrol } = await signIn(username.trim(), password, askOtp ? otp.trim() : undefined);
      const next = search.get('next');
      // An account whose roles need a second factor turns it on before anything else.
      navigate(enrol ? '/tai-khoan' : next && next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
    } catch (err) {
      const e = asApiError(err);
      // The password was right; the account asks for its one-time code.
      if (e.body.code === 'OTP_REQUIRED') setAskOtp(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      {search.get('expired') && <Notice kind="warning">{t('login.expired')}</Notice>}
      <form onSubmit={submit} className="card" noValidate>
        <Field id="username" label={t('login.username')}>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field id="password" label={t('login.password')}>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        {askOtp && (
          <Field id="otp" label={t('login.otp')} hint={t('login.otpHint')}>
            <input id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={otp} onChange={(e) => setOtp(e.target.value)} aria-describedby="otp-hint" />
          </Field>
        )}
        <ErrorNotice error={error} />
        <button type="submit" className="primary" disabled={busy || !username || !password || (askOtp && otp.trim().length !== 6)}>{busy ? t('common.working') : t('login.submit')}</button>
      </form>
      <p className="muted">{t('login.demoHint')}</p>
    </section>
  );
}
