import * as chrono from 'chrono-node';
import type { DueDate, Priority } from '../api/types';
import { isoDate, offsetMinutes, wallClock } from './dates';
import { WEEKDAY_CODES } from './recurrence';

export interface QuickAdd {
  title: string;
  tags: string[];
  priority: Priority | null;
  due: DueDate | null;
  /** The words that were read as the due date, to show what was understood. */
  dueText: string | null;
  /** An RFC 5545 rule when the line says "every …"; the task then starts a series at its due date. */
  rule: string | null;
}

const TAG = /(^|\s)#([\p{L}\p{N}_\-/]+)/gu;
const PRIORITY = /(^|\s)!(high|medium|med|low|1|2|3)(?=\s|$)/giu;
const DAY_NAMES = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun';
const DAY = `(?:${DAY_NAMES})s?`;
const EVERY_PERIOD = /(^|\s)every\s+(?:(other)\s+|(\d{1,3})\s+)?(day|weekday|week|month|year)s?(?=\s|$)/iu;
const EVERY_WEEKDAYS = new RegExp(`(^|\\s)every\\s+(${DAY}(?:\\s*(?:,|and|&)\\s*${DAY})*)(?=\\s|$)`, 'iu');
const FREQUENCIES: Record<string, string> = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' };

/** "every day", "every 2 weeks", "every other month", "every weekday", "every mon and thu" as a rule. */
function readRecurrence(line: string): { rule: string; rest: string } | null {
  const period = EVERY_PERIOD.exec(line);
  if (period) {
    const [whole, space, other, count, unit] = period;
    const interval = other ? 2 : Number(count ?? 1);
    const rule = unit.toLowerCase() === 'weekday'
      ? 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'
      : `FREQ=${FREQUENCIES[unit.toLowerCase()]}${interval > 1 ? `;INTERVAL=${interval}` : ''}`;
    return interval < 1 ? null : { rule, rest: line.replace(whole, space) };
  }
  const days = EVERY_WEEKDAYS.exec(line);
  if (days) {
    const [whole, space, list] = days;
    const named = new Set(list.toLowerCase().match(new RegExp(DAY_NAMES, 'g'))!.map((day) => day.slice(0, 2).toUpperCase()));
    const byDay = WEEKDAY_CODES.filter((code) => named.has(code)).join(',');
    return { rule: `FREQ=WEEKLY;BYDAY=${byDay}`, rest: line.replace(whole, space) };
  }
  return null;
}

const PRIORITIES: Record<string, Priority> = {
  high: 'HIGH', 1: 'HIGH', medium: 'MEDIUM', med: 'MEDIUM', 2: 'MEDIUM', low: 'LOW', 3: 'LOW',
};

/**
 * Reads one line the way a person writes a task: "Call Ada tomorrow 9am #work !high". `#name` is a tag, `!high`,
 * `!medium`, `!low` or `!1`–`!3` a priority (1 is the highest), "every …" a repeat, and a natural-language date or
 * time the due date, understood on the user's clock in `zone` (so "tomorrow" is tomorrow where they are). What is
 * left is the title. A repeat without a date starts today: the server makes the rule's first day on or after it
 * the first occurrence ("every monday" is next Monday).
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
  const recurrence = readRecurrence(rest);
  if (recurrence) rest = recurrence.rest;
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
  if (recurrence && !due) {
    due = { date: isoDate(wallClock(now, zone)), time: null, timeZone: zone };
  }
  return { title: rest.replace(/\s+/g, ' ').trim(), tags, priority, due, dueText, rule: recurrence?.rule ?? null };
}
