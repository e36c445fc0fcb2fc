/** A recurrence as the rule builder edits it; `toRule` turns it into the RFC 5545 RRULE the server reads. */
export interface RuleDraft {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  byDay: string[]; // MO..SU, weekly rules only
  end: { kind: 'never' } | { kind: 'count'; count: number } | { kind: 'until'; date: string };
}

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const UNITS: Record<RuleDraft['freq'], string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };

export const PRESETS: { label: string; rule: string }[] = [
  { label: 'Every day', rule: 'FREQ=DAILY' },
  { label: 'Every weekday', rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' },
  { label: 'Every week', rule: 'FREQ=WEEKLY' },
  { label: 'Every month', rule: 'FREQ=MONTHLY' },
  { label: 'Every year', rule: 'FREQ=YEARLY' },
];

export function toRule(draft: RuleDraft): string {
  const parts = [`FREQ=${draft.freq}`];
  if (draft.interval > 1) parts.push(`INTERVAL=${draft.interval}`);
  if (draft.freq === 'WEEKLY' && draft.byDay.length > 0) {
    parts.push(`BYDAY=${WEEKDAY_CODES.filter((d) => draft.byDay.includes(d)).join(',')}`);
  }
  if (draft.end.kind === 'count') parts.push(`COUNT=${draft.end.count}`);
  if (draft.end.kind === 'until') parts.push(`UNTIL=${draft.end.date.replaceAll('-', '')}`);
  return parts.join(';');
}

function fields(rule: string): Map<string, string> {
  return new Map(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((part) => {
        const [key, value = ''] = part.split('=');
        return [key.toUpperCase(), value.toUpperCase()] as [string, string];
      }),
  );
}

/** Reads a rule back into the builder; null when it uses parts the builder does not offer (BYMONTHDAY, BYSETPOS…). */
export function fromRule(rule: string): RuleDraft | null {
  const f = fields(rule);
  const freq = f.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY') return null;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL']);
  if ([...f.keys()].some((k) => !known.has(k))) return null;
  const byDay = f.get('BYDAY')?.split(',') ?? [];
  if (byDay.some((d) => !WEEKDAY_CODES.includes(d as (typeof WEEKDAY_CODES)[number])) || (byDay.length && freq !== 'WEEKLY')) return null;
  const until = f.get('UNTIL');
  const end: RuleDraft['end'] = f.has('COUNT')
    ? { kind: 'count', count: Number(f.get('COUNT')) }
    : until
      ? { kind: 'until', date: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` }
      : { kind: 'never' };
  return { freq, interval: Number(f.get('INTERVAL') ?? 1), byDay, end };
}

/** A rule in words: "Every 2 weeks on Mon, Thu, 5 times". Rules the builder cannot read are shown as they are. */
export function describeRule(rule: string): string {
  const preset = PRESETS.find((p) => p.rule === rule.toUpperCase());
  if (preset) return preset.label;
  const draft = fromRule(rule);
  if (!draft) return rule;
  const unit = UNITS[draft.freq];
  let text = draft.interval > 1 ? `Every ${draft.interval} ${unit}s` : `Every ${unit}`;
  if (draft.byDay.length) text += ` on ${draft.byDay.map((d) => DAY_NAMES[d]).join(', ')}`;
  if (draft.end.kind === 'count') text += `, ${draft.end.count} time${draft.end.count === 1 ? '' : 's'}`;
  if (draft.end.kind === 'until') text += `, until ${draft.end.date}`;
  return text;
}
