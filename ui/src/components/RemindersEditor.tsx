import type { ReminderView } from '../api/types';
import { formatInstant } from '../lib/dates';
import { MAX_REMINDERS, type ReminderDraft } from '../lib/taskForm';

/**
 * Up to ten reminders, each so long before the due time or at a moment. Saved ones show when they fire, as the
 * server computed it (`fireAt`); a relative one without a due date waits for one.
 */
export function RemindersEditor({ value, onChange, saved, hasDue, zone, invalid }: {
  value: ReminderDraft[];
  onChange: (value: ReminderDraft[]) => void;
  saved: ReminderView[];
  hasDue: boolean;
  zone: string;
  invalid: (index: number) => boolean;
}) {
  const set = (index: number, draft: ReminderDraft) => onChange(value.map((r, i) => (i === index ? draft : r)));
  const fires = (index: number) => {
    const fireAt = saved[index]?.fireAt;
    if (fireAt) return `fires ${formatInstant(fireAt, zone)}`;
    if (value[index].kind === 'before' && !hasDue) return 'waits for a due date';
    return saved[index] ? '' : 'not saved yet';
  };
  return (
    <fieldset className="reminders">
      <legend>Reminders</legend>
      {value.length === 0 && <p className="hint">No reminders.</p>}
      <ol>
        {value.map((draft, index) => {
          const n = index + 1;
          return (
            <li key={index} className="row">
              <label>
                Reminder {n}
                <select value={draft.kind} aria-invalid={invalid(index)} onChange={(e) => set(index, e.target.value === 'at'
                  ? { kind: 'at', at: '' } : { kind: 'before', amount: '30', unit: 'minutes' })}>
                  <option value="before">Before it is due</option>
                  <option value="at">At a moment</option>
                </select>
              </label>
              {draft.kind === 'before' ? (
                <>
                  <label>
                    How long before (reminder {n})
                    <input type="number" min={0} className="narrow" value={draft.amount} aria-invalid={invalid(index)}
                      onChange={(e) => set(index, { ...draft, amount: e.target.value })} />
                  </label>
                  <label>
                    Unit (reminder {n})
                    <select value={draft.unit} onChange={(e) => set(index, { ...draft, unit: e.target.value as typeof draft.unit })}>
                      <option value="minutes">minutes</option>
                      <option value="hours">hours</option>
                      <option value="days">days</option>
                    </select>
                  </label>
                </>
              ) : (
                <label>
                  When (reminder {n})
                  <input type="datetime-local" step={1} value={draft.at} aria-invalid={invalid(index)}
                    onChange={(e) => set(index, { kind: 'at', at: e.target.value })} />
                </label>
              )}
              <span className="hint fires">{fires(index)}</span>
              <button type="button" className="quiet" onClick={() => onChange(value.filter((_, i) => i !== index))}>
                Remove reminder {n}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={value.length >= MAX_REMINDERS}
        onClick={() => onChange([...value, { kind: 'before', amount: '30', unit: 'minutes' }])}>
        Add a reminder
      </button>
      {value.length >= MAX_REMINDERS && <p className="hint">A task holds at most {MAX_REMINDERS} reminders.</p>}
    </fieldset>
  );
}
