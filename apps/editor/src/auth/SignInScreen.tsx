import { useState, type FormEvent } from 'react';
import { authApi, type Session } from './auth-api';
import { LanguageSwitch, useT } from '../i18n';

type Props = { notice: string | null; onSignedIn(session: Session): void };

/** Email and password; a refusal is announced (role=alert) and the password field is cleared for another try. */
export const SignInScreen = ({ notice, onSignedIn }: Props) => {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await authApi.signIn(email, password));
    } catch (caught) {
      setError((caught as Error).message);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main className="page sign-in">
      <div className="sign-in__language">
        <LanguageSwitch />
      </div>
      <h1>{t('auth.title')}</h1>
      {notice && !error && (
        <p role="status" className="sign-in__notice">
          {notice}
        </p>
      )}
      <form className="sign-in__form" onSubmit={(event) => void submit(event)} aria-describedby="sign-in-error">
        <div className="field">
          <label htmlFor="sign-in-email">{t('auth.email')}</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('auth.password')}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <p id="sign-in-error" role="alert" className="error">
          {error}
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </main>
  );
};
