/** Reads of the compliance module: branches in scope and their per-period aggregates (never attendance rows). */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rows } from '../../db/query';

export interface BranchRow {
  unitId: number;
  unitName: string;
  kind: string;
  parentId: number | null;
  parentName: string | null;
  organizationCode: string;
  difficultArea: boolean;
}

/** One unit_period_compliance row. */
export interface PeriodRow {
  unitId: number;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  held: number;
  /** meetings of the period in any status (planned ones included) */
  meetings: number;
  invitedSum: number;
  attendedSum: number;
  awayInvitedSum: number;
  awayAttendedSum: number;
  thematic: number;
  cadreVisited: number;
  lateReported: number;
  lastHeldAt: Date | string | null;
}

/**
 * Active branches matching `where` (alias b), with their parent's name when `parentVisible` (alias p) holds.
 * Ordered by parent and name.
 */
export function findBranches(db: DbOrTx, where: SQL, parentVisible: SQL): Promise<BranchRow[]> {
  return rows<BranchRow>(
    db,
    sql`select b.id as "unitId", b.name as "unitName", b.kind, b.parent_id as "parentId",
      case when ${parentVisible} then p.name end as "parentName",
      b.organization_code as "organizationCode", b.difficult_area as "difficultArea"
    from units b left join units p on p.id = b.parent_id where ${where}
    order by p.name, b.name, b.id`,
  );
}

/** Aggregates of the branches matching `where` (alias b) for the periods matching `periods` (alias c). */
export function findPeriodRows(db: DbOrTx, where: SQL, periods: SQL): Promise<PeriodRow[]> {
  return rows<PeriodRow>(
    db,
    sql`select c.unit_id as "unitId", c.period_key as "periodKey", c.period_start::text as "periodStart",
      c.period_end::text as "periodEnd", c.held, c.meetings, c.invited_sum as "invitedSum", c.attended_sum as "attendedSum",
      c.away_invited_sum as "awayInvitedSum", c.away_attended_sum as "awayAttendedSum", c.thematic,
      c.cadre_visited as "cadreVisited", c.late_reported as "lateReported", c.last_held_at as "lastHeldAt"
    from unit_period_compliance c join units b on b.id = c.unit_id
    where ${periods} and ${where}`,
  );
}

/** The latest held meeting per branch among periods starting by `until`. */
export function findLastHeld(db: DbOrTx, where: SQL, until: string) {
  return rows<{ unitId: number; at: Date | string }>(
    db,
    sql`select c.unit_id as "unitId", max(c.last_held_at) as at
    from unit_period_compliance c join units b on b.id = c.unit_id
    where c.period_start <= ${until}::date and c.last_held_at is not null and ${where}
    group by c.unit_id`,
  );
}

export function organizationNames(db: DbOrTx) {
  return rows<{ code: string; name: string }>(
    db,
    sql`select code, short_name_vi as name from organizations order by sort_order, code`,
  );
}

export interface AttendanceCell {
  meetingId: number;
  personId: number;
  fullName: string;
  awayFromHome: boolean;
  status: string;
}

/** Held meetings of one unit (not its subtree) whose period starts in a year, oldest first. */
export function heldMeetingsOfUnit(db: DbOrTx, unitId: number, year: number) {
  return rows<{ id: number; scheduledAt: Date | string; periodKey: string; kind: string }>(
    db,
    sql`select id, scheduled_at as "scheduledAt", period_key as "periodKey", kind from meetings
    where unit_id = ${unitId} and status in ('held', 'locked')
      and period_start between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
    order by scheduled_at, id`,
  );
}

/** The attendance rows of those meetings (one branch's rows only), people in Vietnamese name order. */
export function attendanceOfUnit(db: DbOrTx, unitId: number, year: number) {
  return rows<AttendanceCell>(
    db,
    sql`select a.meeting_id as "meetingId", a.person_id as "personId",
      trim(p.family_name || ' ' || p.given_name) as "fullName", p.away_from_home as "awayFromHome", a.status
    from meetings m join meeting_attendance a on a.meeting_id = m.id join persons p on p.id = a.person_id
    where m.unit_id = ${unitId} and m.status in ('held', 'locked')
      and m.period_start between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
    order by p.sort_key collate "C", p.id, m.scheduled_at, m.id`,
  );
}
