import { describe, expect, it } from 'vitest';
import {
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
): RhythmRule => ({ kind: 'meeting_rhythm', unitKind, effectiveFrom, effectiveTo, value: { months } });

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
    expect(rhythmAt(rules, '2026-05-01', 'residential')).toBe(1);
    expect(rhythmAt(rules, '2026-05-01', 'school')).toBe(3);
    expect(unitPeriodsDue(rules, '2026-10-01', '2026-12-31', 'school').map((p) => p.key)).toEqual([
      '2026-Q4',
    ]);
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
