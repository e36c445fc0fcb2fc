import type { DueDate } from '../api/types';

/** The zone the user is in, as the browser knows it (an IANA id such as Europe/Berlin). */
export function userZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Sunday
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** What a wall clock in `zone` shows at `instant`. */
export function wallClock(instant: Date, zone: string): WallClock {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    partsFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday),
  };
}

/** Minutes `zone` is ahead of UTC at `instant` (Berlin in summer: 120). */
export function offsetMinutes(instant: Date, zone: string): number {
  const c = wallClock(instant, zone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function isoDate(c: { year: number; month: number; day: number }): string {
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

interface RelativeDue {
  text: string;
  overdue: boolean;
}

/**
 * A due date as a person reads it, from where they are: "today 09:00", "tomorrow", "Fri 14:30", "24 Dec",
 * "2 days overdue". A timed task is shown at its instant on the user's clock (a 09:00 New York task is 15:00 in
 * Berlin); an all-day task is its calendar day wherever the user is, overdue once that day has ended in its zone.
 */
export function relativeDue(due: DueDate, dueAt: string | null, now: Date, zone: string): RelativeDue {
  const deadline = dueAt ? new Date(dueAt) : null;
  const overdue = deadline !== null && now.getTime() >= deadline.getTime();
  const today = wallClock(now, zone);
  const timed = due.time !== null && deadline !== null;
  const target = timed ? wallClock(deadline, zone) : { ...parseDate(due.date), hour: 0, minute: 0 };
  const days = dayNumber(target.year, target.month, target.day) - dayNumber(today.year, today.month, today.day);
  const time = timed ? `${pad(target.hour)}:${pad(target.minute)}` : '';
  if (overdue) {
    if (days >= 0) return { text: `overdue since ${time}`.trim(), overdue };
    const late = -days;
    return { text: `${late} day${late === 1 ? '' : 's'} overdue`, overdue };
  }
  const withTime = (day: string) => (time ? `${day} ${time}` : day);
  if (days === 0) return { text: withTime('today'), overdue };
  if (days === 1) return { text: withTime('tomorrow'), overdue };
  const weekday = new Date(Date.UTC(target.year, target.month - 1, target.day)).getUTCDay();
  if (days > 1 && days < 7) return { text: withTime(WEEKDAYS[weekday]), overdue };
  const year = target.year === today.year ? '' : ` ${target.year}`;
  return { text: withTime(`${target.day} ${MONTHS[target.month - 1]}${year}`), overdue };
}

/** An absolute moment for tooltips and previews: "Fri 24 Dec 2026, 18:00". */
export function formatInstant(instant: string | Date, zone: string): string {
  const c = wallClock(typeof instant === 'string' ? new Date(instant) : instant, zone);
  return `${WEEKDAYS[c.weekday]} ${c.day} ${MONTHS[c.month - 1]} ${c.year}, ${pad(c.hour)}:${pad(c.minute)}`;
}

/** A due date as the user gave it: "Fri 24 Dec 2026, 18:00 (Europe/Berlin)". */
export function formatDue(due: DueDate): string {
  const { year, month, day } = parseDate(due.date);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const time = due.time ? `, ${due.time.slice(0, 5)}` : ', all day';
  return `${weekday} ${day} ${MONTHS[month - 1]} ${year}${time} (${due.timeZone})`;
}
