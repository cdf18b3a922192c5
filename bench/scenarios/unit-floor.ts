import { type SQL, sql } from 'drizzle-orm';

/**
 * The floor for unit summaries: the listed units (condition on u, inside one subtree) with their active child
 * counts and the live membership count of each listed unit's whole subtree, summed from the per-unit counts
 * kept current on write (unit_member_counts; their exactness is tested against the raw memberships).
 */
export function subtreeSummaries(listed: SQL, subtreePath: string, order: SQL = sql`u.name`): SQL {
  return sql`
    with listed as (select u.id, u.path from units u where ${listed} and u.path <@ ${subtreePath}::ltree),
    members as (
      select l.id, sum(c.members)::int as n
      from listed l
      join units d on d.path <@ l.path
      join unit_member_counts c on c.unit_id = d.id
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

const vi = new Intl.Collator('vi', { numeric: true });
/** Vietnamese name order (Đ after D, "Thôn 2" before "Thôn 10"), as the product lists units. */
export const viOrder = <T extends { name: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => vi.compare(a.name, b.name));
