import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { afterWrite, tasksApi } from '../api/queries';
import { formatDue, userZone } from '../lib/dates';
import { parseQuickAdd } from '../lib/quickAdd';
import { describeRule } from '../lib/recurrence';
import { PriorityChip, TagChip } from './Chips';

/** One line to add a task; below it, what was understood, before anything is saved. */
export function QuickAdd() {
  const client = useQueryClient();
  const [line, setLine] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const zone = userZone();
  const parsed = useMemo(() => parseQuickAdd(line, new Date(), zone), [line, zone]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.title) {
      setError('Give the task a title.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const written = await tasksApi.create({
        id: crypto.randomUUID(),
        title: parsed.title,
        tags: parsed.tags,
        priority: parsed.priority ?? undefined,
        due: parsed.due ? { ...parsed.due, time: parsed.due.time ?? undefined } : undefined,
        recurrence: parsed.rule ? { rule: parsed.rule, mode: 'FIXED' } : undefined,
      });
      setLine('');
      setSaving(false);
      // The next line can be typed and added at once; the list shows this one when the read side has it.
      void afterWrite(client, written);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not save; try again.');
      setSaving(false);
    }
  };

  return (
    <form className="quick-add" onSubmit={submit}>
      <label htmlFor="quick-add" className="sr-only">Add a task</label>
      <input id="quick-add" value={line} onChange={(e) => setLine(e.target.value)} autoComplete="off"
        placeholder="Add a task: Call Ada tomorrow 9am #work !high" aria-describedby="quick-add-understood"
        onKeyDown={(e) => e.key === 'Escape' && setLine('')} />
      <button type="submit" className="primary" disabled={saving || !line.trim()}>Add</button>
      <div id="quick-add-understood" className="understood" aria-live="polite">
        {line.trim() && (
          <>
            <span className="sr-only">Will add: </span>
            <strong>{parsed.title || '(no title yet)'}</strong>
            {parsed.due && parsed.dueText && (
              <span className="chip due" title={`from “${parsed.dueText}”`}>{formatDue(parsed.due)}</span>
            )}
            {parsed.rule && <span className="chip repeat">↻ {describeRule(parsed.rule)}</span>}
            {parsed.priority && <PriorityChip priority={parsed.priority} />}
            {parsed.tags.map((name) => <TagChip key={name} tag={{ name, colour: null }} />)}
          </>
        )}
        {error && <span className="error" role="alert">{error}</span>}
      </div>
    </form>
  );
}
