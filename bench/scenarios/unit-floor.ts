import { type SQL, sql } from 'drizzle-orm';

/**
 * The floor for unit summaries: the listed units (condition on u) under one subtree, with active child counts and
 * live membership counts of each listed unit's whole subtree. Memberships are counted once per unit of the
 * subtree (index on memberships(unit_id, status)) and rolled up to the listed units by path prefix.
 */
export function subtreeSummaries(listed: SQL, subtreePath: string, order: SQL = sql`u.name`): SQL {
  return sql`
    with sub as (select id, path from units where path <@ ${subtreePath}::ltree),
    per_unit as (
      select m.unit_id, count(*)::int as n from memberships m
      where m.unit_id in (select id from sub) and m.status in ('active', 'transferring')
      group by m.unit_id),
    listed as (select u.id, u.path from units u where ${listed} and u.path <@ ${subtreePath}::ltree)
    select u.id, u.name, u.level, u.kind, u.organization_code as "organizationCode", u.parent_id as "parentId",
      u.area_id as "areaId", a.name as "areaName",
      (select count(*)::int from units k where k.parent_id = u.id and k.active) as "childCount",
      coalesce((select sum(pu.n)::int from sub d join per_unit pu on pu.unit_id = d.id where d.path <@ u.path), 0) as "memberCount",
      u.difficult_area as "difficultArea", u.active
    from listed l join units u on u.id = l.id join areas a on a.id = u.area_id
    order by ${order}`;
}
