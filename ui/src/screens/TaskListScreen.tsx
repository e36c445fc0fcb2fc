import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { NO_FILTERS, tasksApi, useTags, type TaskFilters } from '../api/queries';
import { QuickAdd } from '../components/QuickAdd';
import { TaskRow } from '../components/TaskRow';
import { userZone } from '../lib/dates';
import { Link } from '../lib/router';

const SORTS: { value: string; label: string }[] = [
  { value: '', label: 'Newest (best match in a search)' },
  { value: 'due', label: 'Due date' },
  { value: 'priority', label: 'Priority' },
  { value: '-priority,due', label: 'Priority, then due date' },
  { value: 'title', label: 'Title' },
  { value: '-updated', label: 'Recently changed' },
];
const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW', 'NONE'] as const;

export function TaskListScreen() {
  const [filters, setFilters] = useState<TaskFilters>(NO_FILTERS);
  // Typing stays responsive: the list follows the search box a frame behind, and the server answers in ms.
  const q = useDeferredValue(filters.q);
  const effective = { ...filters, q };
  const zone = userZone();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const list = useInfiniteQuery({
    queryKey: ['tasks', effective],
    queryFn: ({ pageParam }) => tasksApi.page(effective, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });

  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = sentinel.current;
    if (!target) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries[0].isIntersecting && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
    }, { rootMargin: '400px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [list.hasNextPage, list.isFetchingNextPage, list.fetchNextPage]);

  const tasks = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const set = <K extends keyof TaskFilters>(key: K, value: TaskFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section aria-labelledby="tasks-title">
      <div className="heading">
        <h1 id="tasks-title">Tasks</h1>
        <Link href="/tasks/new" className="button">New task…</Link>
      </div>
      <QuickAdd />
      <div className="search">
        <label htmlFor="search" className="sr-only">Search tasks</label>
        <input id="search" type="search" placeholder="Search (press /)" value={filters.q}
          onChange={(e) => set('q', e.target.value)} autoComplete="off" />
      </div>
      <Filters filters={filters} set={set} reset={() => setFilters({ ...NO_FILTERS, q: filters.q })} />
      <p className="count" role="status" aria-live="polite">
        {list.isPending ? 'Loading…' : total === undefined ? '' : `${total} task${total === 1 ? '' : 's'}`}
        {list.isFetching && !list.isPending ? ' · updating' : ''}
      </p>
      {list.isError && <p className="error" role="alert">{list.error.message}</p>}
      {tasks.length > 0 ? (
        <ul className="tasks" aria-label="Task list">
          {tasks.map((task) => <TaskRow key={task.id} task={task} now={now} zone={zone} />)}
        </ul>
      ) : (
        !list.isPending && <p className="empty">Nothing here. Add a task above, or loosen the filters.</p>
      )}
      <div ref={sentinel} aria-hidden="true" />
      {list.isFetchingNextPage && <p role="status">Loading more…</p>}
    </section>
  );
}

function Filters({ filters, set, reset }: {
  filters: TaskFilters;
  set: <K extends keyof TaskFilters>(key: K, value: TaskFilters[K]) => void;
  reset: () => void;
}) {
  const tags = useTags();
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const active = filters.status !== 'open' || filters.priority.length + filters.tag.length > 0 || filters.dueFrom
    || filters.dueTo || filters.overdue || filters.sort;
  return (
    <details className="filters" open={window.matchMedia?.('(min-width: 48rem)').matches}>
      <summary>Filters and sort{active ? ' (on)' : ''}</summary>
      <div className="filter-grid">
        <label>
          Status
          <select aria-label="Status" value={filters.status} onChange={(e) => set('status', e.target.value as TaskFilters['status'])}>
            <option value="open">Open</option>
            <option value="completed">Done</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Sort by
          <select aria-label="Sort by" value={filters.sort} onChange={(e) => set('sort', e.target.value)}>
            {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>Priority</legend>
          {PRIORITIES.map((p) => (
            <label key={p} className="inline">
              <input type="checkbox" checked={filters.priority.includes(p)} onChange={() => set('priority', toggle(filters.priority, p))} />
              {p === 'NONE' ? 'None' : p[0] + p.slice(1).toLowerCase()}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Tags</legend>
          {(tags.data ?? []).map((tag) => (
            <label key={tag.id} className="inline">
              <input type="checkbox" checked={filters.tag.includes(tag.name)} onChange={() => set('tag', toggle(filters.tag, tag.name))} />
              #{tag.name}
            </label>
          ))}
          {tags.data?.length === 0 && <span className="hint">No tags yet</span>}
          {filters.tag.length > 1 && (
            <label className="inline">
              Match
              <select aria-label="Match tags" value={filters.tagMode} onChange={(e) => set('tagMode', e.target.value as 'any' | 'all')}>
                <option value="any">any of them</option>
                <option value="all">all of them</option>
              </select>
            </label>
          )}
        </fieldset>
        <fieldset>
          <legend>Due</legend>
          <label className="inline">From <input type="date" value={filters.dueFrom} onChange={(e) => set('dueFrom', e.target.value)} /></label>
          <label className="inline">To <input type="date" value={filters.dueTo} onChange={(e) => set('dueTo', e.target.value)} /></label>
          <label className="inline">
            <input type="checkbox" checked={filters.overdue} onChange={(e) => set('overdue', e.target.checked)} /> Overdue only
          </label>
        </fieldset>
        {active && <button type="button" className="quiet" onClick={reset}>Clear filters</button>}
      </div>
    </details>
  );
}
