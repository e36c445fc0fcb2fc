import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionExpired } from './api/client';
import type { Session } from './api/types';

/**
 * Where the session lives: in an HttpOnly, SameSite=Strict cookie the server sets at login. Page scripts never see
 * the token (an injected script cannot carry it off); the app only learns who is signed in from /api/auth/session.
 * When the token expires, the app keeps everything on screen (a half-typed task included) and asks for the
 * password in a dialog over it.
 */
type State =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; email: string; userId?: string }
  | { status: 'expired'; email: string };

interface SessionApi {
  state: State;
  signIn: (mode: 'login' | 'signup', email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    api<Session>('GET', '/api/auth/session')
      .then((session) => setState({ status: 'signed-in', email: session.email, userId: session.userId }))
      .catch(() => setState({ status: 'signed-out' }));
  }, []);

  useEffect(
    () => onSessionExpired(() => setState((s) => (s.status === 'signed-in' ? { status: 'expired', email: s.email } : s))),
    [],
  );

  const signIn = useCallback(
    async (mode: 'login' | 'signup', email: string, password: string) => {
      await api('POST', `/api/auth/${mode}`, { email, password });
      const session = await api<Session>('GET', '/api/auth/session').catch(() => null);
      setState({ status: 'signed-in', email, userId: session?.userId });
      await client.invalidateQueries();
    },
    [client],
  );

  const signOut = useCallback(async () => {
    await api('POST', '/api/auth/logout');
    client.clear();
    setState({ status: 'signed-out' });
  }, [client]);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
