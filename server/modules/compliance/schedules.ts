/** Due periods per branch from the rhythm rules, computed once per distinct schedule. */
import type { DbOrTx } from '../../db/client';
import { rhythmRules } from '../meetings/meetings.repo';
import {
  type Period,
  type RhythmMonths,
  type RhythmRule,
  rhythmAt,
  unitPeriodsDue,
} from '../meetings/periods';

export interface ScheduledUnit {
  unitId: number;
  kind: string;
  organizationCode: string;
}

/**
 * Loads every organization's rhythm rules once. Branches share a schedule when they have the same
 * organization and unit kind; a unit with a rule of its own (a special unit) gets its own schedule.
 */
export async function loadSchedules(db: DbOrTx) {
  const byOrg = new Map<string, RhythmRule[]>();
  const special = new Set<number>();
  for (const r of await rhythmRules(db)) {
    byOrg.set(r.org, [...(byOrg.get(r.org) ?? []), r]);
    if (r.unitId !== null) special.add(r.unitId);
  }
  const cache = new Map<string, Period[]>();
  const rulesOf = (u: ScheduledUnit) => byOrg.get(u.organizationCode) ?? [];
  const ref = (u: ScheduledUnit) => ({ id: u.unitId, kind: u.kind });
  return {
    /** Units with a rhythm rule of their own. */
    specials: [...special],
    /** The unit's periods that end inside [start, end]. */
    due(u: ScheduledUnit, start: string, end: string): Period[] {
      const key = `${u.organizationCode}|${u.kind}|${special.has(u.unitId) ? u.unitId : ''}|${start}|${end}`;
      let due = cache.get(key);
      if (!due) {
        due = unitPeriodsDue(rulesOf(u), start, end, ref(u));
        cache.set(key, due);
      }
      return due;
    },
    /** The unit's rhythm in force on a day. */
    rhythm(u: ScheduledUnit, day: string): RhythmMonths {
      return rhythmAt(rulesOf(u), day, ref(u));
    },
  };
}
export type Schedules = Awaited<ReturnType<typeof loadSchedules>>;
