import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rows } from '../../db/query';

export interface AreaRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: number;
  parentId: number | null;
  active: boolean;
  validTo: string | null;
}

/** Areas matching a condition (alias a). */
export async function findAreas(
  db: DbOrTx,
  where: SQL,
  orderLimit: SQL = sql`order by a.level, a.name`,
): Promise<AreaRow[]> {
  return rows<AreaRow>(
    db,
    sql`
    select a.id, a.code, a.name, a.kind, a.level, a.parent_id as "parentId", a.active, a.valid_to::text as "validTo"
    from areas a where ${where} ${orderLimit}`,
  );
}

export interface SuccessionRow {
  formerId: number;
  formerName: string;
  successorId: number;
  successorName: string;
  whole: boolean;
}

/** Successions touching any of the areas, as former or as successor, in one query. */
export async function successionsFor(db: DbOrTx, ids: number[]): Promise<SuccessionRow[]> {
  if (ids.length === 0) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  return rows<SuccessionRow>(
    db,
    sql`
    select s.former_area_id as "formerId", f.name as "formerName",
      s.successor_area_id as "successorId", n.name as "successorName", s.whole
    from area_successions s
    join areas f on f.id = s.former_area_id
    join areas n on n.id = s.successor_area_id
    where s.former_area_id in (${list}) or s.successor_area_id in (${list})
    order by f.name, n.name`,
  );
}
