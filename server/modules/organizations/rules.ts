import { vietnamDay } from '../../lib/vn-time';

/** The part of an organization rule that decides when and where it applies. */
export interface RulePeriod {
  kind: string;
  /** narrows the rule to one kind of unit (e.g. school branches); null = every kind */
  unitKind: string | null;
  /** narrows the rule to one special unit; null/absent = not unit-specific */
  unitId?: number | null;
  /** 'yyyy-mm-dd', first day in force */
  effectiveFrom: string;
  /** 'yyyy-mm-dd', first day no longer in force; null = open-ended */
  effectiveTo: string | null;
}

/** The unit a rule is looked up for: its id (for a special unit's own rule) and its kind. */
export interface UnitRef {
  id?: number | null;
  kind?: string | null;
}

/** A calendar day 'yyyy-mm-dd' in Vietnam time (kept here too for the modules that import it from the rules). */
export { vietnamDay };

const inForce = (r: RulePeriod, day: string) =>
  r.effectiveFrom <= day && (r.effectiveTo === null || day < r.effectiveTo);

/**
 * How closely a rule targets the unit: 2 = the unit itself, 1 = its unit kind, 0 = general,
 * -1 = another unit or another kind (does not apply).
 */
export function ruleTarget(r: RulePeriod, unit?: UnitRef | null): number {
  if (r.unitId != null) return unit?.id != null && r.unitId === unit.id ? 2 : -1;
  if (r.unitKind !== null) return unit?.kind && r.unitKind === unit.kind ? 1 : -1;
  return 0;
}

/**
 * The rule of `kind` in force on `date` for a unit: a rule for the unit itself beats one for its unit kind,
 * which beats a general one; each is effective-dated. Without a unit only general rules apply.
 * Overlapping versions at the same level (bad data) resolve to the latest start.
 */
export function ruleAt<R extends RulePeriod>(
  rules: readonly R[],
  kind: string,
  date: string | Date,
  unit?: UnitRef | null,
): R | undefined {
  const day = typeof date === 'string' ? date : vietnamDay(date);
  let best: R | undefined;
  let bestLevel = -1;
  for (const r of rules) {
    if (r.kind !== kind || !inForce(r, day)) continue;
    const level = ruleTarget(r, unit);
    if (level < 0) continue;
    if (level > bestLevel || (level === bestLevel && best && r.effectiveFrom > best.effectiveFrom)) {
      best = r;
      bestLevel = level;
    }
  }
  return best;
}
