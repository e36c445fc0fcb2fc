import type { Priority, TaskView, UpdateTaskRequest } from '../api/types';
import { userZone } from './dates';

/** A reminder as the editor holds it: so long before the due time, or at a moment (the browser's local time). */
export type ReminderDraft =
  | { kind: 'before'; amount: string; unit: 'minutes' | 'hours' | 'days' }
  | { kind: 'at'; at: string };

export const MAX_REMINDERS = 10;

/** The editor's fields, as strings the inputs hold; a new task starts due nowhere, in the user's zone. */
export interface Form {
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  dueDate: string;
  dueTime: string;
  dueZone: string;
  reminders: ReminderDraft[];
  recurrence: { rule: string; mode: 'FIXED' | 'AFTER_COMPLETION' };
}

/** The fields an edit conflict can name (the server's names), with what each covers in the form. */
export const CONFLICT_FIELDS = {
  title: ['title'],
  description: ['description'],
  priority: ['priority'],
  due: ['dueDate', 'dueTime', 'dueZone'],
  tags: ['tags'],
  reminders: ['reminders'],
} as const satisfies Record<string, readonly (keyof Form)[]>;
export type ConflictField = keyof typeof CONFLICT_FIELDS;

export function formOf(task: TaskView | undefined): Form {
  return {
    title: task?.title ?? '',
    description: task?.description ?? '',
    priority: task?.priority ?? 'NONE',
    tags: task?.tags.map((t) => t.name) ?? [],
    dueDate: task?.due?.date ?? '',
    dueTime: task?.due?.time?.slice(0, 5) ?? '',
    dueZone: task?.due?.timeZone ?? userZone(),
    reminders: (task?.reminders ?? []).map((r) => (r.before ? beforeDraft(r.before) : { kind: 'at', at: localInput(r.at ?? '') })),
    recurrence: { rule: '', mode: 'FIXED' },
  };
}

/** An ISO-8601 duration as the server writes it (PT30M, PT2H, PT48H, P1D) in the largest whole unit. */
export function beforeDraft(iso: string): ReminderDraft {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  const minutes = match ? Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
  if (minutes > 0 && minutes % 1440 === 0) return { kind: 'before', amount: String(minutes / 1440), unit: 'days' };
  if (minutes > 0 && minutes % 60 === 0) return { kind: 'before', amount: String(minutes / 60), unit: 'hours' };
  return { kind: 'before', amount: String(minutes), unit: 'minutes' };
}

/** An instant as a datetime-local input shows it, in the browser's zone, to the second. */
export function localInput(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

export function reminderRequests(form: Form): { before?: string; at?: string }[] {
  return form.reminders.map((r) => {
    if (r.kind === 'at') {
      const at = new Date(r.at);
      // An unreadable moment goes as typed, so the server names the field instead of the app guessing.
      return { at: Number.isNaN(at.getTime()) ? r.at : at.toISOString() };
    }
    const unit = { minutes: 'PT#M', hours: 'PT#H', days: 'P#D' }[r.unit];
    return { before: unit.replace('#', r.amount.trim() || '0') };
  });
}

export function dueOf(form: Form) {
  return form.dueDate ? { date: form.dueDate, time: form.dueTime || undefined, timeZone: form.dueZone } : null;
}

/** Only what changed goes in the PATCH (a merge patch: absent means unchanged, due null clears it). */
export function changes(before: Form, after: Form): UpdateTaskRequest {
  const patch: UpdateTaskRequest = {};
  if (after.title !== before.title) patch.title = after.title;
  if (after.description !== before.description) patch.description = after.description;
  if (after.priority !== before.priority) patch.priority = after.priority;
  const due = dueOf(after);
  if (JSON.stringify(due) !== JSON.stringify(dueOf(before))) patch.due = due;
  const added = after.tags.filter((t) => !before.tags.includes(t));
  const removed = before.tags.filter((t) => !after.tags.includes(t));
  if (added.length) patch.addTags = added;
  if (removed.length) patch.removeTags = removed;
  const reminders = reminderRequests(after);
  if (JSON.stringify(reminders) !== JSON.stringify(reminderRequests(before))) patch.reminders = reminders;
  return patch;
}

/** The conflict fields this edit touches: what the user changed from the version they loaded. */
export function touched(loaded: Form, mine: Form): ConflictField[] {
  return (Object.keys(CONFLICT_FIELDS) as ConflictField[]).filter((field) =>
    CONFLICT_FIELDS[field].some((key) => JSON.stringify(loaded[key]) !== JSON.stringify(mine[key])));
}

/**
 * After an edit conflict: start from the task as it is now (`theirs`), put back every change of this user's, except in
 * the fields where they chose the other device's value. Saving the difference from `theirs` then writes exactly that.
 */
export function resolve(loaded: Form, mine: Form, theirs: Form, takeTheirs: Set<ConflictField>): Form {
  const merged: Form = { ...theirs };
  for (const field of touched(loaded, mine)) {
    if (takeTheirs.has(field)) continue;
    for (const key of CONFLICT_FIELDS[field]) (merged as unknown as Record<string, unknown>)[key] = mine[key];
  }
  return merged;
}
