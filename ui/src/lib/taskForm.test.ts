import { describe, expect, it } from 'vitest';
import type { TaskView } from '../api/types';
import { changes, formOf } from './taskForm';

const task: TaskView = {
  id: '0b6e2f3c-1d2e-4f50-8a9b-0c1d2e3f4a5b', title: 'Wrap presents', description: null, status: 'OPEN',
  due: { date: '2026-12-24', time: '18:00:00', timeZone: 'Europe/Berlin' }, dueAt: '2026-12-24T17:00:00Z',
  priority: 'HIGH', tags: [{ id: 't1', name: 'home', colour: null }], createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z', completedAt: null, seriesId: null, occurrenceIndex: null, version: 3,
};

describe('the editor patch', () => {
  it('sends nothing when nothing changed', () => {
    expect(changes(formOf(task), formOf(task))).toEqual({});
  });

  it('sends only the fields that changed, tags as additions and removals', () => {
    const before = formOf(task);
    const after = { ...before, title: 'Wrap all presents', tags: ['gifts'], dueTime: '' };
    expect(changes(before, after)).toEqual({
      title: 'Wrap all presents',
      due: { date: '2026-12-24', timeZone: 'Europe/Berlin' },
      addTags: ['gifts'],
      removeTags: ['home'],
    });
  });

  it('clears the due date with null and the description with an empty string', () => {
    const before = { ...formOf(task), description: 'all of them' };
    expect(changes(before, { ...before, dueDate: '', dueTime: '', description: '' })).toEqual({ due: null, description: '' });
  });
});
