import { type SQL, sql } from 'drizzle-orm';

/**
 * The floor for unit summaries: the listed units (condition on u, inside one subtree) with their active child
 * counts and the live membership count of each listed unit's whole subtree. Members are counted per subtree
 * unit through a LATERAL, so each count is an index-only probe of memberships(unit_id, status) whatever the
 * planner guesses for the ltree join.
 */
export function subtreeSummaries(listed: SQL, subtreePath: string, order: SQL = sql`u.name`): SQL {
  return sql`
    with listed as (select u.id, u.path from units u where ${listed} and u.path <@ ${subtreePath}::ltree),
    members as (
      select l.id, sum(c.n)::int as n
      from listed l
      join units d on d.path <@ l.path
      cross join lateral (
        select count(*) as n from memberships m where m.unit_id = d.id and m.status in ('active', 'transferring')) c
      group by l.id),
    kids as (
      select k.parent_id as id, count(*)::int as n from units k
      where k.parent_id in (select id from listed) and k.active group by k.parent_id)
    select u.id, u.name, u.level, u.kind, u.organization_code as "organizationCode", u.parent_id as "parentId",
      u.area_id as "areaId", a.name as "areaName", coalesce(kids.n, 0) as "childCount",
      coalesce(members.n, 0) as "memberCount", u.difficult_area as "difficultArea", u.active
    from listed l join units u on u.id = l.id join areas a on a.id = u.area_id
    left join members on members.id = u.id left join kids on kids.id = u.id
    order by ${order}`;
}
