import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { User, UserManager } from 'oidc-client-ts';
import { Button, Result, Spin } from 'antd';
import { wireApi } from '../api/http';
import { personOf, returnPath, type CabinetConfig, type Person } from './session';

interface Auth {
  person: Person;
  signOut: () => void;
  /** A fresh token now (after staff confirmed the organisation, the new token carries it). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/**
 * Signs the person in before anything else (authorization code with PKCE at Keycloak), keeps the token fresh, and
 * when the session ends sends them to sign in again, then back to the page they were on.
 */
export function AuthProvider({ config, manager, children }: { config: CabinetConfig; manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const redirecting = useRef(false);

  const signIn = useCallback(() => {
    if (redirecting.current) return;
    redirecting.current = true;
    void manager.signinRedirect({ state: { returnTo: returnPath(window.location) } });
  }, [manager]);

  useEffect(() => {
    wireApi({
      base: config.apiBase,
      token: async () => {
        const current = await manager.getUser();
        return current && !current.expired ? current.access_token : null;
      },
      unauthorized: signIn,
    });
    const loaded = (u: User) => setUser(u);
    manager.events.addUserLoaded(loaded);
    manager.events.addAccessTokenExpired(() => {
      manager.signinSilent().catch(signIn);
    });
    manager.events.addSilentRenewError(() => signIn());
    (async () => {
      try {
        if (window.location.pathname === '/callback') {
          const signedIn = await manager.signinRedirectCallback();
          const target = (signedIn.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
          window.history.replaceState(null, '', target.startsWith('/') ? target : '/');
          setUser(signedIn);
          return;
        }
        const existing = await manager.getUser();
        if (existing && !existing.expired) {
          setUser(existing);
        } else if (existing?.refresh_token) {
          setUser(await manager.signinSilent());
        } else {
          signIn();
        }
      } catch (e) {
        // a stale callback (reloaded, or opened twice) or an ended session: sign in afresh
        if (window.location.pathname === '/callback') {
          window.history.replaceState(null, '', '/');
          signIn();
        } else {
          setFailure(e instanceof Error ? e.message : String(e));
        }
      }
    })();
    return () => manager.events.removeUserLoaded(loaded);
  }, [config.apiBase, manager, signIn]);

  const auth = useMemo<Auth | null>(() => user ? {
    person: personOf(user),
    signOut: () => void manager.signoutRedirect(),
    refresh: async () => {
      setUser(await manager.signinSilent());
    },
  } : null, [user, manager]);

  if (failure) {
    return (
      <Result status="warning" title="Не удалось войти" subTitle={failure}
        extra={<Button type="primary" onClick={() => { setFailure(null); signIn(); }}>Войти снова</Button>} />
    );
  }
  if (!auth) {
    return <div className="boot" role="status"><Spin size="large" /><p>Вход в личный кабинет…</p></div>;
  }
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
