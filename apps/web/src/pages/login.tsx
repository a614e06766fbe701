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
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
      const next = search.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
    } catch (err) {
      setError(asApiError(err));
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
        <ErrorNotice error={error} />
        <button type="submit" className="primary" disabled={busy || !username || !password}>{busy ? t('common.working') : t('login.submit')}</button>
      </form>
      <p className="muted">{t('login.demoHint')}</p>
    </section>
  );
}
