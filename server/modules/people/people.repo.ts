import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import type { Action } from '../../policy/actions';
import type { Actor } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { PERSON_ORDER } from './filters';

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

const LIST_COLUMNS = sql`p.id, p.family_name as "familyName", p.given_name as "givenName",
  p.birth_date::text as "birthDate", p.birth_year as "birthYear", p.gender, p.phone,
  p.away_from_home as "awayFromHome"`;

/** Persons p with at least one membership m (joined to units u) satisfying `membership`, and `person`. */
const matchingPersons = (membership: SQL, person: SQL | null) => sql`${person ?? sql`true`} and exists (
  select 1 from memberships m join units u on u.id = m.unit_id where m.person_id = p.id and ${membership})`;

/** One page of matching people in Vietnamese name order. */
export async function listPage(
  db: DbOrTx,
  membership: SQL,
  person: SQL | null,
  page: { limit: number; offset: number },
): Promise<PersonListRow[]> {
  return rows<PersonListRow>(
    db,
    sql`select ${LIST_COLUMNS} from persons p where ${matchingPersons(membership, person)}
      order by ${PERSON_ORDER} limit ${page.limit} offset ${page.offset}`,
  );
}

/**
 * Distinct people and memberships matching, persons joined only when filtered: the units matching `units` (alias
 * u), then each unit's memberships matching `own` (alias m) through its index — for a province organization's
 * 96,589 memberships ≈ 3× faster than one scan of every membership joined to the units (PostgreSQL).
 */
export async function listTotals(
  db: DbOrTx,
  units: SQL,
  own: SQL,
  person: SQL | null,
): Promise<{ people: number; memberships: number }> {
  const r = await one<{ people: number; memberships: number }>(
    db,
    sql`select count(distinct m.person_id)::int as people, count(*)::int as memberships
      from units u cross join lateral (
        select m.person_id from memberships m where m.unit_id = u.id and ${own} offset 0) m
      ${person ? sql`join persons p on p.id = m.person_id` : sql``}
      where ${units} ${person ? sql`and ${person}` : sql``}`,
  );
  return { people: r?.people ?? 0, memberships: r?.memberships ?? 0 };
}

/**
 * A page and the totals in one pass for sets of modest size: the matching memberships are gathered from the
 * scope's units (or from the persons the search finds), grouped per person, then sorted. The planner would
 * otherwise walk the whole name index looking for the scope's few people.
 */
export async function listGathered(
  db: DbOrTx,
  { membership, units, own }: { membership: SQL; units: SQL; own: SQL },
  person: SQL | null,
  page: { limit: number; offset: number },
): Promise<{ rows: PersonListRow[]; people: number; memberships: number }> {
  const found = await rows<PersonListRow & { people: number; memberships: number }>(
    db,
    sql`with hit as materialized (
        select p.id, p.family_name, p.given_name, p.birth_date, p.birth_year, p.gender, p.phone,
          p.away_from_home, p.sort_key, count(*) as n
        from memberships m join units u on u.id = m.unit_id join persons p on p.id = m.person_id
        where ${membership} ${person ? sql`and ${person}` : sql``}
        group by p.id)
      select ${LIST_COLUMNS}, count(*) over ()::int as people, sum(p.n) over ()::int as memberships
      from hit p order by ${PERSON_ORDER} limit ${page.limit} offset ${page.offset}`,
  );
  if (!found.length) return { rows: [], ...(await listTotals(db, units, own, person)) };
  const first = found[0] as { people: number; memberships: number };
  return {
    rows: found.map(({ people: _p, memberships: _m, ...r }) => r),
    people: first.people,
    memberships: first.memberships,
  };
}

/**
 * A per-row check written as a scalar subquery: unlike EXISTS it is never turned into a join, so the rows keep
 * the order they are scanned in and the LIMIT above stops the walk early.
 */
const probe = (q: SQL) => sql`coalesce((${q} limit 1), false)`;

/**
 * A name search over a large scope: the matching word-starts are sorted from the keys' own copies of the sort key
 * (index only), then walked in name order, keeping persons with a membership in scope, until `cap` + 1 are found
 * (or the page's end, when deeper). The people total is exact up to `cap`; past it the answer says so
 * (`capped`) instead of touching every match. Memberships are counted for the people found.
 */
