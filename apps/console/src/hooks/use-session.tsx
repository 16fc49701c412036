// The logged-in staff member: token in sessionStorage, identity from GET /me.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { LoginResult } from '@hallq/shared';
import { ApiError, fetchMe } from '@hallq/client';
import { api, session } from '../lib/api';
import { staffMe } from '../lib/me';
import type { Me } from '../lib/me';

interface Session {
  me: Me | null;
  token: string | null;
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [token, setToken] = useState<string | null>(() => session.token());
  const [loading, setLoading] = useState<boolean>(() => session.token() !== null);

  // A lost connection or a page being left is not a logout: only a refused token ends the session.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!token) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    fetchMe(api)
      .then((answer) => {
        if (!live) return;
        setLoading(false);
        const m = staffMe(answer);
        if (m) setMe(m);
        else {
          session.clear();
          setToken(null);
        }
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
          setLoading(false);
          session.clear();
          setToken(null);
        } else retry = setTimeout(() => setAttempt((n) => n + 1), 2000);
      });
    return () => {
      live = false;
      if (retry) clearTimeout(retry);
    };
  }, [token, attempt]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await api.post<LoginResult>('/auth/login', { username, password });
    session.set(res.token);
    const m = staffMe(await fetchMe(api));
    if (!m) throw new Error('this account is not a member of staff');
    setMe(m);
    setToken(res.token);
    setLoading(false);
    return m;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', {});
    } catch {
      // The session may already be gone on the server: forget it here all the same.
    }
    session.clear();
    setMe(null);
    setToken(null);
  }, []);

  const value = useMemo<Session>(() => ({ me, token, loading, login, logout }), [me, token, loading, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** For pages shown only to a signed-in member of staff (the shell renders them only then). */
export function useSignedIn(): { me: Me; token: string } {
  const { me, token } = useSession();
  if (!me || !token) throw new Error('a console page rendered without a signed-in member of staff');
  return { me, token };
}
