import type { Priority, TagRef } from '../api/types';

const PRIORITY_LABEL: Record<Priority, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low', NONE: '' };

export function PriorityChip({ priority }: { priority: Priority }) {
  if (priority === 'NONE') return null;
  return <span className={`chip priority-${priority.toLowerCase()}`}>{PRIORITY_LABEL[priority]}<span className="sr-only"> priority</span></span>;
}

export function TagChip({ tag }: { tag: Pick<TagRef, 'name' | 'colour'> }) {
  return (
    <span className="chip tag">
      <span className="dot" style={{ background: tag.colour ?? 'var(--muted)' }} aria-hidden="true" />#{tag.name}
    </span>
  );
}