export async function nameSearchWalk(
  db: DbOrTx,
  prefix: string,
  membership: SQL,
  person: SQL | null,
  page: { limit: number; offset: number },
  cap: number,
): Promise<{ rows: PersonListRow[]; people: number; memberships: number; capped: boolean }> {
  const want = Math.max(cap + 1, page.offset + page.limit);
  const found = await rows<PersonListRow & { found: number; memberships: number }>(
    db,
    sql`with o as materialized (
        select distinct k.person_id as id, k.sort_key collate "C" as sk, k.birth_order as bo
        from person_name_keys k where k.key like ${prefix} order by sk, bo nulls last, id),
      hit as materialized (
        select w.id, row_number() over () as n from (
          select o.id from o
          where ${person ? sql`${probe(sql`select true from persons p where p.id = o.id and ${person}`)} and` : sql``}
            ${probe(sql`select true from memberships m join units u on u.id = m.unit_id
              where m.person_id = o.id and ${membership}`)}
          limit ${want}) w)
      select ${LIST_COLUMNS},
        (select count(*) from hit)::int as found,
        (select count(*) from memberships m join units u on u.id = m.unit_id
          where m.person_id in (select id from hit where n <= ${cap}) and ${membership})::int as memberships
      from hit h join persons p on p.id = h.id
      where h.n > ${page.offset} and h.n <= ${page.offset + page.limit}
      order by ${PERSON_ORDER}`,
  );
  const first = found[0];
  if (!first) {
    if (page.offset === 0) return { rows: [], people: 0, memberships: 0, capped: false };
    // Past the last page: the totals alone.
    const t = await nameSearchWalk(db, prefix, membership, person, { limit: page.limit, offset: 0 }, cap);
    return { ...t, rows: [] };
  }
  return {
    rows: found.map(({ found: _f, memberships: _m, ...r }) => r),
    people: Math.min(first.found, cap),
    memberships: first.memberships,
    capped: first.found > cap,
  };
}

/**
 * Live memberships of the units matching `unitWhere` (alias u) and how many organizations they belong to, from the
 * counts kept on write (unit_member_counts).
 */
export async function liveCountsIn(
  db: DbOrTx,
  unitWhere: SQL,
): Promise<{ inScope: number; organizations: number }> {
  const r = await one<{ inScope: number; organizations: number }>(
    db,
    sql`select coalesce(sum(c.members), 0)::int as "inScope",
      (count(distinct u.organization_code) filter (where c.members > 0))::int as organizations
    from units u join unit_member_counts c on c.unit_id = u.id where ${unitWhere}`,
  );
  return { inScope: r?.inScope ?? 0, organizations: r?.organizations ?? 0 };
}

/** Live memberships everywhere, from the counts kept on write. */
export async function liveMembershipsEverywhere(db: DbOrTx): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`select coalesce(sum(members), 0)::int as n from unit_member_counts`,
  );
  return r?.n ?? 0;
}

/** People with at least one live membership anywhere (person_live, kept on write). */
export async function livePeopleEverywhere(db: DbOrTx): Promise<number> {
  const r = await one<{ n: number }>(db, sql`select count(*)::int as n from person_live`);
  return r?.n ?? 0;
}

/** Ids of every matching person in list order, for exports (`limit` caps how many are read). */
export async function orderedIds(db: DbOrTx, membership: SQL, person: SQL | null, limit: number) {
  const list = await rows<{ id: number }>(
    db,
    sql`select p.id from persons p where ${matchingPersons(membership, person)} order by ${PERSON_ORDER} limit ${limit}`,
  );
  return list.map((r) => r.id);
}

export const idList = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

export interface MembershipRow {
  id: number;
  personId: number;
  organizationCode: string;
  /** the organization's short Vietnamese name */
  organizationName: string;
  unitId: number;
  unitName: string;
  status: string;
  position: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  unitPath: string;
  areaPath: string;
}

