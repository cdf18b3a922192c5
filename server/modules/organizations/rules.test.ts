import { describe, expect, it } from 'vitest';
import { type RulePeriod, ruleAt, vietnamDay } from './rules';

const r = (id: number, p: Partial<RulePeriod> & { effectiveFrom: string }): RulePeriod & { id: number } => ({
  id,
  kind: 'meeting_rhythm',
  unitKind: null,
  effectiveTo: null,
  ...p,
});

describe('ruleAt', () => {
  const rules = [
    r(1, { effectiveFrom: '2022-01-01', effectiveTo: '2025-07-01' }),
    r(2, { effectiveFrom: '2025-07-01' }),
    r(3, { effectiveFrom: '2023-01-01', effectiveTo: '2024-01-01', unitKind: 'school' }),
    r(4, { effectiveFrom: '2022-01-01', kind: 'eligibility' }),
  ];

  it('picks the version in force on the date', () => {
    expect(ruleAt(rules, 'meeting_rhythm', '2022-01-01')?.id).toBe(1);
    expect(ruleAt(rules, 'meeting_rhythm', '2025-06-30')?.id).toBe(1);
    expect(ruleAt(rules, 'meeting_rhythm', '2030-12-31')?.id).toBe(2);
  });

  it('treats effectiveTo as the first day no longer in force', () => {
    expect(ruleAt(rules, 'meeting_rhythm', '2025-07-01')?.id).toBe(2);
  });

  it('returns undefined before the first version or for an unknown kind', () => {
    expect(ruleAt(rules, 'meeting_rhythm', '2021-12-31')).toBeUndefined();
    expect(ruleAt(rules, 'dues', '2024-01-01')).toBeUndefined();
  });

  it('prefers a rule for the unit kind over the general one, only while it is in force', () => {
    expect(ruleAt(rules, 'meeting_rhythm', '2023-06-01', { kind: 'school' })?.id).toBe(3);
    expect(ruleAt(rules, 'meeting_rhythm', '2024-01-01', { kind: 'school' })?.id).toBe(1);
    expect(ruleAt(rules, 'meeting_rhythm', '2023-06-01', { kind: 'workplace' })?.id).toBe(1);
  });

  it('ignores unit-kind rules when no unit kind is given', () => {
    expect(ruleAt(rules, 'meeting_rhythm', '2023-06-01')?.id).toBe(1);
    expect(ruleAt(rules, 'meeting_rhythm', '2023-06-01', null)?.id).toBe(1);
  });

  it('falls back to a specific rule only for that kind; general is undefined when none applies', () => {
    const onlySchool = [r(9, { effectiveFrom: '2020-01-01', unitKind: 'school' })];
    expect(ruleAt(onlySchool, 'meeting_rhythm', '2024-01-01', { kind: 'school' })?.id).toBe(9);
    expect(ruleAt(onlySchool, 'meeting_rhythm', '2024-01-01')).toBeUndefined();
  });

  it('resolves overlapping versions to the latest start', () => {
    const overlapping = [r(1, { effectiveFrom: '2022-01-01' }), r(2, { effectiveFrom: '2024-01-01' })];
    expect(ruleAt(overlapping, 'meeting_rhythm', '2024-05-05')?.id).toBe(2);
    expect(ruleAt([...overlapping].reverse(), 'meeting_rhythm', '2024-05-05')?.id).toBe(2);
  });

  it('prefers a rule for the unit itself over its kind, only for that unit and while in force', () => {
    const withUnit = [...rules, r(5, { effectiveFrom: '2023-03-01', effectiveTo: '2023-09-01', unitId: 42 })];
    const special = { id: 42, kind: 'school' };
    expect(ruleAt(withUnit, 'meeting_rhythm', '2023-06-01', special)?.id).toBe(5);
    expect(ruleAt(withUnit, 'meeting_rhythm', '2023-02-28', special)?.id).toBe(3);
    expect(ruleAt(withUnit, 'meeting_rhythm', '2023-09-01', special)?.id).toBe(3);
    expect(ruleAt(withUnit, 'meeting_rhythm', '2024-06-01', special)?.id).toBe(1);
    expect(ruleAt(withUnit, 'meeting_rhythm', '2023-06-01', { id: 43, kind: 'school' })?.id).toBe(3);
    expect(ruleAt(withUnit, 'meeting_rhythm', '2023-06-01', { id: 42 })?.id).toBe(5);
    expect(ruleAt(withUnit, 'meeting_rhythm', '2023-06-01')?.id).toBe(1);
  });

  it('reads a Date as the calendar day in Vietnam', () => {
    // 2025-06-30 17:30 UTC is already 1 July 00:30 in Hà Tĩnh.
    const d = new Date('2025-06-30T17:30:00Z');
    expect(vietnamDay(d)).toBe('2025-07-01');
    expect(ruleAt(rules, 'meeting_rhythm', d)?.id).toBe(2);
    expect(ruleAt(rules, 'meeting_rhythm', new Date('2025-06-30T16:59:00Z'))?.id).toBe(1);
  });
});
