import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { setCsrfToken, whenSignedOut } from '../api/api-client';
import { isMessageKey } from '@rapport/messages';
import { LanguageSwitch, useT } from '../i18n';
import { authApi, type Session } from './auth-api';
import { SessionContext } from './session-context';
import { SignInScreen } from './SignInScreen';
import './auth.css';

type State =
  { status: 'checking' } | { status: 'signed-out'; notice: string | null } | { status: 'signed-in'; session: Session };

const roleLabel = { admin: 'auth.role.admin', marketer: 'auth.role.marketer', viewer: 'auth.role.viewer' } as const;

/**
 * Shows the app only to a signed-in member (GET /api/auth/me decides), with who they are and a sign-out button;
 * anyone else, or a session that ends midway (any 401), gets the sign-in screen.
 */
export const SessionGate = ({ children }: { children: ReactNode }) => {
  const t = useT();
  const [state, setState] = useState<State>({ status: 'checking' });

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  useEffect(() => {
    let cancelled = false;
    authApi.me().then(
      (session) => !cancelled && signedIn(session),
      (error: Error & { status?: number }) =>
        !cancelled && setState({ status: 'signed-out', notice: error.status === 401 ? null : error.message }),
    );
    whenSignedOut(() => {
      setCsrfToken(null);
      setState({ status: 'signed-out', notice: 'auth.session-ended' });
    });
    return () => {
      cancelled = true;
      whenSignedOut(null);
    };
  }, [signedIn]);

  const signOut = async () => {
    await authApi.signOut().catch(() => undefined);
    setCsrfToken(null);
    setState({ status: 'signed-out', notice: 'auth.signed-out' });
  };

  if (state.status === 'checking')
    return (
      <p aria-busy="true" className="page">
        {t('editor.loading')}
      </p>
    );
  if (state.status === 'signed-out')
    return (
      <SignInScreen
        // A notice of ours is kept as its key, so it follows a language switch on the sign-in screen.
        notice={state.notice && isMessageKey(state.notice) ? t(state.notice) : state.notice}
        onSignedIn={signedIn}
      />
    );
  const { session } = state;
  return (
    <SessionContext.Provider value={session}>
      <div className="app-shell">
        <header className="account-bar">
          <span className="account-bar__workspace">{session.workspace.name}</span>
          <span className="account-bar__spacer" />
          <span data-testid="signed-in-as">
            {session.user.name} · {t(roleLabel[session.role])}
          </span>
          <LanguageSwitch />
          <button type="button" className="button button--link" onClick={() => void signOut()}>
            {t('auth.sign-out')}
          </button>
        </header>
        <div className="app-shell__main">{children}</div>
      </div>
    </SessionContext.Provider>
  );
};
