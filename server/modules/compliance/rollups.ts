/** Summary and roll-ups of a compliance report: pure arithmetic over its branch rows. */
import type { ComplianceReport, ComplianceRollup, ComplianceRow } from '../../../contracts/meetings';

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** Counts and rates of a set of branch rows. */
export function tally(rows: readonly ComplianceRow[]) {
  const t = { branches: rows.length, met: 0, missed: 0, pending: 0, required: 0, held: 0 };
  let invited = 0;
  let attended = 0;
  let awayInvited = 0;
  let awayAttended = 0;
  for (const r of rows) {
    t[r.status]++;
    t.required += r.required;
    t.held += r.held;
    invited += r.invited;
    attended += r.attended;
    awayInvited += r.awayInvited;
    awayAttended += r.awayAttended;
  }
  return {
    ...t,
    rate: rows.length ? t.met / rows.length : 0,
    attendanceRate: ratio(attended, invited),
    awayAttendanceRate: ratio(awayAttended, awayInvited),
  };
}

export function summaryOf(rows: readonly ComplianceRow[]): ComplianceReport['summary'] {
  const { branches, met, missed, pending, rate, attendanceRate, awayAttendanceRate } = tally(rows);
  return { branches, met, missed, pending, rate, attendanceRate, awayAttendanceRate };
}

interface Group {
  key: string;
  unitId: number | null;
  name: string;
  organizationCode: string | null;
}

/** The rows grouped by `groupOf`, lowest compliance rate first (then by name). */
export function rollup(
  rows: readonly ComplianceRow[],
  groupOf: (r: ComplianceRow) => Group,
): ComplianceRollup[] {
  const groups = new Map<string, { group: Group; rows: ComplianceRow[] }>();
  for (const r of rows) {
    const g = groupOf(r);
    const entry = groups.get(g.key) ?? { group: g, rows: [] };
    entry.rows.push(r);
    groups.set(g.key, entry);
  }
  return [...groups.values()]
    .map(({ group, rows: members }) => ({ ...group, ...tally(members) }))
    .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name, 'vi'));
}

/** Roll-ups per grassroots unit (the branches' parent, commune level) and per organization. */
export function rollupsOf(rows: readonly ComplianceRow[], orgNames: ReadonlyMap<string, string>) {
  return {
    communes: rollup(rows, (r) => ({
      key: String(r.parentId ?? 0),
      unitId: r.parentId,
      name: r.parentName ?? 'Đơn vị cấp trên',
      organizationCode: r.organizationCode,
    })),
    organizations: rollup(rows, (r) => ({
      key: r.organizationCode,
      unitId: null,
      name: orgNames.get(r.organizationCode) ?? r.organizationCode,
      organizationCode: r.organizationCode,
    })),
  };
}
