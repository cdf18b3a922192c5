import { sql } from 'drizzle-orm';
import type { CadreStatus } from '../../../contracts/cadres';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';

/** The roles whose holders count as higher-level cadres (commune / province officers). */
export const CADRE_ROLES = ['grassroots_officer', 'province_officer'] as const;

export interface MeetingCadreRow {
  id: number;
  meetingId: number;
  userId: string;
  cadreName: string;
  fromUnitId: number | null;
  fromUnitName: string | null;
  status: CadreStatus;
  note: string | null;
  assignedBy: string | null;
  assignedByName: string | null;
  recordedAt: Date | string | null;
}

const CADRE_COLUMNS = sql`mc.id, mc.meeting_id as "meetingId", mc.user_id as "userId", mc.cadre_name as "cadreName",
  mc.from_unit_id as "fromUnitId", fu.name as "fromUnitName", mc.status, mc.note, mc.assigned_by as "assignedBy",
  ab.name as "assignedByName", mc.recorded_at as "recordedAt"`;
const CADRE_FROM = sql`meeting_cadres mc left join units fu on fu.id = mc.from_unit_id
  left join "user" ab on ab.id = mc.assigned_by`;

export function listMeetingCadres(db: DbOrTx, meetingId: number): Promise<MeetingCadreRow[]> {
  return rows<MeetingCadreRow>(
    db,
    sql`select ${CADRE_COLUMNS} from ${CADRE_FROM} where mc.meeting_id = ${meetingId} order by mc.id`,
  );
}

export async function findMeetingCadre(db: DbOrTx, id: number): Promise<MeetingCadreRow | undefined> {
  return one<MeetingCadreRow>(db, sql`select ${CADRE_COLUMNS} from ${CADRE_FROM} where mc.id = ${id}`);
}

/** The branch a cadre would visit: what a grant's scope is checked against. */
export interface BranchScope {
  path: string;
  areaPath: string;
  organizationCode: string;
}

export interface CadreAccount {
  userId: string;
  name: string;
  username: string | null;
  /** the unit of the cadre's closest covering grant; null for an area-wide grant */
  fromUnitId: number | null;
  fromUnitName: string | null;
}

/**
 * Live, enabled accounts holding a commune or province officer grant whose scope covers the branch, one row
 * per account with its closest covering grant (the deepest unit). `userId` narrows to one account.
 */
export function cadreAccountsCovering(db: DbOrTx, b: BranchScope, userId?: string): Promise<CadreAccount[]> {
  const roles = sql.join(
    CADRE_ROLES.map((r) => sql`${r}`),
    sql`, `,
  );
  return rows<CadreAccount>(
    db,
    sql`select * from (
      select distinct on (u.id) u.id as "userId", u.name, u.username, g.unit_id as "fromUnitId",
        coalesce(gu.name, ga.name) as "fromUnitName"
      from role_grants g join "user" u on u.id = g.user_id
        left join units gu on gu.id = g.unit_id left join areas ga on ga.id = g.area_id
      where g.revoked_at is null and not u.disabled and g.role in (${roles})
        ${userId === undefined ? sql`` : sql`and u.id = ${userId}`}
        and ((gu.id is not null and ${b.path}::ltree <@ gu.path)
          or (g.unit_id is null and ga.id is not null and ${b.areaPath}::ltree <@ ga.path
            and (g.organization_code is null or g.organization_code = ${b.organizationCode})))
      order by u.id, nlevel(gu.path) desc nulls last, g.id
    ) c order by c.name, c."userId"`,
  );
}

export interface VisitRow {
  id: number;
  meetingId: number;
  unitId: number;
  unitName: string;
  scheduledAt: Date | string;
  place: string | null;
  meetingStatus: 'planned' | 'held' | 'locked';
  status: CadreStatus;
  upcoming: boolean;
}

/** A cadre's own assignments: upcoming ones first (soonest first), then past ones (latest first). */
export function listVisits(db: DbOrTx, userId: string, now: Date): Promise<VisitRow[]> {
  const at = now.toISOString();
  return rows<VisitRow>(
    db,
    sql`select mc.id, mc.meeting_id as "meetingId", m.unit_id as "unitId", u.name as "unitName",
      m.scheduled_at as "scheduledAt", m.place, m.status as "meetingStatus", mc.status,
      (m.scheduled_at >= ${at}::timestamptz) as upcoming
    from meeting_cadres mc join meetings m on m.id = mc.meeting_id join units u on u.id = m.unit_id
    where mc.user_id = ${userId}
    order by (m.scheduled_at >= ${at}::timestamptz) desc,
      case when m.scheduled_at >= ${at}::timestamptz then m.scheduled_at end asc,
      m.scheduled_at desc, mc.id desc
    limit 200`,
  );
}
