import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import { useSession } from '../session';
import { batchedRefresh, applyMessage } from './cache';
import { announceNotification } from './notify';
import { firstListPosition, forgetPositions, setAppliedPosition } from './position';
import { LiveSync, TicketRefused, type SocketLike, type SyncState } from './sync';

const SyncContext = createContext<SyncState>('connecting');

async function ticket(): Promise<string> {
  try {
    return (await api<{ ticket: string }>('POST', '/api/stream/ticket')).ticket;
  } catch (error) {
    throw error instanceof ApiError && error.status === 401 ? new TicketRefused() : error;
  }
}

function open(ticketText: string, since: number | null): SocketLike {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = `ticket=${encodeURIComponent(ticketText)}${since === null ? '' : `&since=${since}`}`;
  const ws = new WebSocket(`${scheme}://${location.host}/api/stream?${query}`);
  const socket: SocketLike = { onmessage: null, onclose: null, close: (code) => ws.close(code) };
  ws.onmessage = (event) => socket.onmessage?.(event);
  ws.onclose = (event) => socket.onclose?.(event);
  return socket;
}

/** Follows the user's stream while signed in; children read the sync state with `useSyncState`. */
export function SyncProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { state: session } = useSession();
  const [state, setState] = useState<SyncState>('connecting');
  const email = session.status === 'signed-in' || session.status === 'expired' ? session.email : null;
  const signedIn = session.status === 'signed-in';
  const sync = useRef<{ live: LiveSync; email: string } | null>(null);

  useEffect(() => {
    if (!email) return;
    if (sync.current?.email === email) return;
    // Another user (or the first): positions belong to one user's stream.
    sync.current?.live.stop();
    forgetPositions();
    const refresh = batchedRefresh(client, 100);
    const live: LiveSync = new LiveSync(
      { ticket, open, setTimer: (run, ms) => setTimeout(run, ms), clearTimer: (t) => clearTimeout(t as number), random: Math.random },
      {
        change: (message) => {
          setAppliedPosition(live.position);
          applyMessage(client, message, refresh);
          if (message.type === 'notification.created') announceNotification(message);
        },
        resync: () => {
          setAppliedPosition(live.position);
          // Everything on screen may be behind: tasks, tags, series, notifications, history.
          void client.invalidateQueries();
        },
        state: setState,
      },
    );
    sync.current = { live, email };
  }, [email, client]);

  useEffect(() => {
    const current = sync.current;
    if (!signedIn || !current) return;
    let cancelled = false;
    const live = current.live;
    // Start where the first list answer stands, so the stream brings exactly what came after it.
    void (live.position === null ? firstListPosition(1500) : Promise.resolve(live.position)).then((since) => {
      if (!cancelled) live.start(since);
    });
    const offline = () => live.goOffline();
    const online = () => live.goOnline();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    if (!navigator.onLine) live.goOffline();
    return () => {
      cancelled = true;
      live.stop();
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, [signedIn, email]);

  useEffect(() => () => sync.current?.live.stop(), []);

  return <SyncContext.Provider value={state}>{children}</SyncContext.Provider>;
}

export function useSyncState(): SyncState {
  return useContext(SyncContext);
}

const LABELS: Record<SyncState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const HINTS: Record<SyncState, string> = {
  connecting: 'Connecting to the server for live updates',
  live: 'Changes from your other devices show here at once',
  reconnecting: 'The connection dropped; trying again. Changes made meanwhile will show when it is back.',
  offline: 'No connection. Changes from other devices will show when you are back online.',
};

/** The sync state in the header; screen readers hear it change (a polite live region). */
export function SyncStatus() {
  const state = useSyncState();
  return (
    <span className={`sync sync-${state}`} role="status" title={HINTS[state]}>
      <span className="dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
