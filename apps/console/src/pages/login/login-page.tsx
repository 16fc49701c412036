import { useState } from 'react';
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { useSession } from '../../hooks/use-session';
import { useAction } from '../../hooks/use-action';
import { ErrorBox } from '../../components/error-box';
import { homePath } from '../../lib/roles';
import { navigate } from '../../lib/router';

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { login } = useSession();
  const { run, error: raw, busy } = useAction();
  // On this page a 401 means the name or password is wrong, not that a session ended.
  const error = raw && raw.code === 'unauthorized' ? { ...raw, message: t('error.invalid_credentials') } : raw;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const me = await login(username.trim(), password);
      navigate(homePath(me.role), true);
    });
  };

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>{t('app.title')}</h1>
        <h2>{t('login.title')}</h2>
        <label>
          {t('login.username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus required />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <ErrorBox error={error} />
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <button type="button" className="btn-ghost" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('app.lang')}
        </button>
      </form>
    </main>
  );
}
