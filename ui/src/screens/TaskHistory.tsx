import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, deviceId, query } from '../api/client';
import { tasksApi } from '../api/queries';
import type { HistoryPage, TaskView } from '../api/types';
import { PriorityChip, TagChip } from '../components/Chips';
import { formatDue, formatInstant, userZone } from '../lib/dates';
import { localInput } from '../lib/taskForm';
import { useSession } from '../session';

/** "TaskRenamed" → "Renamed"; the summary says what changed. */
function kind(type: string): string {
  return type.replace(/^Task/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * The task's timeline from its events (`GET /api/tasks/{id}/history`): what changed, who, from which device, when.
 * Any entry, or any moment typed in, shows the task as it was then (`GET /api/tasks/{id}?asOf=`).
 */
export function TaskHistory({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [moment, setMoment] = useState('');
  const { state } = useSession();
  const me = state.status === 'signed-in' ? state.userId : undefined;
  const zone = userZone();
  const thisDevice = deviceId();

  const history = useInfiniteQuery({
    queryKey: ['history', id],
    queryFn: ({ pageParam }) => api<HistoryPage>('GET', `/api/tasks/${id}/history${query({ limit: '50', cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: open,
    staleTime: 0,
  });
  const past = useQuery({
    queryKey: ['task-as-of', id, asOf],
    queryFn: () => tasksApi.asOf(id, asOf!),
    enabled: asOf !== null,
    retry: false,
  });

  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];
  const showMoment = (event: FormEvent) => {
    event.preventDefault();
    const at = new Date(moment);
    if (!Number.isNaN(at.getTime())) setAsOf(at.toISOString());
  };

  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>Show the history</button>
      ) : (
        <>
          {history.isPending && <p role="status">Loading…</p>}
          {history.isError && <p className="error" role="alert">{history.error.message}</p>}
          <ol className="timeline" aria-label="Changes to this task, oldest first">
            {entries.map((entry) => (
              <li key={entry.sequence}>
                <div>
                  <strong>{kind(entry.type)}</strong>: {entry.summary}
                </div>
                <div className="hint">
                  <time dateTime={entry.at}>{formatInstant(entry.at, zone)}</time>
                  {' · '}{entry.actor === null ? 'automatically' : entry.actor === me ? 'by you' : `by ${entry.actor}`}
                  {entry.deviceId && ` · ${entry.deviceId === thisDevice ? 'this device' : `device ${entry.deviceId.slice(0, 8)}`}`}
                  {' '}
                  <button type="button" className="quiet" onClick={() => { setAsOf(entry.at); setMoment(localInput(entry.at)); }}>
                    View as of then<span className="sr-only"> (after change {entry.sequence + 1})</span>
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {history.hasNextPage && (
            <button type="button" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>Older changes…</button>
          )}
          <form className="row as-of" onSubmit={showMoment}>
            <label>
              View the task as it was at
              <input type="datetime-local" step={1} value={moment} onChange={(e) => setMoment(e.target.value)} />
            </label>
            <button type="submit" disabled={!moment}>Show</button>
          </form>
          {asOf && (
            <div className="as-of-view" role="region" aria-label="The task as it was">
              {past.isPending && <p role="status">Loading…</p>}
              {past.isError && <p className="error" role="alert">{past.error.message}</p>}
              {past.data && <PastTask task={past.data} at={asOf} zone={zone} />}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function PastTask({ task, at, zone }: { task: TaskView; at: string; zone: string }) {
  return (
    <>
      <h3>As of {formatInstant(at, zone)}</h3>
      <dl className="facts">
        <dt>Title</dt><dd className="past-title">{task.title}</dd>
        <dt>Status</dt><dd>{task.status === 'COMPLETED' ? 'Done' : 'Open'}</dd>
        <dt>Description</dt><dd>{task.description || 'none'}</dd>
        <dt>Due</dt><dd>{task.due ? formatDue(task.due) : 'none'}</dd>
        <dt>Priority</dt><dd><PriorityChip priority={task.priority} />{task.priority === 'NONE' && 'None'}</dd>
        <dt>Tags</dt><dd>{task.tags.length ? task.tags.map((t) => <TagChip key={t.id} tag={t} />) : 'none'}</dd>
      </dl>
    </>
  );
}
