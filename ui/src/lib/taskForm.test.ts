import { describe, expect, it } from 'vitest';
import type { TaskView } from '../api/types';
import { beforeDraft, changes, formOf, resolve, touched } from './taskForm';

const task: TaskView = {
  id: '0b6e2f3c-1d2e-4f50-8a9b-0c1d2e3f4a5b', title: 'Wrap presents', description: null, status: 'OPEN',
  due: { date: '2026-12-24', time: '18:00:00', timeZone: 'Europe/Berlin' }, dueAt: '2026-12-24T17:00:00Z',
  priority: 'HIGH', tags: [{ id: 't1', name: 'home', colour: null }], createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z', completedAt: null, seriesId: null, occurrenceIndex: null, version: 3, reminders: [],
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

describe('reminders in the editor', () => {
  it('reads durations in their largest whole unit and writes them back', () => {
    expect(beforeDraft('PT30M')).toEqual({ kind: 'before', amount: '30', unit: 'minutes' });
    expect(beforeDraft('PT2H')).toEqual({ kind: 'before', amount: '2', unit: 'hours' });
    expect(beforeDraft('PT48H')).toEqual({ kind: 'before', amount: '2', unit: 'days' });
    expect(beforeDraft('PT1H30M')).toEqual({ kind: 'before', amount: '90', unit: 'minutes' });
    const form = formOf({ ...task, reminders: [{ id: 'r1', before: 'PT24H', at: null, fireAt: '2026-12-23T17:00:00Z' }] });
    expect(changes(form, form)).toEqual({});
    expect(changes(form, { ...form, reminders: [...form.reminders, { kind: 'before', amount: '15', unit: 'minutes' }] }))
      .toEqual({ reminders: [{ before: 'P1D' }, { before: 'PT15M' }] });
  });

  it('sends an absolute reminder as an instant, and [] to clear them', () => {
    const form = formOf(task);
    const at = { kind: 'at' as const, at: '2026-12-24T17:30:00' };
    const patch = changes(form, { ...form, reminders: [at] });
    expect(new Date(patch.reminders![0].at!).getTime()).toBe(new Date('2026-12-24T17:30:00').getTime());
    const withOne = { ...form, reminders: [at] };
    expect(changes(withOne, form)).toEqual({ reminders: [] });
  });
});

describe('settling an edit conflict', () => {
  const loaded = formOf(task);
  const mine = { ...loaded, title: 'Wrap the presents tonight', description: 'paper in the attic', priority: 'LOW' as const };
  const theirs = { ...loaded, title: 'Wrap presents for Ada', tags: ['home', 'gifts'] };

  it('names the fields this edit touched', () => {
    expect(touched(loaded, mine)).toEqual(['title', 'description', 'priority']);
  });

  it('keeps mine where chosen, theirs elsewhere, and writes only the difference from theirs', () => {
    const merged = resolve(loaded, mine, theirs, new Set());
    expect(merged.title).toBe('Wrap the presents tonight');
    expect(merged.tags).toEqual(['home', 'gifts']);
    expect(changes(theirs, merged)).toEqual({ title: 'Wrap the presents tonight', description: 'paper in the attic', priority: 'LOW' });
  });

  it('takes theirs in a field when chosen, keeping my other changes', () => {
    const merged = resolve(loaded, mine, theirs, new Set(['title']));
    expect(changes(theirs, merged)).toEqual({ description: 'paper in the attic', priority: 'LOW' });
  });
});
