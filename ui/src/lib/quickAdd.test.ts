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
      rule: null,
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
      title: 'Water the plants', tags: [], priority: null, due: null, dueText: null, rule: null,
    });
  });

  it('reads "every …" as a repeat, starting today on the user\'s calendar when no date is said', () => {
    const parsed = parseQuickAdd('Water plants every monday #home', NOW, 'Pacific/Auckland');
    expect(parsed).toMatchObject({ title: 'Water plants', tags: ['home'], rule: 'FREQ=WEEKLY;BYDAY=MO', dueText: null });
    // 10:00 UTC on Thursday is already 23:00 on Thursday in Auckland.
    expect(parsed.due).toEqual({ date: '2026-11-26', time: null, timeZone: 'Pacific/Auckland' });
  });

  it('reads periods, intervals, weekdays and lists of days', () => {
    const rule = (line: string) => parseQuickAdd(line, NOW, 'UTC').rule;
    expect(rule('Stand-up every weekday')).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(rule('Pills every day')).toBe('FREQ=DAILY');
    expect(rule('Rent every month')).toBe('FREQ=MONTHLY');
    expect(rule('Backup every 2 weeks')).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(rule('Bins every other week')).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(rule('Review every 3 years')).toBe('FREQ=YEARLY;INTERVAL=3');
    expect(rule('Gym every Thu, mon and Saturdays')).toBe('FREQ=WEEKLY;BYDAY=MO,TH,SA');
    expect(rule('Weekly report')).toBeNull();
    expect(rule('Everyday things')).toBeNull();
    expect(rule('Ask everyone')).toBeNull();
  });

  it('takes a date and time said beside the repeat as its start', () => {
    const parsed = parseQuickAdd('Stand-up every weekday at 9:15 #work', NOW, 'Europe/Berlin');
    expect(parsed).toMatchObject({ title: 'Stand-up', rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dueText: 'at 9:15' });
    expect(parsed.due).toEqual({ date: '2026-11-27', time: '09:15', timeZone: 'Europe/Berlin' });
  });
});
