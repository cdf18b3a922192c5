/** The part of an organization rule that decides when and where it applies. */
export interface RulePeriod {
  kind: string;
  unitKind: string | null;
  /** 'yyyy-mm-dd', first day in force */
  effectiveFrom: string;
  /** 'yyyy-mm-dd', first day no longer in force; null = open-ended */
  effectiveTo: string | null;
}

/** A calendar day 'yyyy-mm-dd' in Vietnam time. */
export function vietnamDay(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
}

const inForce = (r: RulePeriod, day: string) =>
  r.effectiveFrom <= day && (r.effectiveTo === null || day < r.effectiveTo);

/**
 * The rule of `kind` in force on `date`. A rule for the given unit kind beats a general one (unitKind null);
 * without a unit kind only general rules apply. Overlapping versions (bad data) resolve to the latest start.
 */
export function ruleAt<R extends RulePeriod>(
  rules: readonly R[],
  kind: string,
  date: string | Date,
  unitKind?: string | null,
): R | undefined {
  const day = typeof date === 'string' ? date : vietnamDay(date);
  let specific: R | undefined;
  let general: R | undefined;
  for (const r of rules) {
    if (r.kind !== kind || !inForce(r, day)) continue;
    if (r.unitKind === null) {
      if (!general || r.effectiveFrom > general.effectiveFrom) general = r;
    } else if (unitKind && r.unitKind === unitKind) {
      if (!specific || r.effectiveFrom > specific.effectiveFrom) specific = r;
    }
  }
  return specific ?? general;
}
