import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  parsePeriodKey,
  periodOf,
  periodsWithin,
  type RhythmRule,
  rhythmAt,
  unitPeriodOf,
  unitPeriodsDue,
} from './periods';

const rule = (
  months: number,
  effectiveFrom: string,
  effectiveTo: string | null = null,
  unitKind: string | null = null,
  unitId: number | null = null,
): RhythmRule => ({
  kind: 'meeting_rhythm',
  unitKind,
  unitId,
  effectiveFrom,
  effectiveTo,
  value: { months },
});
const school = { id: 7, kind: 'school' };

describe('calendar periods', () => {
  it('months', () => {
    expect(periodOf('2026-11-27', 1)).toEqual({
      key: '2026-11',
      start: '2026-11-01',
      end: '2026-11-30',
      label: 'Tháng 11/2026',
      months: 1,
    });
    expect(periodOf('2028-02-10', 1).end).toBe('2028-02-29');
    expect(periodOf('2026-02-10', 1).end).toBe('2026-02-28');
  });

  it('two-month blocks, quarters, half-years and years', () => {
    expect(periodOf('2026-12-31', 2)).toMatchObject({ key: '2026-B6', label: 'Tháng 11–12/2026' });
    expect(periodOf('2026-10-01', 3)).toMatchObject({
      key: '2026-Q4',
      start: '2026-10-01',
      end: '2026-12-31',
      label: 'Quý IV/2026',
    });
    expect(periodOf('2026-03-31', 3)).toMatchObject({ key: '2026-Q1', end: '2026-03-31' });
    expect(periodOf('2026-06-30', 6)).toMatchObject({ key: '2026-H1', label: '6 tháng đầu năm 2026' });
    expect(periodOf('2026-07-01', 6)).toMatchObject({ key: '2026-H2', label: '6 tháng cuối năm 2026' });
    expect(periodOf('2026-05-05', 12)).toMatchObject({
      key: '2026',
      start: '2026-01-01',
      end: '2026-12-31',
      label: 'Năm 2026',
    });
  });

  it('parses every key it makes and refuses malformed ones', () => {
    for (const m of [1, 2, 3, 6, 12] as const) {
      for (const day of ['2026-01-01', '2026-06-30', '2026-12-31']) {
        const p = periodOf(day, m);
        expect(parsePeriodKey(p.key)).toEqual(p);
      }
    }
    for (const bad of ['2026-13', '2026-Q5', '2026-H3', '2026-B7', '2026-Q0', 'abc', '26-Q1', '2026-']) {
      expect(parsePeriodKey(bad)).toBeNull();
    }
  });

  it('lists periods across a year boundary', () => {
    expect(periodsWithin('2026-11-15', '2027-02-01', 1).map((p) => p.key)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(periodsWithin('2026-12-31', '2027-01-01', 3).map((p) => p.key)).toEqual(['2026-Q4', '2027-Q1']);
    expect(periodsWithin('2026-01-01', '2027-12-31', 6).map((p) => p.key)).toEqual([
      '2026-H1',
      '2026-H2',
      '2027-H1',
      '2027-H2',
    ]);
  });
});

describe('unit rhythm', () => {
  const doan = [rule(1, '2022-01-01')];

  it('follows the rule in force; a unit-kind rule beats the general one', () => {
    const rules = [...doan, rule(3, '2022-01-01', null, 'school')];
    expect(rhythmAt(rules, '2026-05-01')).toBe(1);
    expect(rhythmAt(rules, '2026-05-01', { id: 1, kind: 'residential' })).toBe(1);
    expect(rhythmAt(rules, '2026-05-01', school)).toBe(3);
    expect(unitPeriodsDue(rules, '2026-10-01', '2026-12-31', school).map((p) => p.key)).toEqual(['2026-Q4']);
    expect(unitPeriodsDue(rules, '2026-10-01', '2026-12-31').map((p) => p.key)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });

  it('counts a six-monthly period in the quarter where it ends', () => {
    const nct = [rule(6, '2022-01-01')];
    expect(unitPeriodsDue(nct, '2026-07-01', '2026-09-30')).toEqual([]);
    expect(unitPeriodsDue(nct, '2026-10-01', '2026-12-31').map((p) => p.key)).toEqual(['2026-H2']);
    expect(unitPeriodsDue(nct, '2026-01-01', '2026-12-31').map((p) => p.key)).toEqual(['2026-H1', '2026-H2']);
  });

  it('applies a mid-year rule change from its effective date', () => {
    // Monthly until July, quarterly from 1 August: July is a month, then a cut quarter from August.
    const rules = [rule(1, '2022-01-01', '2026-08-01'), rule(3, '2026-08-01')];
    const due = unitPeriodsDue(rules, '2026-06-01', '2026-12-31');
    expect(due.map((p) => [p.key, p.start, p.end])).toEqual([
      ['2026-06', '2026-06-01', '2026-06-30'],
      ['2026-07', '2026-07-01', '2026-07-31'],
      ['2026-Q3', '2026-08-01', '2026-09-30'],
      ['2026-Q4', '2026-10-01', '2026-12-31'],
    ]);
    expect(unitPeriodOf(rules, '2026-08-20').key).toBe('2026-Q3');
    expect(unitPeriodOf(rules, '2026-07-20').key).toBe('2026-07');
  });

  it('cuts a period short when a faster rhythm starts inside it', () => {
    const rules = [rule(3, '2022-01-01', '2026-08-01'), rule(1, '2026-08-01')];
    expect(unitPeriodOf(rules, '2026-07-10')).toMatchObject({
      key: '2026-Q3',
      start: '2026-07-01',
      end: '2026-07-31',
    });
    expect(unitPeriodsDue(rules, '2026-07-01', '2026-09-30').map((p) => p.key)).toEqual([
      '2026-Q3',
      '2026-08',
      '2026-09',
    ]);
  });

  it('ignores a re-issued rule with the same rhythm', () => {
    const rules = [rule(3, '2022-01-01', '2026-08-15'), rule(3, '2026-08-15')];
    expect(unitPeriodOf(rules, '2026-09-01')).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
  });

  it('falls back to quarterly without any rule', () => {
    expect(unitPeriodOf([], '2026-11-05').key).toBe('2026-Q4');
  });
});

describe('a special unit with its own rhythm', () => {
  // The organization meets quarterly, school branches every two months, unit 7 (a school) monthly in 2026.
  const rules = [
    rule(3, '2022-01-01'),
    rule(2, '2022-01-01', null, 'school'),
    rule(1, '2026-01-01', '2027-01-01', null, 7),
  ];
  const otherSchool = { id: 8, kind: 'school' };
  const residential = { id: 9, kind: 'residential' };

  it('beats the unit-kind rule, which beats the general rule', () => {
    expect(rhythmAt(rules, '2026-05-01', school)).toBe(1);
    expect(rhythmAt(rules, '2026-05-01', otherSchool)).toBe(2);
    expect(rhythmAt(rules, '2026-05-01', residential)).toBe(3);
    expect(rhythmAt(rules, '2026-05-01')).toBe(3);
    // A unit rule never leaks to a unit with the same id-less lookup or to another unit.
    expect(rhythmAt(rules, '2026-05-01', { kind: 'school' })).toBe(2);
    expect(rhythmAt(rules, '2026-05-01', { id: 7 })).toBe(1);
  });

  it('owes three meetings in a quarter while the organization owes one', () => {
    expect(unitPeriodsDue(rules, '2026-10-01', '2026-12-31', school).map((p) => p.key)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(unitPeriodsDue(rules, '2026-10-01', '2026-12-31', residential).map((p) => p.key)).toEqual([
      '2026-Q4',
    ]);
  });

  it('falls back to the unit-kind rule when its own rule ends, and before it starts', () => {
    expect(rhythmAt(rules, '2025-12-31', school)).toBe(2);
    expect(rhythmAt(rules, '2027-01-01', school)).toBe(2);
    expect(unitPeriodsDue(rules, '2025-11-01', '2026-02-28', school).map((p) => p.key)).toEqual([
      '2025-B6',
      '2026-01',
      '2026-02',
    ]);
  });

  it('cuts the kind period where the unit rule starts mid-period', () => {
    const mid = [rule(3, '2022-01-01'), rule(1, '2026-08-15', null, null, 7)];
    expect(unitPeriodOf(mid, '2026-07-20', school)).toMatchObject({
      key: '2026-Q3',
      start: '2026-07-01',
      end: '2026-08-14',
    });
    expect(unitPeriodOf(mid, '2026-08-20', school)).toMatchObject({
      key: '2026-08',
      start: '2026-08-15',
      end: '2026-08-31',
    });
    // Another unit is not cut by unit 7's rule.
    expect(unitPeriodOf(mid, '2026-07-20', residential)).toMatchObject({
      start: '2026-07-01',
      end: '2026-09-30',
    });
  });
});

describe('period arithmetic properties', () => {
  /** A small deterministic generator (no Math.random in tests). */
  function rng(seed: number) {
    let x = seed;
    return (n: number) => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x % n;
    };
  }
  const MONTHS = [1, 2, 3, 6, 12];
  const randomDay = (next: (n: number) => number) => addDays('2025-01-01', next(365 * 3));
  const randomRules = (next: (n: number) => number): RhythmRule[] => {
    const out: RhythmRule[] = [];
    for (const target of [
      { unitKind: null, unitId: null },
      { unitKind: 'school', unitId: null },
      { unitKind: null, unitId: 7 },
    ]) {
      // A chain of consecutive versions starting at random days.
      let from = randomDay(next);
      for (let v = next(3); v >= 0; v--) {
        const to = v === 0 && next(2) === 0 ? null : addDays(from, 1 + next(400));
        out.push({ ...rule(MONTHS[next(5)] as number, from, to), ...target });
        if (!to) break;
        from = to;
      }
    }
    return out;
  };

  it('tiles time with contiguous periods, each inside one calendar period and ruled by its start', () => {
    const next = rng(42);
    for (let run = 0; run < 200; run++) {
      const rules = randomRules(next);
      const unit = next(2) === 0 ? school : { id: 3, kind: 'residential' };
      const start = '2025-01-01';
      const end = '2027-12-31';
      const due = unitPeriodsDue(rules, start, end, unit);
      let expectStart = unitPeriodOf(rules, start, unit).start;
      for (const p of due) {
        expect(p.start).toBe(expectStart);
        expect(p.start <= p.end).toBe(true);
        const months = rhythmAt(rules, p.start, unit);
        expect(p.months).toBe(months);
        const cal = periodOf(p.start, months);
        expect(p.key).toBe(cal.key);
        expect(p.start >= cal.start && p.end <= cal.end).toBe(true);
        expect(unitPeriodOf(rules, p.end, unit)).toEqual(p);
        expectStart = addDays(p.end);
      }
      expect(due.at(-1)?.end ?? end).toBe(end);
    }
  });

  it('places every day in the period that contains it, governed by the rule of that day', () => {
    const next = rng(7);
    for (let run = 0; run < 300; run++) {
      const rules = randomRules(next);
      const day = randomDay(next);
      const p = unitPeriodOf(rules, day, school);
      expect(p.start <= day && day <= p.end).toBe(true);
      expect(p.months).toBe(rhythmAt(rules, day, school));
    }
  });

  it('adds months, clamped to the end of the month', () => {
    expect(addMonths('2026-11-10', -3)).toBe('2026-08-10');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-05-05', 0)).toBe('2026-05-05');
  });
});
