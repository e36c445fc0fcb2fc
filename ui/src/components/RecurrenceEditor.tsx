import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { ApiError } from '../api/client';
import { seriesApi } from '../api/queries';
import type { RecurrenceMode } from '../api/types';
import { formatInstant } from '../lib/dates';
import { PRESETS, WEEKDAY_CODES, describeRule, fromRule, toRule, type RuleDraft } from '../lib/recurrence';

export interface RecurrenceValue {
  rule: string; // '' = does not repeat
  mode: RecurrenceMode;
}

const CUSTOM = 'custom';
const DEFAULT_DRAFT: RuleDraft = { freq: 'WEEKLY', interval: 1, byDay: [], end: { kind: 'never' } };

/**
 * Presets, a rule builder, or a raw RRULE; below, the next occurrences as the server computes them
 * (/api/recurrence/preview), so what the user sees is what the series will do.
 */
export function RecurrenceEditor({ value, onChange, start, zone, allowNone = true }: {
  value: RecurrenceValue;
  onChange: (value: RecurrenceValue) => void;
  start: string | null; // local date-time the series starts at
  zone: string;
  allowNone?: boolean;
}) {
  const preset = value.rule === '' ? '' : PRESETS.find((p) => p.rule === value.rule)?.rule ?? CUSTOM;
  const draft = fromRule(value.rule) ?? DEFAULT_DRAFT;
  const setDraft = (change: Partial<RuleDraft>) => onChange({ ...value, rule: toRule({ ...draft, ...change }) });

  return (
    <fieldset className="recurrence">
      <legend>Repeat</legend>
      <label>
        Repeats
        <select value={preset} onChange={(e) => onChange({ ...value, rule: e.target.value === CUSTOM ? toRule(draft) : e.target.value })}>
          {allowNone && <option value="">Does not repeat</option>}
          {PRESETS.map((p) => <option key={p.rule} value={p.rule}>{p.label}</option>)}
          <option value={CUSTOM}>Custom…</option>
        </select>
      </label>
      {preset === CUSTOM && (
        <div className="rule-builder">
          <label className="inline">
            Every
            <input type="number" min={1} max={1000} value={draft.interval} className="narrow"
              onChange={(e) => setDraft({ interval: Math.max(1, Number(e.target.value) || 1) })} />
          </label>
          <label className="inline">
            <span className="sr-only">Unit</span>
            <select value={draft.freq} onChange={(e) => setDraft({ freq: e.target.value as RuleDraft['freq'], byDay: [] })}>
              <option value="DAILY">day(s)</option>
              <option value="WEEKLY">week(s)</option>
              <option value="MONTHLY">month(s)</option>
              <option value="YEARLY">year(s)</option>
            </select>
          </label>
          {draft.freq === 'WEEKLY' && (
            <fieldset className="days">
              <legend>On</legend>
              {WEEKDAY_CODES.map((day) => (
                <label key={day} className="inline">
                  <input type="checkbox" checked={draft.byDay.includes(day)}
                    onChange={() => setDraft({ byDay: draft.byDay.includes(day) ? draft.byDay.filter((d) => d !== day) : [...draft.byDay, day] })} />
                  {day[0] + day[1].toLowerCase()}
                </label>
              ))}
            </fieldset>
          )}
          <label className="inline">
            Ends
            <select value={draft.end.kind} onChange={(e) => {
              const kind = e.target.value;
              setDraft({ end: kind === 'count' ? { kind, count: 10 } : kind === 'until' ? { kind, date: start?.slice(0, 10) ?? '' } : { kind: 'never' } });
            }}>
              <option value="never">never</option>
              <option value="count">after a number of times</option>
              <option value="until">on a date</option>
            </select>
          </label>
          {draft.end.kind === 'count' && (
            <label className="inline">
              Times
              <input type="number" min={1} className="narrow" value={draft.end.count}
                onChange={(e) => setDraft({ end: { kind: 'count', count: Math.max(1, Number(e.target.value) || 1) } })} />
            </label>
          )}
          {draft.end.kind === 'until' && (
            <label className="inline">
              Last date
              <input type="date" value={draft.end.date} onChange={(e) => setDraft({ end: { kind: 'until', date: e.target.value } })} />
            </label>
          )}
          <label>
            Rule (RFC 5545)
            <input value={value.rule} onChange={(e) => onChange({ ...value, rule: e.target.value.toUpperCase() })} spellCheck={false} />
          </label>
        </div>
      )}
      {value.rule && (
        <>
          <label>
            Next one is due
            <select value={value.mode} onChange={(e) => onChange({ ...value, mode: e.target.value as RecurrenceMode })}>
              <option value="FIXED">on schedule</option>
              <option value="AFTER_COMPLETION">counted from when I finish the last one</option>
            </select>
          </label>
          <Preview rule={value.rule} start={start} zone={zone} />
        </>
      )}
    </fieldset>
  );
}

function Preview({ rule, start, zone }: { rule: string; start: string | null; zone: string }) {
  const deferred = useDeferredValue(rule);
  const preview = useQuery({
    queryKey: ['preview', deferred, start, zone],
    queryFn: () => seriesApi.preview(deferred, start!, zone),
    enabled: start !== null && deferred !== '',
    retry: false,
  });
  if (start === null) return <p className="hint">Give a due date: the series starts there.</p>;
  return (
    <div className="preview" aria-live="polite">
      <p><strong>{describeRule(rule)}</strong> — next times:</p>
      {preview.isError && (
        <p className="error" role="alert">{preview.error instanceof ApiError ? preview.error.message : 'Cannot preview this rule.'}</p>
      )}
      {preview.data && (
        <ol>
          {preview.data.occurrences.map((at) => <li key={at}>{formatInstant(at, zone)}</li>)}
        </ol>
      )}
    </div>
  );
}
