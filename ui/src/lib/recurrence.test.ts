import { describe, expect, it } from 'vitest';
import { describeRule, fromRule, toRule } from './recurrence';

describe('rule builder', () => {
  it('writes the RRULE the server reads', () => {
    expect(toRule({ freq: 'WEEKLY', interval: 2, byDay: ['TH', 'MO'], end: { kind: 'count', count: 5 } }))
      .toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5');
    expect(toRule({ freq: 'MONTHLY', interval: 1, byDay: [], end: { kind: 'until', date: '2027-06-30' } }))
      .toBe('FREQ=MONTHLY;UNTIL=20270630');
  });

  it('reads back what it wrote, and refuses what it cannot edit', () => {
    const rule = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5';
    expect(toRule(fromRule(rule)!)).toBe(rule);
    expect(fromRule('FREQ=MONTHLY;BYDAY=-1FR')).toBeNull();
    expect(fromRule('FREQ=MONTHLY;BYMONTHDAY=-1')).toBeNull();
  });

  it('says a rule in words', () => {
    expect(describeRule('FREQ=DAILY')).toBe('Every day');
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('Every weekday');
    expect(describeRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5')).toBe('Every 2 weeks on Mon, Thu, 5 times');
    expect(describeRule('FREQ=MONTHLY;BYDAY=-1FR')).toBe('FREQ=MONTHLY;BYDAY=-1FR');
  });
});
