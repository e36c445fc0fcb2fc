import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, sleep } from '../api/client';
import { afterSeriesWrite, afterWrite, seriesApi, tasksApi } from '../api/queries';
import type { Priority, TaskView } from '../api/types';
import { ConflictDialog } from '../components/ConflictDialog';
import { RecurrenceEditor, type RecurrenceValue } from '../components/RecurrenceEditor';
import { RemindersEditor } from '../components/RemindersEditor';
import { TagInput } from '../components/TagInput';
import { formatDue, userZone } from '../lib/dates';
import { describeRule } from '../lib/recurrence';
import {
  CONFLICT_FIELDS, changes, dueOf, formOf, reminderRequests, resolve, touched, type ConflictField, type Form,
} from '../lib/taskForm';
import { Link, navigate } from '../lib/router';
import { TaskHistory } from './TaskHistory';

/** What the editor was loaded from: the form as it stood and the version the server gave it (sent as If-Match). */
interface Loaded {
  form: Form;
  version: number | null;
}

interface Conflict {
  fields: ConflictField[];
  alsoChanged: ConflictField[];
  theirs: TaskView;
}

/** The task at least at `version` (the read model follows a write within milliseconds), or the newest seen. */
async function atLeast(id: string, version: number): Promise<TaskView> {
  let view = await tasksApi.get(id);
  for (let attempt = 0; view.version < version && attempt < 40; attempt++) {
    await sleep(50);
    view = await tasksApi.get(id);
  }
  return view;
}

