import * as chrono from 'chrono-node';
import type { DueDate, Priority } from '../api/types';
import { isoDate, offsetMinutes } from './dates';

export interface QuickAdd {
  title: string;
  tags: string[];
  priority: Priority | null;
  due: DueDate | null;
  /** The words that were read as the due date, to show what was understood. */
  dueText: string | null;
}

const TAG = /(^|\s)#([\p{L}\p{N}_\-/]+)/gu;
const PRIORITY = /(^|\s)!(high|medium|med|low|1|2|3)(?=\s|$)/giu;
const PRIORITIES: Record<string, Priority> = {
  high: 'HIGH', 1: 'HIGH', medium: 'MEDIUM', med: 'MEDIUM', 2: 'MEDIUM', low: 'LOW', 3: 'LOW',
};

/**
 * Reads one line the way a person writes a task: "Call Ada tomorrow 9am #work !high". `#name` is a tag, `!high`,
 * `!medium`, `!low` or `!1`–`!3` a priority (1 is the highest), and a natural-language date or time the due date,
 * understood on the user's clock in `zone` (so "tomorrow" is tomorrow where they are). What is left is the title.
 */
export function parseQuickAdd(line: string, now: Date, zone: string): QuickAdd {
  const tags: string[] = [];
  let priority: Priority | null = null;
  let rest = line.replace(TAG, (_, space: string, name: string) => {
    if (!tags.some((t) => t.toLowerCase() === name.toLowerCase())) tags.push(name);
    return space;
  });
  rest = rest.replace(PRIORITY, (_, space: string, level: string) => {
    priority = PRIORITIES[level.toLowerCase()];
    return space;
  });
  let due: DueDate | null = null;
  let dueText: string | null = null;
  const [found] = chrono.parse(rest, { instant: now, timezone: offsetMinutes(now, zone) }, { forwardDate: true });
  if (found) {
    const start = found.start;
    const time = start.isCertain('hour')
      ? `${String(start.get('hour')).padStart(2, '0')}:${String(start.get('minute') ?? 0).padStart(2, '0')}`
      : null;
    due = {
      date: isoDate({ year: start.get('year')!, month: start.get('month')!, day: start.get('day')! }),
      time,
      timeZone: zone,
    };
    dueText = found.text;
    rest = rest.slice(0, found.index) + rest.slice(found.index + found.text.length);
  }
  return { title: rest.replace(/\s+/g, ' ').trim(), tags, priority, due, dueText };
}
