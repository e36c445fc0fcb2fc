import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from './quickAdd';

// Thursday 26 November 2026, 10:00 UTC: 11:00 in Berlin, 05:00 in New York, 23:00 in Auckland.
const NOW = new Date('2026-11-26T10:00:00Z');

describe('quick add', () => {
  it('reads tags, a priority and a date with a time, and leaves the title', () => {
    const parsed = parseQuickAdd('Call Ada tomorrow 9am #work !high', NOW, 'Europe/Berlin');
    expect(parsed).toEqual({
      title: 'Call Ada',
      tags: ['work'],
      priority: 'HIGH',
      due: { date: '2026-11-27', time: '09:00', timeZone: 'Europe/Berlin' },
      dueText: 'tomorrow 9am',
    });
  });

  it('reads numbered priorities, 1 being the highest', () => {
    expect(parseQuickAdd('a !1', NOW, 'UTC').priority).toBe('HIGH');
    expect(parseQuickAdd('a !2', NOW, 'UTC').priority).toBe('MEDIUM');
    expect(parseQuickAdd('a !3', NOW, 'UTC').priority).toBe('LOW');
    expect(parseQuickAdd('a !low', NOW, 'UTC').priority).toBe('LOW');
  });

  it('leaves an exclamation inside a word alone', () => {
    expect(parseQuickAdd('Yes!1 more', NOW, 'UTC')).toMatchObject({ title: 'Yes!1 more', priority: null });
  });

  it('takes a weekday as the next one to come, all day when no time is said', () => {
    const parsed = parseQuickAdd('Pay rent next fri #home #Home', NOW, 'Europe/Berlin');
    expect(parsed.title).toBe('Pay rent');
    expect(parsed.tags).toEqual(['home']);
    expect(parsed.due).toEqual({ date: '2026-12-04', time: null, timeZone: 'Europe/Berlin' });
  });

  it('understands "tomorrow" on the user\'s own calendar', () => {
    // At 12:00 UTC it is already Friday 01:00 in Auckland and still Thursday 07:00 in New York.
    const noon = new Date('2026-11-26T12:00:00Z');
    expect(parseQuickAdd('x tomorrow', noon, 'Pacific/Auckland').due?.date).toBe('2026-11-28');
    expect(parseQuickAdd('x tomorrow', noon, 'America/New_York').due?.date).toBe('2026-11-27');
  });

  it('reads "today at 17:30" as a time today', () => {
    expect(parseQuickAdd('Gym today at 17:30', NOW, 'Europe/Berlin').due).toEqual({
      date: '2026-11-26', time: '17:30', timeZone: 'Europe/Berlin',
    });
  });

  it('keeps a line without markers as the title', () => {
    expect(parseQuickAdd('  Water   the plants ', NOW, 'UTC')).toEqual({
      title: 'Water the plants', tags: [], priority: null, due: null, dueText: null,
    });
  });
});