export function TaskEditor({ id }: { id?: string }) {
  const client = useQueryClient();
  const task = useQuery({ queryKey: ['task', id], queryFn: () => tasksApi.get(id!), enabled: id !== undefined });
  const [loaded, setLoaded] = useState<Loaded | null>(id ? null : { form: formOf(undefined), version: null });
  const [form, setForm] = useState<Form>(formOf(undefined));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const zone = userZone();

  const latest = task.data;
  useEffect(() => {
    if (!latest) return;
    const fresh = formOf(latest);
    // First load; or the task changed elsewhere while this form is untouched: show the new state.
    if (loaded === null || (latest.version > (loaded.version ?? -1) && touched(loaded.form, form).length === 0)) {
      setLoaded({ form: fresh, version: latest.version });
      setForm(fresh);
    }
  }, [latest, loaded, form]);

  if (id && task.isError && !loaded) {
    return <p className="error" role="alert">{task.error.message} <Link href="/">Back to the list</Link></p>;
  }
  if (!loaded) return <p role="status">Loading…</p>;
  const initial = loaded.form;
  // While this editor writes, the new versions (or the 404 after a delete) are its own doing.
  const deletedElsewhere = !saving && id !== undefined && task.isError && task.error instanceof ApiError && task.error.status === 404;
  const changedElsewhere = !saving && latest && loaded.version !== null && latest.version > loaded.version
    ? touched(initial, formOf(latest)) : [];

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const invalid = (field: string) => error?.field === field || error?.field?.startsWith(`${field}.`)
    || error?.field?.startsWith(`${field}[`);
  const start = form.dueDate ? `${form.dueDate}T${form.dueTime || '00:00'}` : null;

  /** Runs a write; `asks`: an edit conflict opens the dialog (a save), else it is reported (complete, delete). */
  const run = async (action: () => Promise<void>, asks = false) => {
    setSaving(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'EDIT_CONFLICT' && id) {
        await showConflict(e, asks);
      } else {
        setError(e instanceof ApiError ? e : new ApiError(0, null));
      }
    } finally {
      setSaving(false);
    }
  };

  /**
   * The server refused a write from an old version: fetch the task as it is now. A save lets the user choose, field
   * by field. Otherwise (a complete or delete that met a change) the editor says so and moves onto the current task,
   * keeping what the user typed, so that doing it again is a decision on what is there now.
   */
  const showConflict = async (refusal: ApiError, asks: boolean) => {
    const current = refusal.problem?.current as { version?: number } | undefined;
    const named = (refusal.problem?.fields as string[] | undefined) ?? [];
    const theirs = await atLeast(id!, current?.version ?? 0);
    const theirForm = formOf(theirs);
    const fields = named.filter((f): f is ConflictField => f in CONFLICT_FIELDS);
    if (!asks || fields.length === 0) {
      setError(refusal);
      setLoaded({ form: theirForm, version: theirs.version });
      setForm(resolve(initial, form, theirForm, new Set()));
      return;
    }
    const alsoChanged = touched(initial, theirForm).filter((f) => !fields.includes(f));
    setConflict({ fields, alsoChanged, theirs });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (!id) {
        const reminders = reminderRequests(form);
        const written = await tasksApi.create({
          id: crypto.randomUUID(),
          title: form.title,
          description: form.description || undefined,
          priority: form.priority,
          tags: form.tags,
          due: dueOf(form) ?? undefined,
          reminders: reminders.length ? reminders : undefined,
          recurrence: form.recurrence.rule ? { rule: form.recurrence.rule, mode: form.recurrence.mode } : undefined,
        });
        await afterWrite(client, written);
      } else {
        const patch = changes(initial, form);
        if (Object.keys(patch).length) await afterWrite(client, await tasksApi.update(id, patch, loaded.version ?? undefined));
      }
      navigate('/');
    }, true);
  };

  const settle = (takeTheirs: Set<ConflictField>) => {
    if (!conflict || !id) return;
    const theirs = conflict.theirs;
    const theirForm = formOf(theirs);
    const merged = resolve(initial, form, theirForm, takeTheirs);
    // From here on the editor stands on their version: a further conflict (a third device) is judged from it.
    setLoaded({ form: theirForm, version: theirs.version });
    setForm(merged);
    setConflict(null);
    void run(async () => {
      const patch = changes(theirForm, merged);
      if (Object.keys(patch).length) await afterWrite(client, await tasksApi.update(id, patch, theirs.version));
      navigate('/');
    }, true);
  };

  const view = task.data;
  return (
    <section aria-labelledby="editor-title" className="editor">
      <div className="heading">
        <h1 id="editor-title">{id ? 'Edit task' : 'New task'}</h1>
        <Link href="/">Back to the list</Link>
      </div>
      <form onSubmit={save} className="stack" noValidate>
        {error && (
          <p className="error" role="alert">{error.message}{error.field ? ` (${error.field})` : ''}</p>
        )}
        {deletedElsewhere && (
          <p className="error" role="alert">This task was deleted on another device. What you typed is still here to copy.</p>
        )}
        {changedElsewhere.length > 0 && (
          <p className="notice" role="status">
            Changed on another device while you edit: {changedElsewhere.join(', ')}. Saving keeps their changes to
            fields you did not change, and asks you about the ones you both changed.
          </p>
        )}
        <label>
          Title
          <input value={form.title} onChange={(e) => set('title', e.target.value)} required aria-invalid={invalid('title')} autoFocus={!id} />
        </label>
        <label>
          Description
          <textarea rows={4} value={form.description} onChange={(e) => set('description', e.target.value)} aria-invalid={invalid('description')} />
        </label>
        <label>
          Priority
          <select value={form.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
            <option value="NONE">None</option>
            <option value="LOW">Low</option>
            <option value="MEDIUM">Medium</option>
            <option value="HIGH">High</option>
          </select>
        </label>
        <TagInput value={form.tags} onChange={(tags) => set('tags', tags)} />
        <fieldset>
          <legend>Due</legend>
          <div className="row">
            <label>
              Date
              <input type="date" value={form.dueDate} onChange={(e) => set('dueDate', e.target.value)} aria-invalid={invalid('due.date')} />
            </label>
            <label>
              Time (empty: all day)
              <input type="time" value={form.dueTime} onChange={(e) => set('dueTime', e.target.value)} aria-invalid={invalid('due.time')} />
            </label>
            <label>
              Time zone
              <input list="zones" value={form.dueZone} onChange={(e) => set('dueZone', e.target.value)} aria-invalid={invalid('due.timeZone')} />
            </label>
            <datalist id="zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
          </div>
          {form.dueDate && (
            <button type="button" className="quiet" onClick={() => setForm((f) => ({ ...f, dueDate: '', dueTime: '' }))}>
              Clear the due date
            </button>
          )}
        </fieldset>
        <RemindersEditor value={form.reminders} onChange={(r) => set('reminders', r)} saved={id ? latest?.reminders ?? [] : []}
          hasDue={form.dueDate !== ''} zone={zone} invalid={(i) => invalid(`reminders[${i}]`) ?? false} />
        {!id && (
          <RecurrenceEditor value={form.recurrence} onChange={(r) => set('recurrence', r)} start={start} zone={form.dueZone} />
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={saving || deletedElsewhere}>{id ? 'Save' : 'Create task'}</button>
          {view && (
            <>
              <button type="button" disabled={saving} onClick={() => run(async () => {
                const written = view.status === 'COMPLETED'
                  ? await tasksApi.reopen(view.id, loaded.version ?? undefined)
                  : await tasksApi.complete(view.id, loaded.version ?? undefined);
                await afterWrite(client, written, { series: view.status === 'COMPLETED' ? null : view.seriesId });
                navigate('/');
              })}>{view.status === 'COMPLETED' ? 'Reopen' : 'Complete'}</button>
              <button type="button" className="danger" disabled={saving} onClick={() => {
                if (confirm(`Delete “${view.title}”?`)) {
                  void run(async () => {
                    await afterWrite(client, await tasksApi.remove(view.id, loaded.version ?? undefined), { series: view.seriesId, deleted: true });
                    navigate('/');
                  });
                }
              }}>Delete</button>
            </>
          )}
        </div>
      </form>
      {view?.seriesId && (
        <SeriesControls seriesId={view.seriesId} form={form} onDone={() => navigate('/')} />
      )}
      {id && <TaskHistory id={id} />}
      {conflict && (
        <ConflictDialog fields={conflict.fields} alsoChanged={conflict.alsoChanged} mine={form} theirs={formOf(conflict.theirs)}
          zone={zone} saving={saving} onResolve={settle} onCancel={() => setConflict(null)} />
      )}
    </section>
  );
}

/** This task is one occurrence of a series: skip it, stop the series, or change the series' rule and template. */
function SeriesControls({ seriesId, form, onDone }: { seriesId: string; form: Form; onDone: () => void }) {
  const client = useQueryClient();
  const series = useQuery({ queryKey: ['series', seriesId], queryFn: () => seriesApi.get(seriesId) });
  const [editing, setEditing] = useState<RecurrenceValue | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!series.data) return null;
  const s = series.data;
  const act = async (action: () => Promise<{ id: string; version: number }>) => {
    setError(null);
    try {
      await afterSeriesWrite(client, await action());
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work.');
    }
  };
  const active = s.status === 'ACTIVE';
  const start = s.nextDue ? `${s.nextDue.date}T${s.nextDue.time?.slice(0, 5) ?? '00:00'}` : `${s.start.date}T${s.start.time?.slice(0, 5) ?? '00:00'}`;
  return (
    <section className="series-box" aria-labelledby="series-title">
      <h2 id="series-title">Series</h2>
      <p>
        <strong>{describeRule(s.rule)}</strong> ({s.mode === 'FIXED' ? 'on schedule' : 'after completion'}), {s.status.toLowerCase()};
        {' '}{s.occurrenceCount} so far{s.nextDue ? `; next due ${formatDue(s.nextDue)}` : ''}.
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {active && !editing && (
        <div className="actions">
          <button type="button" onClick={() => act(() => seriesApi.skip(seriesId))}>Skip this one</button>
          <button type="button" onClick={() => setEditing({ rule: s.rule, mode: s.mode })}>Edit the series…</button>
          <button type="button" className="danger" onClick={() => act(() => seriesApi.stop(seriesId))}>Stop repeating</button>
        </div>
      )}
      {editing && (
        <div className="stack">
          <RecurrenceEditor value={editing} onChange={setEditing} start={start} zone={s.timeZone} allowNone={false} />
          <p className="hint">
            Saving also gives the series this task's title, description, priority and reminders before the due time
            (each occurrence counts them from its own); the open occurrence follows.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => act(() => seriesApi.update(seriesId, {
              title: form.title, description: form.description, priority: form.priority,
              reminders: reminderRequests({ ...form, reminders: form.reminders.filter((r) => r.kind === 'before') }),
              recurrence: { rule: editing.rule, mode: editing.mode },
            }))}>Save the series</button>
            <button type="button" onClick={() => setEditing(null)}>Cancel</button>
          </div>
        </div>
      )}
    </section>
  );
}
