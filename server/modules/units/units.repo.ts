import { type SQL, sql } from 'drizzle-orm';
import type { UnitSummary } from '../../../contracts/units';
import type { DbOrTx } from '../../db/client';
import { rows } from '../../db/query';

export interface UnitRow {
  id: number;
  name: string;
  level: UnitSummary['level'];
  kind: UnitSummary['kind'];
  organizationCode: string;
  parentId: number | null;
  areaId: number;
  areaName: string;
  areaPath: string;
  path: string;
  difficultArea: boolean;
  active: boolean;
  mergedIntoId: number | null;
}

const UNIT_COLUMNS = sql`u.id, u.name, u.level, u.kind, u.organization_code as "organizationCode", u.parent_id as "parentId",
  u.area_id as "areaId", a.name as "areaName", a.path::text as "areaPath", u.path::text as path,
  u.difficult_area as "difficultArea", u.active, u.merged_into_id as "mergedIntoId"`;

/** Units matching a condition, with their area. */
export async function findUnits(
  db: DbOrTx,
  where: SQL,
  orderLimit: SQL = sql`order by u.name`,
): Promise<UnitRow[]> {
  return rows<UnitRow>(
    db,
    sql`select ${UNIT_COLUMNS} from units u join areas a on a.id = u.area_id where ${where} ${orderLimit}`,
  );
}

export async function findUnit(db: DbOrTx, id: number): Promise<UnitRow | undefined> {
  return (await findUnits(db, sql`u.id = ${id}`))[0];
}

/**
 * Child counts and active membership counts (whole subtree) for a set of units, in one query each.
 * Membership totals add up the per-unit counts kept current on write (unit_member_counts).
 */
export async function countsFor(
  db: DbOrTx,
  units: UnitRow[],
): Promise<Map<number, { children: number; members: number }>> {
  const out = new Map<number, { children: number; members: number }>();
  if (units.length === 0) return out;
  const ids = units.map((r) => r.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const children = await rows<{ id: number; n: number }>(
    db,
    sql`select parent_id as id, count(*)::int as n from units where parent_id in (${idList}) and active group by parent_id`,
  );
  const members = await rows<{ id: number; n: number }>(
    db,
    sql`
    select r.id, coalesce(sum(c.members), 0)::int as n
    from units r
    join units s on s.path <@ r.path
    join unit_member_counts c on c.unit_id = s.id
    where r.id in (${idList})
    group by r.id`,
  );
  for (const id of ids) out.set(id, { children: 0, members: 0 });
  for (const r of children) out.set(r.id, { children: r.n, members: 0 });
  for (const r of members) out.set(r.id, { children: out.get(r.id)?.children ?? 0, members: r.n });
  return out;
}

export async function unitHistory(db: DbOrTx, unitId: number) {
  const res = await rows<{
    kind: string;
    before: unknown;
    after: unknown;
    at: Date | string;
    actorName: string | null;
  }>(
    db,
    sql`
    select e.kind, e.before, e.after, e.at, u.name as "actorName"
    from unit_events e left join "user" u on u.id = e.actor_user_id
    where e.unit_id = ${unitId} order by e.at desc, e.id desc limit 100`,
  );
  return res.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

export async function addUnitEvent(
  db: DbOrTx,
  e: { unitId: number; kind: string; before?: unknown; after?: unknown; actorUserId: string },
) {
  await db.execute(sql`insert into unit_events (unit_id, kind, before, after, actor_user_id)
    values (${e.unitId}, ${e.kind}, ${JSON.stringify(e.before ?? null)}::jsonb, ${JSON.stringify(e.after ?? null)}::jsonb, ${e.actorUserId})`);
}
