import { useEffect, useRef, useState } from 'react';
import { formatDue, formatInstant } from '../lib/dates';
import { dueOf, type ConflictField, type Form, type ReminderDraft } from '../lib/taskForm';
import { Modal } from './Modal';

const LABELS: Record<ConflictField, string> = {
  title: 'Title', description: 'Description', priority: 'Priority', due: 'Due', tags: 'Tags', reminders: 'Reminders',
};

function reminderText(r: ReminderDraft, zone: string): string {
  return r.kind === 'at' ? `at ${r.at ? formatInstant(new Date(r.at), zone) : '(no time)'}` : `${r.amount} ${r.unit} before`;
}

/** A field's value as a person reads it. */
export function shown(field: ConflictField, form: Form, zone: string): string {
  switch (field) {
    case 'title': return form.title || '(empty)';
    case 'description': return form.description || '(empty)';
    case 'priority': return form.priority === 'NONE' ? 'None' : form.priority[0] + form.priority.slice(1).toLowerCase();
    case 'due': {
      const due = dueOf(form);
      return due ? formatDue({ date: due.date, time: due.time ?? null, timeZone: due.timeZone }) : 'none';
    }
    case 'tags': return form.tags.length ? form.tags.map((t) => `#${t}`).join(' ') : 'none';
    case 'reminders': return form.reminders.length ? form.reminders.map((r) => reminderText(r, zone)).join('; ') : 'none';
  }
}

/**
 * The task was changed on another device since this one loaded it, in fields this edit changes too. Both values of
 * each such field are shown side by side; the user picks one per field. Nothing typed is dropped without a choice.
 */
export function ConflictDialog({ fields, alsoChanged, mine, theirs, zone, saving, onResolve, onCancel }: {
  fields: ConflictField[];
  alsoChanged: ConflictField[];
  mine: Form;
  theirs: Form;
  zone: string;
  saving: boolean;
  onResolve: (takeTheirs: Set<ConflictField>) => void;
  onCancel: () => void;
}) {
  const [takeTheirs, setTakeTheirs] = useState<Set<ConflictField>>(new Set());
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const choose = (field: ConflictField, theirsChosen: boolean) => setTakeTheirs((now) => {
    const next = new Set(now);
    if (theirsChosen) next.add(field); else next.delete(field);
    return next;
  });
  return (
    <Modal labelledBy="conflict-title" describedBy="conflict-what" wide onCancel={onCancel}>
      <h2 id="conflict-title">Changed on another device</h2>
      <p id="conflict-what">
        While you were editing, this task was changed elsewhere in {fields.map((f) => LABELS[f].toLowerCase()).join(', ')},
        which you changed too. Choose which to keep.
        {alsoChanged.length > 0 && ` Their change to ${alsoChanged.map((f) => LABELS[f].toLowerCase()).join(', ')} is kept as well.`}
      </p>
      {fields.map((field, index) => (
        <fieldset key={field} className="choice">
          <legend>{LABELS[field]}</legend>
          <label className="inline option">
            <input ref={index === 0 ? first : undefined} type="radio" name={`conflict-${field}`} checked={!takeTheirs.has(field)}
              onChange={() => choose(field, false)} />
            <span><span className="which">Keep mine:</span> <span className="value">{shown(field, mine, zone)}</span></span>
          </label>
          <label className="inline option">
            <input type="radio" name={`conflict-${field}`} checked={takeTheirs.has(field)} onChange={() => choose(field, true)} />
            <span><span className="which">Take the other device's:</span> <span className="value">{shown(field, theirs, zone)}</span></span>
          </label>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="primary" disabled={saving} onClick={() => onResolve(takeTheirs)}>Save these choices</button>
        <button type="button" disabled={saving} onClick={onCancel}>Back to editing</button>
      </div>
    </Modal>
  );
}
