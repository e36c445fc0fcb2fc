import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { afterSeriesWrite, seriesApi } from '../api/queries';
import type { SeriesView } from '../api/types';
import { PriorityChip } from '../components/Chips';
import { formatDue } from '../lib/dates';
import { describeRule } from '../lib/recurrence';
import { Link } from '../lib/router';

export function SeriesScreen() {
  const series = useQuery({ queryKey: ['series'], queryFn: seriesApi.list });
  return (
    <section aria-labelledby="series-list-title">
      <h1 id="series-list-title">Recurring series</h1>
      <p className="hint">Create one by giving a new task a repeat rule. Each series has one open occurrence at a time.</p>
      {series.isPending && <p role="status">Loading…</p>}
      {series.data?.length === 0 && <p className="empty">No recurring tasks yet.</p>}
      <ul className="series-list">
        {series.data?.map((s) => <SeriesRow key={s.id} series={s} />)}
      </ul>
    </section>
  );
}

function SeriesRow({ series: s }: { series: SeriesView }) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<{ id: string; version: number }>) => {
    setBusy(true);
    try {
      await afterSeriesWrite(client, await action());
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="series">
      <div>
        <strong>{s.title}</strong> <PriorityChip priority={s.priority} />
        <div className="meta">
          <span className="chip repeat">↻ {describeRule(s.rule)}</span>
          <span className="chip">{s.status.toLowerCase()}</span>
          <span>{s.occurrenceCount} so far</span>
          {s.nextDue && s.status === 'ACTIVE' && <span>next: {formatDue(s.nextDue)}</span>}
        </div>
      </div>
      {s.status === 'ACTIVE' && (
        <div className="actions">
          {s.nextTaskId && <Link href={`/tasks/${s.nextTaskId}`} className="button">Open next<span className="sr-only"> {s.title}</span></Link>}
          <button type="button" disabled={busy} onClick={() => act(() => seriesApi.skip(s.id))}>Skip<span className="sr-only"> next {s.title}</span></button>
          <button type="button" disabled={busy} className="danger" onClick={() => act(() => seriesApi.stop(s.id))}>Stop<span className="sr-only"> {s.title}</span></button>
        </div>
      )}
    </li>
  );
}
