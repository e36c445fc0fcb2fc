import type { Priority, TaskView, UpdateTaskRequest } from '../api/types';
import { userZone } from './dates';

/** The editor's fields, as strings the inputs hold; a new task starts due nowhere, in the user's zone. */
export interface Form {
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  dueDate: string;
  dueTime: string;
  dueZone: string;
  recurrence: { rule: string; mode: 'FIXED' | 'AFTER_COMPLETION' };
}

export function formOf(task: TaskView | undefined): Form {
  return {
    title: task?.title ?? '',
    description: task?.description ?? '',
    priority: task?.priority ?? 'NONE',
    tags: task?.tags.map((t) => t.name) ?? [],
    dueDate: task?.due?.date ?? '',
    dueTime: task?.due?.time?.slice(0, 5) ?? '',
    dueZone: task?.due?.timeZone ?? userZone(),
    recurrence: { rule: '', mode: 'FIXED' },
  };
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
  return patch;
}

