import { describe, expect, it } from 'vitest';
import { formatDue, relativeDue } from './dates';

const NOW = new Date('2026-11-26T10:00:00Z'); // Thursday

describe('relative due dates', () => {
  it('shows a timed task on the user\'s own clock', () => {
    const due = { date: '2026-11-27', time: '09:00', timeZone: 'America/New_York' };
    const dueAt = '2026-11-27T14:00:00Z';
    expect(relativeDue(due, dueAt, NOW, 'America/New_York').text).toBe('tomorrow 09:00');
    expect(relativeDue(due, dueAt, NOW, 'Europe/Berlin').text).toBe('tomorrow 15:00');
    // In Auckland (+13:00) it is Thursday 23:00, and 14:00 UTC on Friday is 03:00 on Saturday there.
    expect(relativeDue(due, dueAt, NOW, 'Pacific/Auckland').text).toBe('Sat 03:00');
  });

  it('counts the days a task is overdue', () => {
    const due = { date: '2026-11-24', time: '09:00', timeZone: 'Europe/Berlin' };
    expect(relativeDue(due, '2026-11-24T08:00:00Z', NOW, 'Europe/Berlin')).toEqual({ text: '2 days overdue', overdue: true });
    const earlierToday = { date: '2026-11-26', time: '08:00', timeZone: 'Europe/Berlin' };
    expect(relativeDue(earlierToday, '2026-11-26T07:00:00Z', NOW, 'Europe/Berlin').text).toBe('overdue since 08:00');
  });

  it('keeps an all-day task on its calendar day, due until that day ends in its zone', () => {
    const today = { date: '2026-11-26', time: null, timeZone: 'Europe/Berlin' };
    expect(relativeDue(today, '2026-11-26T23:00:00Z', NOW, 'America/New_York')).toEqual({ text: 'today', overdue: false });
    const yesterday = { date: '2026-11-25', time: null, timeZone: 'Europe/Berlin' };
    expect(relativeDue(yesterday, '2026-11-25T23:00:00Z', NOW, 'Europe/Berlin')).toEqual({ text: '1 day overdue', overdue: true });
  });

  it('names the weekday within a week, the date beyond, the year when it differs', () => {
    const at = (date: string) => relativeDue({ date, time: null, timeZone: 'UTC' }, `${date}T23:59:59Z`, NOW, 'UTC').text;
    expect(at('2026-11-28')).toBe('Sat');
    expect(at('2026-12-24')).toBe('24 Dec');
    expect(at('2027-01-02')).toBe('2 Jan 2027');
  });

  it('crosses a DST change by the wall clock', () => {
    // 29 March 2026: Berlin moves from +01:00 to +02:00. 09:00 on the 30th is 07:00 UTC.
    const now = new Date('2026-03-28T12:00:00Z');
    const due = { date: '2026-03-30', time: '09:00', timeZone: 'Europe/Berlin' };
    expect(relativeDue(due, '2026-03-30T07:00:00Z', now, 'Europe/Berlin').text).toBe('Mon 09:00');
  });

  it('formats a due date as given', () => {
    expect(formatDue({ date: '2026-12-24', time: '18:00:00', timeZone: 'Europe/Berlin' }))
      .toBe('Thu 24 Dec 2026, 18:00 (Europe/Berlin)');
  });
});