/**
 * A membership m (in unit u) the actor may see for `action`: its unit is in scope, or it is on its way to a unit
 * in scope (a pending transfer or stay) or staying there now (an accepted stay), so the receiving side can read
 * the person it is asked to take in. Sensitive fields still follow the membership's own unit.
 */
export function visibleMembershipSql(actor: Actor, action: Action): SQL {
  return sql`(${unitScopeSql(actor, action, 'u')} or exists (
    select 1 from transfers vt join units vu on vu.id = vt.to_unit_id
    where vt.membership_id = m.id and (vt.status = 'pending' or (vt.kind = 'stay' and vt.status = 'accepted'))
      and ${unitScopeSql(actor, action, 'vu')}))`;
}

/** Memberships matching a condition on m/u, with what a scope check needs about their unit. */
export async function findMemberships(db: DbOrTx, where: SQL): Promise<MembershipRow[]> {
  return rows<MembershipRow>(
    db,
    sql`
    select m.id, m.person_id as "personId", m.organization_code as "organizationCode",
      o.short_name_vi as "organizationName", m.unit_id as "unitId",
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
  homeCommuneName: string | null;
  awayPlace: string | null;
  awaySince: string | null;
  awayContact: string | null;
  nationalId: string | null;
  ethnicity: string | null;
  religion: string | null;
  partyStatus: string | null;
}

const PERSON_COLUMNS = sql`${LIST_COLUMNS},
  p.occupation, p.education, ha.name as "homeAreaName", hc.name as "homeCommuneName", p.away_place as "awayPlace",
  p.away_since::text as "awaySince", p.away_contact as "awayContact", p.national_id as "nationalId",
  p.ethnicity, p.religion, p.party_status as "partyStatus"`;
const PERSON_FROM = sql`persons p left join areas ha on ha.id = p.home_area_id
  left join areas hc on hc.id = ha.parent_id and hc.kind in ('xa', 'phuong')`;

export async function findPerson(db: DbOrTx, id: number): Promise<PersonRow | undefined> {
  return one<PersonRow>(db, sql`select ${PERSON_COLUMNS} from ${PERSON_FROM} where p.id = ${id}`);
}

/** Full rows of the given persons (any order; callers restore theirs). */
export async function findPersons(db: DbOrTx, ids: number[]): Promise<PersonRow[]> {
  if (!ids.length) return [];
  return rows<PersonRow>(
    db,
    sql`select ${PERSON_COLUMNS} from ${PERSON_FROM} where p.id in (${idList(ids)})`,
  );
}

export interface HistoryRow {
  at: string;
  action: string;
  actorName: string | null;
  entityType: string;
}

/** Recorded writes about a person and some of their memberships, newest first; reads and exports are left out. */
export async function personHistory(db: DbOrTx, personId: number, membershipIds: number[]) {
  const ms = membershipIds.map(String);
  return rows<HistoryRow>(
    db,
    sql`select to_char(a.at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS') as at, a.action,
        a.actor_name as "actorName", a.entity_type as "entityType"
      from audit_log a
      where ((a.entity_type = 'person' and a.entity_id = ${String(personId)})
        ${
          ms.length
            ? sql`or (a.entity_type = 'membership' and a.entity_id in (${sql.join(
                ms.map((id) => sql`${id}`),
                sql`, `,
              )}))`
            : sql``
        })
        and a.action not in ('person.reveal_sensitive', 'person.export')
      order by a.at desc, a.id desc limit 50`,
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

/** What the printed roll of a unit needs besides its people: the unit above, the member term, the commune. */
export async function rollHeading(db: DbOrTx, unitId: number) {
  return one<{ parentName: string | null; memberTerm: string; communeName: string | null }>(
    db,
    sql`select pu.name as "parentName", o.member_term as "memberTerm",
        (select ca.name from areas ca where ca.kind in ('xa', 'phuong') and a.path <@ ca.path
          order by ca.level desc limit 1) as "communeName"
      from units u join organizations o on o.code = u.organization_code join areas a on a.id = u.area_id
      left join units pu on pu.id = u.parent_id
      where u.id = ${unitId}`,
  );
}
