import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { SeriesView, TaskPage, TaskView } from '../api/types';
import type { StreamMessage } from './sync';

/**
 * Applies one stream message to the query cache. A task message carries the whole task as `GET /api/tasks/{id}`
 * shows it, so the task and any loaded list row show it at once; lists are then read again (soon, once per burst),
 * because whether the task still matches a list's filters and where it sorts is the server's to say.
 */
export function applyMessage(client: QueryClient, message: StreamMessage, refresh: (key: string) => void): void {
  switch (message.type) {
    case 'task.upserted': {
      const task = message.task as TaskView;
      client.setQueryData<TaskView>(['task', task.id], (old) => (old && old.version > task.version ? old : task));
      patchLists(client, (items) => items.map((t) => (t.id === task.id && t.version <= task.version ? task : t)));
      void client.invalidateQueries({ queryKey: ['history', task.id] });
      refresh('tasks');
      break;
    }
    case 'task.deleted': {
      const id = message.id as string;
      patchLists(client, (items) => items.filter((t) => t.id !== id));
      void client.invalidateQueries({ queryKey: ['task', id], exact: true });
      refresh('tasks');
      break;
    }
    case 'tag.upserted':
    case 'tag.deleted':
      // A rename shows on every chip; a delete takes the tag off tasks, which devices do themselves.
      refresh('tags');
      refresh('tasks');
      refresh('task');
      break;
    case 'series.upserted': {
      const series = message.series as SeriesView;
      client.setQueryData<SeriesView>(['series', series.id], (old) => (old && old.version > series.version ? old : series));
      refresh('series');
      break;
    }
    case 'notification.created':
    case 'notification.read':
      refresh('notifications');
      break;
    default:
      // A message type this version of the app does not know: nothing to apply.
      break;
  }
}

function patchLists(client: QueryClient, change: (items: TaskView[]) => TaskView[]) {
  client.setQueriesData<InfiniteData<TaskPage>>({ queryKey: ['tasks'] }, (data) =>
    data && { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) });
}

/** Collects the query families to read again and reads each once, `ms` after the first asked. */
export function batchedRefresh(client: QueryClient, ms: number) {
  const keys = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (key: string) => {
    keys.add(key);
    timer ??= setTimeout(() => {
      timer = null;
      const now = [...keys];
      keys.clear();
      now.forEach((k) => void client.invalidateQueries({ queryKey: [k] }));
    }, ms);
  };
}
