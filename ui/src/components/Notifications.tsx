import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { NotificationPage } from '../api/types';
import { formatInstant, userZone } from '../lib/dates';
import { navigate } from '../lib/router';

const SNOOZE = 'PT10M';

function browserPermission(): NotificationPermission | 'unsupported' {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/**
 * Fired reminders: a header button with the unread count, opening a panel to read, snooze or clear them. The list is
 * read again when the stream says a reminder fired (notification.created), so it needs no polling.
 */
export function Notifications() {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState(browserPermission);
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const zone = userZone();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api<NotificationPage>('GET', '/api/notifications?limit=20'),
  });
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);

  const act = async (method: 'POST', path: string, body?: unknown) => {
    setError(null);
    try {
      await api(method, path, body);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work.');
    }
    await client.invalidateQueries({ queryKey: ['notifications'] });
  };

  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items ?? [];
  return (
    <div className="notifications">
      <button type="button" className="quiet bell" aria-expanded={open} aria-controls="notifications-panel"
        onClick={() => setOpen((o) => !o)}>
        Notifications{unread > 0 && <span className="badge">{unread}<span className="sr-only"> unread</span></span>}
      </button>
      {open && (
        <div id="notifications-panel" className="panel" ref={panel} tabIndex={-1} role="region" aria-label="Notifications"
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div className="heading">
            <h2>Reminders</h2>
            <button type="button" className="quiet" disabled={unread === 0} onClick={() => act('POST', '/api/notifications/read-all')}>
              Mark all read
            </button>
          </div>
          {permission === 'default' && (
            <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
              Also show them as browser notifications
            </button>
          )}
          {error && <p className="error" role="alert">{error}</p>}
          {items.length === 0 && <p className="hint">No reminders have fired yet.</p>}
          <ul aria-label="Fired reminders">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                <a href={`/tasks/${n.taskId}`} onClick={(e) => { e.preventDefault(); setOpen(false); navigate(`/tasks/${n.taskId}`); }}>
                  {n.title}
                </a>
                <span className="hint">
                  {n.readAt ? '' : 'New · '}{n.snoozeOf ? 'snoozed, ' : ''}due {formatInstant(n.scheduledAt, zone)}
                </span>
                <span className="actions">
                  {!n.readAt && (
                    <button type="button" onClick={() => act('POST', `/api/notifications/${n.id}/read`)}>
                      Mark read<span className="sr-only">: {n.title}</span>
                    </button>
                  )}
                  <button type="button" onClick={() => act('POST', `/api/notifications/${n.id}/snooze`, { for: SNOOZE })}>
                    Snooze 10 min<span className="sr-only">: {n.title}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
