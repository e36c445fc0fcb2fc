import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, query, request, sleep } from './client';
import { appliedPosition, listAnswered } from '../live/position';
import type {
  AppToken, CreateResult, CreateTaskRequest, NewAppToken, RecurrencePreview, SeriesView, TagView, TaskPage, TaskView,
  UpdateSeriesRequest, UpdateTaskRequest, WriteResult,
} from './types';

export interface TaskFilters {
  q: string;
  status: 'open' | 'completed' | 'all';
  priority: string[];
  tag: string[];
  tagMode: 'any' | 'all';
  dueFrom: string;
  dueTo: string;
  overdue: boolean;
  sort: string;
}

export const NO_FILTERS: TaskFilters = {
  q: '', status: 'open', priority: [], tag: [], tagMode: 'any', dueFrom: '', dueTo: '', overdue: false, sort: '',
};

export function taskListPath(filters: TaskFilters, cursor?: string): string {
  return `/api/tasks${query({
    q: filters.q.trim() ? filters.q : undefined,
    status: filters.status,
    priority: filters.priority.length ? filters.priority.join(',') : undefined,
    tag: filters.tag,
    tagMode: filters.tag.length > 1 ? filters.tagMode : undefined,
    dueFrom: filters.dueFrom,
    dueTo: filters.dueTo,
    overdue: filters.overdue ? 'true' : undefined,
    sort: filters.sort,
    limit: '30',
    count: cursor ? undefined : 'true',
    cursor,
  })}`;
}

/**
 * Reads a list that carries a Stream-Position. An answer older than the last stream message applied would put back
 * what that message changed, so it is read again (twice at most; the next live message corrects the rest).
 */
async function positionedList<T>(path: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const { body, position } = await request<T>('GET', path);
    listAnswered(position);
    const applied = appliedPosition();
    if (position === null || applied === null || position >= applied || attempt === 2) return body;
  }
}

export const tasksApi = {
  page: (filters: TaskFilters, cursor?: string) => positionedList<TaskPage>(taskListPath(filters, cursor)),
  get: (id: string) => api<TaskView>('GET', `/api/tasks/${id}`),
  asOf: (id: string, at: string) => api<TaskView>('GET', `/api/tasks/${id}${query({ asOf: at })}`),
  create: (body: CreateTaskRequest) => api<CreateResult>('POST', '/api/tasks', body),
  /** `seen`: the version the user edited (If-Match); a change since to the same fields is an EDIT_CONFLICT. */
  update: (id: string, body: UpdateTaskRequest, seen?: number) => api<WriteResult>('PATCH', `/api/tasks/${id}`, body, seen),
  complete: (id: string, seen?: number) => api<WriteResult>('POST', `/api/tasks/${id}/complete`, undefined, seen),
  reopen: (id: string, seen?: number) => api<WriteResult>('POST', `/api/tasks/${id}/reopen`, undefined, seen),
  remove: (id: string, seen?: number) => api<WriteResult>('DELETE', `/api/tasks/${id}`, undefined, seen),
};

export const seriesApi = {
  list: () => api<SeriesView[]>('GET', '/api/series'),
  get: (id: string) => api<SeriesView>('GET', `/api/series/${id}`),
  update: (id: string, body: UpdateSeriesRequest) => api<{ id: string; version: number }>('PATCH', `/api/series/${id}`, body),
  skip: (id: string) => api<{ id: string; version: number }>('POST', `/api/series/${id}/skip`),
  stop: (id: string) => api<{ id: string; version: number }>('POST', `/api/series/${id}/stop`),
  preview: (rule: string, start: string, tz: string, count = 5) =>
    api<RecurrencePreview>('GET', `/api/recurrence/preview${query({ rule, start, tz, count: String(count) })}`),
};

export const tagsApi = {
  list: () => positionedList<TagView[]>('/api/tags'),
  update: (id: string, body: { name?: string; colour?: string }) => api<{ id: string }>('PATCH', `/api/tags/${id}`, body),
  remove: (id: string) => api<void>('DELETE', `/api/tags/${id}`),
};

export const appTokensApi = {
  list: () => api<{ items: AppToken[] }>('GET', '/api/auth/tokens'),
  create: (name: string, expiresInDays: number) => api<NewAppToken>('POST', '/api/auth/tokens', { name, expiresInDays }),
  revoke: (id: string) => api<void>('DELETE', `/api/auth/tokens/${id}`),
};

export function useTags() {
  return useQuery({ queryKey: ['tags'], queryFn: tagsApi.list });
}

/** How long a write waits for the live stream to bring its result before it asks the server instead. */
const STREAM_GRACE_MS = 500;

/**
 * Reads follow writes within milliseconds, not at once (the read model is a projection). After a write, wait
 * until the task shows the version the write answered (or is gone, after a delete), then refresh what shows it.
 * Completing or deleting an occurrence makes the recurrence saga schedule the next one a little later: with
 * `series`, wait until the series names a next task other than this one, and refresh again.
 * Other devices learn of the write from the live stream; this device waits, so that the screen it goes to next
 * already shows what it just did. The stream brings it to this device's cache too, so the server is asked only when
 * the stream has not within {@link STREAM_GRACE_MS} (it is down, or slow).
 */
export async function afterWrite(
  client: QueryClient,
  written: WriteResult,
  options: { series?: string | null; deleted?: boolean } = {},
) {
  const shown = (view: TaskView | null | undefined) => (options.deleted
    ? view === null
    : view != null && view.version >= written.version);
  if (options.deleted || !(await cached<TaskView>(client, ['task', written.id], shown))) {
    for (let attempt = 0; attempt < 40; attempt++) {
      if (shown(await tasksApi.get(written.id).catch(() => null))) break;
      await sleep(50);
    }
  }
  await refreshAll(client);
  if (options.series) {
    const scheduled = (series: SeriesView | null | undefined) => series === null
      || (series !== undefined && (series.status !== 'ACTIVE' || (series.nextTaskId !== null && series.nextTaskId !== written.id)));
    if (!(await cached<SeriesView>(client, ['series', options.series], scheduled))) {
      for (let attempt = 0; attempt < 40; attempt++) {
        if (scheduled(await seriesApi.get(options.series).catch(() => null))) break;
        await sleep(250);
      }
    }
    await refreshAll(client);
  }
}

/** Whether the query cache holds what `shows` waits for at `key`, now or within {@link STREAM_GRACE_MS}. */
function cached<T>(client: QueryClient, key: unknown[], shows: (data: T | undefined) => boolean): Promise<boolean> {
  const there = () => shows(client.getQueryData<T>(key));
  if (there()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (found: boolean) => {
      unsubscribe();
      clearTimeout(timer);
      resolve(found);
    };
    const unsubscribe = client.getQueryCache().subscribe(() => {
      if (there()) finish(true);
    });
    const timer = setTimeout(() => finish(false), STREAM_GRACE_MS);
  });
}

/** The same for a write to a series (skip, stop, edit): wait until the series shows it, then refresh. */
export async function afterSeriesWrite(client: QueryClient, written: { id: string; version: number }) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const series = await seriesApi.get(written.id).catch(() => null);
    if (series === null || series.version >= written.version) break;
    await sleep(100);
  }
  await refreshAll(client);
}

export function refreshAll(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['tasks'] }),
    client.invalidateQueries({ queryKey: ['task'] }),
    client.invalidateQueries({ queryKey: ['tags'] }),
    client.invalidateQueries({ queryKey: ['series'] }),
  ]);
}
