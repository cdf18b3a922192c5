import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';

/** Which memberships count as visible: live ones in scope, optionally under a unit and of one organization. */
export interface MembershipFilter {
  /** unitScopeSql(..., 'u') for the action */
  scope: SQL;
  subtreePath?: string;
  organization?: string;
}

/** Condition on memberships m joined to units u. */
export function liveMembershipSql(f: MembershipFilter): SQL {
  return sql.join(
    [
      sql`m.status in ('active', 'transferring')`,
      f.scope,
      f.subtreePath ? sql`u.path <@ ${f.subtreePath}::ltree` : sql`true`,
      f.organization ? sql`m.organization_code = ${f.organization}` : sql`true`,
    ],
    sql` and `,
  );
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Condition on persons p for the search box. */
export function personSearchSql(q: { phone: string } | { text: string } | null): SQL {
  if (!q) return sql`true`;
  if ('phone' in q) return sql`p.phone like ${`%${escapeLike(q.phone)}%`}`;
  return sql`p.search_text like ${`%${escapeLike(q.text)}%`}`;
}

export interface PersonListRow {
  id: number;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: string;
  phone: string | null;
  awayFromHome: boolean;
}

/** One page of people with a visible membership, in Vietnamese name order, plus the totals. */
export async function searchPeople(
  db: DbOrTx,
  live: SQL,
  search: SQL,
  page: { limit: number; offset: number },
): Promise<{ rows: PersonListRow[]; total: number; totalMemberships: number }> {
  const matching = sql`select p.id from persons p where ${search} and exists (
    select 1 from memberships m join units u on u.id = m.unit_id where m.person_id = p.id and ${live})`;
  const totals = await one<{ people: number; memberships: number }>(
    db,
    sql`
    with vp as (${matching})
    select (select count(*)::int from vp) as people,
      (select count(*)::int from memberships m join units u on u.id = m.unit_id
        where ${live} and m.person_id in (select id from vp)) as memberships`,
  );
  const list = await rows<PersonListRow>(
    db,
    sql`
    with vp as (${matching})
    select p.id, p.family_name as "familyName", p.given_name as "givenName", p.birth_date::text as "birthDate",
      p.birth_year as "birthYear", p.gender, p.phone, p.away_from_home as "awayFromHome"
    from persons p join vp on vp.id = p.id
    order by p.sort_key collate "C", coalesce(p.birth_date, make_date(p.birth_year, 1, 1)) nulls last, p.id
    limit ${page.limit} offset ${page.offset}`,
  );
  return { rows: list, total: totals?.people ?? 0, totalMemberships: totals?.memberships ?? 0 };
}

export interface MembershipRow {
  personId: number;
  organizationCode: string;
  unitId: number;
  unitName: string;
  status: string;
  position: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  unitPath: string;
  areaPath: string;
}

/** Memberships matching a condition on m/u, with what a scope check needs about their unit. */
export async function findMemberships(db: DbOrTx, where: SQL): Promise<MembershipRow[]> {
  return rows<MembershipRow>(
    db,
    sql`
    select m.person_id as "personId", m.organization_code as "organizationCode", m.unit_id as "unitId",
      u.name as "unitName", m.status, m.position, m.joined_on::text as "joinedOn", m.left_on::text as "leftOn",
      u.path::text as "unitPath", a.path::text as "areaPath"
    from memberships m
    join units u on u.id = m.unit_id
    join areas a on a.id = u.area_id
    join organizations o on o.code = m.organization_code
    where ${where}
    order by m.status not in ('active', 'transferring'), o.sort_order, u.name, m.joined_on desc nulls last, m.id`,
  );
}

export interface PersonRow extends PersonListRow {
  occupation: string | null;
  education: string | null;
  homeAreaName: string | null;
  awayPlace: string | null;
  awaySince: string | null;
  awayContact: string | null;
  nationalId: string | null;
  ethnicity: string | null;
  religion: string | null;
  partyStatus: string | null;
}

export async function findPerson(db: DbOrTx, id: number): Promise<PersonRow | undefined> {
  return one<PersonRow>(
    db,
    sql`
    select p.id, p.family_name as "familyName", p.given_name as "givenName", p.birth_date::text as "birthDate",
      p.birth_year as "birthYear", p.gender, p.phone, p.away_from_home as "awayFromHome",
      p.occupation, p.education, ha.name as "homeAreaName", p.away_place as "awayPlace",
      p.away_since::text as "awaySince", p.away_contact as "awayContact", p.national_id as "nationalId",
      p.ethnicity, p.religion, p.party_status as "partyStatus"
    from persons p left join areas ha on ha.id = p.home_area_id
    where p.id = ${id}`,
  );
}

/**
 * People and live memberships in the units matching a condition on `u`. Memberships add up the per-unit
 * counts kept current on write; people need one distinct pass over the memberships of those units.
 */
export async function countInUnits(db: DbOrTx, unitWhere: SQL) {
  const byOrganization = await rows<{ organizationCode: string; memberships: number }>(
    db,
    sql`select u.organization_code as "organizationCode", coalesce(sum(c.members), 0)::int as memberships
        from units u join unit_member_counts c on c.unit_id = u.id
        where ${unitWhere} group by u.organization_code having sum(c.members) > 0 order by 2 desc`,
  );
  const r = await one<{ people: number; memberships: number }>(
    db,
    sql`
    with su as materialized (select u.id from units u where ${unitWhere})
    select
      (select count(*) from (select distinct m.person_id from memberships m join su on su.id = m.unit_id
         where m.status in ('active', 'transferring')) d)::int as people,
      (select coalesce(sum(c.members), 0) from unit_member_counts c join su on su.id = c.unit_id)::int as memberships`,
  );
  return { people: r?.people ?? 0, memberships: r?.memberships ?? 0, byOrganization };
}
