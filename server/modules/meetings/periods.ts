/** Meeting periods: pure calendar arithmetic over 'yyyy-mm-dd' days (no time zones involved). */
import { type RulePeriod, ruleAt, ruleTarget, type UnitRef } from '../organizations/rules';

export type RhythmMonths = 1 | 2 | 3 | 6 | 12;
export const RHYTHMS: readonly RhythmMonths[] = [1, 2, 3, 6, 12];
/** Used when an organization has no meeting_rhythm rule in force (e.g. MTTQ): quarterly. */
export const DEFAULT_RHYTHM: RhythmMonths = 3;

export interface Period {
  key: string;
  /** first day, 'yyyy-mm-dd' */
  start: string;
  /** last day (inclusive), 'yyyy-mm-dd' */
  end: string;
  label: string;
  months: RhythmMonths;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The day after (or `n` days after) a 'yyyy-mm-dd' day. */
export function addDays(day: string, n = 1): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function build(y: number, months: RhythmMonths, index: number): Period {
  const first = index * months + 1;
  const last = first + months - 1;
  const start = ymd(y, first, 1);
  const end = ymd(y, last, lastDay(y, last));
  const n = index + 1;
  switch (months) {
    case 1:
      return { key: `${y}-${pad(first)}`, start, end, months, label: `Tháng ${first}/${y}` };
    case 2:
      return { key: `${y}-B${n}`, start, end, months, label: `Tháng ${first}–${last}/${y}` };
    case 3:
      return { key: `${y}-Q${n}`, start, end, months, label: `Quý ${ROMAN[index]}/${y}` };
    case 6:
      return {
        key: `${y}-H${n}`,
        start,
        end,
        months,
        label: `6 tháng ${n === 1 ? 'đầu' : 'cuối'} năm ${y}`,
      };
    default:
      return { key: String(y), start, end, months, label: `Năm ${y}` };
  }
}

/** The same day `n` months later (earlier when negative), clamped to the month's last day. */
export function addMonths(day: string, n: number): string {
  const total = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymd(y, m, Math.min(Number(day.slice(8, 10)), lastDay(y, m)));
}

/** The calendar period of a rhythm of `months` that contains `date` ('yyyy-mm-dd'). */
export function periodOf(date: string, months: RhythmMonths): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return build(y, months, Math.floor((m - 1) / months));
}

/** The period a key names ('2026-11', '2026-B6', '2026-Q4', '2026-H2', '2026'), or null when malformed. */
export function parsePeriodKey(key: string): Period | null {
  const match = /^(\d{4})(?:-(?:(\d{2})|([BQH])(\d)))?$/.exec(key);
  if (!match) return null;
  const y = Number(match[1]);
  if (y < 1900 || y > 2999) return null;
  if (match[2]) {
    const m = Number(match[2]);
    return m >= 1 && m <= 12 ? build(y, 1, m - 1) : null;
  }
  if (!match[3]) return build(y, 12, 0);
  const months = ({ B: 2, Q: 3, H: 6 } as const)[match[3] as 'B' | 'Q' | 'H'];
  const n = Number(match[4]);
  return n >= 1 && n <= 12 / months ? build(y, months, n - 1) : null;
}

/** The periods of a rhythm that overlap [start, end], in order. */
export function periodsWithin(start: string, end: string, months: RhythmMonths): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(start, months); p.start <= end; p = periodOf(addDays(p.end), months)) out.push(p);
  return out;
}

export interface RhythmRule extends RulePeriod {
  value: unknown;
}

const monthsOf = (r: RhythmRule | undefined): RhythmMonths => {
  const m = (r?.value as { months?: number } | null)?.months;
  return RHYTHMS.includes(m as RhythmMonths) ? (m as RhythmMonths) : DEFAULT_RHYTHM;
};

/**
 * The rhythm (months) in force on a day for a unit: the unit's own rule beats its unit kind's rule, which
 * beats the general one.
 */
export function rhythmAt(rules: readonly RhythmRule[], day: string, unit?: UnitRef | null): RhythmMonths {
  return monthsOf(ruleAt(rules, 'meeting_rhythm', day, unit));
}

/**
 * The unit's own period containing `day`. Normally the calendar period of the rhythm in force that day;
 * when the rhythm changes inside that calendar period (a rule change mid-year, or a unit's own rule starting
 * or ending), the period is cut at the change, so every period is governed by the rule in force at its start
 * and periods never overlap.
 */
export function unitPeriodOf(rules: readonly RhythmRule[], day: string, unit?: UnitRef | null): Period {
  const months = rhythmAt(rules, day, unit);
  const p = periodOf(day, months);
  // Days in the calendar period where a rule for this unit starts or stops: the only places its rhythm can change.
  const cuts = new Set<string>();
  for (const r of rules) {
    if (r.kind !== 'meeting_rhythm' || ruleTarget(r, unit) < 0) continue;
    for (const c of [r.effectiveFrom, r.effectiveTo]) if (c && c > p.start && c <= p.end) cuts.add(c);
  }
  // Segments between cuts have one rhythm each; keep the run of same-rhythm segments around `day`.
  const bounds = [p.start, ...[...cuts].sort()];
  let i = bounds.length - 1;
  while (i > 0 && (bounds[i] as string) > day) i--;
  let start = bounds[i] as string;
  for (let j = i; j > 0 && rhythmAt(rules, bounds[j - 1] as string, unit) === months; j--) {
    start = bounds[j - 1] as string;
  }
  let end = p.end;
  for (let j = i + 1; j < bounds.length; j++) {
    const b = bounds[j] as string;
    if (rhythmAt(rules, b, unit) !== months) {
      end = addDays(b, -1);
      break;
    }
  }
  return { ...p, start, end };
}

/**
 * The unit's own periods that end inside [start, end] (the periods due in that window), in order.
 * A six-monthly unit owes one meeting in Q4 (H2 ends there) and none in Q3.
 */
export function unitPeriodsDue(
  rules: readonly RhythmRule[],
  start: string,
  end: string,
  unit?: UnitRef | null,
): Period[] {
  const out: Period[] = [];
  for (let p = unitPeriodOf(rules, start, unit); p.start <= end; ) {
    if (p.end <= end) out.push(p);
    p = unitPeriodOf(rules, addDays(p.end), unit);
  }
  return out;
}
