/**
 * The logged-in person, read from GET /api/v1/auth/me at start and replaced by every answer that
 * carries it (login, password change). The CSRF token goes to the API client's memory only.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api/client';
import type { Me } from './api/types';
import { setTimeZone } from './format';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: 'expired' | 'loggedOut' }
  | { status: 'authenticated'; me: Me };

interface SessionApi {
  state: SessionState;
  setMe: (me: Me) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const setMe = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setTimeZone(me.timezone);
    setState({ status: 'authenticated', me });
  }, []);

  const refresh = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/api/v1/auth/me', { quiet401: true }));
    } catch (e) {
      setCsrfToken(null);
      if (e instanceof ApiError && e.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'anonymous' });
    }
  }, [setMe]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } catch {
      // The session may already be over; the screen is cleared either way.
    }
    setCsrfToken(null);
    setState({ status: 'anonymous', reason: 'loggedOut' });
  }, []);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', reason: 'expired' });
    });
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const value = useMemo(() => ({ state, setMe, refresh, logout }), [state, setMe, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The logged-in person; only for components rendered inside an authenticated session. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe without a session');
  return state.me;
}
