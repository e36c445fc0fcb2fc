import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { TaskView } from '../api/types';
import { applyMessage } from './cache';

const task = (id: string, version: number, title: string): TaskView => ({
  id, title, version, description: null, status: 'OPEN', due: null, dueAt: null, priority: 'NONE', tags: [],
  createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', completedAt: null, seriesId: null,
  occurrenceIndex: null, reminders: [],
});

function cacheWith(...items: TaskView[]) {
  const client = new QueryClient();
  client.setQueryData(['tasks', { q: '' }], { pages: [{ items, nextCursor: null, total: items.length }], pageParams: [undefined] });
  items.forEach((t) => client.setQueryData(['task', t.id], t));
  const refreshed: string[] = [];
  return { client, refreshed, refresh: (key: string) => refreshed.push(key) };
}

const listed = (client: QueryClient) =>
  (client.getQueryData(['tasks', { q: '' }]) as { pages: { items: TaskView[] }[] }).pages[0].items;

describe('applying stream messages to the cache', () => {
  it('shows a newer task at once in the task and the list, then rereads the lists', () => {
    const { client, refreshed, refresh } = cacheWith(task('a', 1, 'old'), task('b', 0, 'other'));
    applyMessage(client, { type: 'task.upserted', position: 5, task: task('a', 2, 'new') }, refresh);
    expect(listed(client).map((t) => t.title)).toEqual(['new', 'other']);
    expect((client.getQueryData(['task', 'a']) as TaskView).title).toBe('new');
    expect(refreshed).toEqual(['tasks']);
  });

  it('never puts back an older version than the one shown', () => {
    const { client, refresh } = cacheWith(task('a', 3, 'current'));
    applyMessage(client, { type: 'task.upserted', position: 5, task: task('a', 2, 'stale') }, refresh);
    expect(listed(client)[0].title).toBe('current');
    expect((client.getQueryData(['task', 'a']) as TaskView).title).toBe('current');
  });

  it('takes a deleted task off the lists', () => {
    const { client, refresh } = cacheWith(task('a', 0, 'gone'), task('b', 0, 'stays'));
    applyMessage(client, { type: 'task.deleted', position: 6, id: 'a' }, refresh);
    expect(listed(client).map((t) => t.id)).toEqual(['b']);
  });

  it('rereads what a tag change shows on, and the notifications when a reminder fired or was read elsewhere', () => {
    const { client, refreshed, refresh } = cacheWith();
    applyMessage(client, { type: 'tag.upserted', position: 7, tag: { id: 't', name: 'home' } }, refresh);
    applyMessage(client, { type: 'notification.created', position: 8, notification: { id: 'n' } }, refresh);
    applyMessage(client, { type: 'notification.read', position: 9, ids: ['n'] }, refresh);
    expect(refreshed).toEqual(['tags', 'tasks', 'task', 'notifications', 'notifications']);
  });
});
