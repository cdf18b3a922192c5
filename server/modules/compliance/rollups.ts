/** Summary and roll-ups of a compliance report: rates over the counts the report query tallied. */
import type { ComplianceReport, ComplianceRollup } from '../../../contracts/meetings';
import type { TallyRow } from './compliance.repo';

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** The rates of a tally: attendance is attended over invited (not an average of the branches' rates). */
function ratesOf(t: TallyRow) {
  return {
    rate: t.branches ? t.met / t.branches : 0,
    attendanceRate: ratio(t.attended, t.invited),
    awayAttendanceRate: ratio(t.awayAttended, t.awayInvited),
  };
}

export function summaryOf(t: TallyRow): ComplianceReport['summary'] {
  const { branches, met, missed, pending } = t;
  return { branches, met, missed, pending, ...ratesOf(t) };
}

interface Group {
  key: string;
  unitId: number | null;
  name: string;
  organizationCode: string | null;
}

/** Tallied groups (per commune, per organization) with their rates, lowest compliance rate first, then by name. */
export function rollupOf<T extends TallyRow>(
  tallies: readonly T[],
  groupOf: (t: T) => Group,
): ComplianceRollup[] {
  return tallies
    .map((t) => ({
      ...groupOf(t),
      branches: t.branches,
      met: t.met,
      missed: t.missed,
      pending: t.pending,
      required: t.required,
      held: t.held,
      ...ratesOf(t),
    }))
    .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name, 'vi'));
}
