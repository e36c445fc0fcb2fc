import { useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { afterWrite, tasksApi } from '../api/queries';
import type { TaskView } from '../api/types';
import { formatInstant, relativeDue } from '../lib/dates';
import { navigate } from '../lib/router';
import { PriorityChip, TagChip } from './Chips';

export function TaskRow({ task, now, zone }: { task: TaskView; now: Date; zone: string }) {
  const client = useQueryClient();
  // Shown ticked at once; the row leaves or changes when the list catches up with the write.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const done = task.status === 'COMPLETED';
  const busy = ticked !== null;
  const due = task.due ? relativeDue(task.due, task.dueAt, now, zone) : null;

  const toggle = async () => {
    setTicked(!done);
    try {
      const written = done ? await tasksApi.reopen(task.id) : await tasksApi.complete(task.id);
      await afterWrite(client, written, { series: done ? null : task.seriesId });
    } finally {
      setTicked(null);
    }
  };

  const onKey = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'x') {
      event.preventDefault();
      void toggle();
    } else if (event.key === 'Enter') {
      navigate(`/tasks/${task.id}`);
    }
  };

  return (
    <li className={`task${done ? ' done' : ''}`} tabIndex={0} onKeyDown={onKey} data-task-id={task.id}
      aria-labelledby={`title-${task.id}`} aria-describedby={`meta-${task.id}`}>
      <input type="checkbox" checked={ticked ?? done} disabled={busy} onChange={toggle}
        aria-label={`${done ? 'Reopen' : 'Complete'} “${task.title}”`} />
      <div className="body">
        <a href={`/tasks/${task.id}`} id={`title-${task.id}`} className="title" onClick={(e) => { e.preventDefault(); navigate(`/tasks/${task.id}`); }}>
          {task.title}
        </a>
        <div className="meta" id={`meta-${task.id}`}>
          {due && (
            <span className={`chip due${due.overdue && !done ? ' overdue' : ''}`} title={task.dueAt ? formatInstant(task.dueAt, zone) : undefined}>
              {due.text}
            </span>
          )}
          {task.seriesId && <span className="chip repeat" title="Repeats">↻<span className="sr-only"> repeats</span></span>}
          <PriorityChip priority={task.priority} />
          {task.tags.map((tag) => <TagChip key={tag.id} tag={tag} />)}
        </div>
      </div>
    </li>
  );
}
