/**
 * members.list: one page of the member list with its totals (PeopleService.list), as a branch head, a commune
 * Đoàn officer (first page; women aged 19–24), a commune supervisor (every organization, page 3) and the province
 * Đoàn officer (first page; cadres). The floor is hand-written SQL for the same answer: the scope's units as a
 * plain unit-id set, the matching people grouped from their memberships, the page's memberships.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { PeopleListQuery } from '../../contracts/people';
import type { Db } from '../../server/db/client';
import { one, rows } from '../../server/db/query';
import { makePeopleService } from '../../server/modules/people/people.service';
import { adminActor, areaActor, communeRefs, ctxFor, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';

/** Ages are computed on the seed's reference day. */
export const benchClock = { now: () => new Date('2026-11-27T03:00:00Z') };

export const listQuery = (q: Partial<PeopleListQuery>): PeopleListQuery => ({
  status: 'live',
  page: 1,
  pageSize: 20,
  ...q,
});

export interface FloorQuery {
  /** the scope's units: a condition on units u */
  units: SQL;
  /** a condition on persons p */
  person?: SQL;
  /** a condition on memberships m beyond "live" */
  membership?: SQL;
  /** the search finds the persons first */
  personFirst?: boolean;
  page?: number;
  readSensitive: boolean;
  /** a name search over a large scope: the people total stops at this cap (PeopleService's SEARCH_CAP) */
  cap?: number;
}

/** The member-list answer straight from SQL. */
export async function floorList(db: Db, f: FloorQuery) {
  const m = sql`m.status in ('active', 'transferring') ${f.membership ? sql`and ${f.membership}` : sql``}
    and m.unit_id in (select u.id from units u where ${f.units})`;
  const gathered = f.personFirst
    ? sql`select p.id, count(*) as n from persons p join memberships m on m.person_id = p.id
        where ${f.person ?? sql`true`} and ${m} group by p.id`
    : sql`select m.person_id as id, count(*) as n from memberships m
        ${f.person ? sql`join persons p on p.id = m.person_id` : sql``}
        where ${m} ${f.person ? sql`and ${f.person}` : sql``} group by m.person_id`;
  const page = await rows<Record<string, unknown> & { id: number; people: number; memberships: number }>(
    db,
    sql`with hit as materialized (${gathered})
      select p.id, p.family_name as "familyName", p.given_name as "givenName", p.birth_date::text as "birthDate",
        p.birth_year as "birthYear", p.gender, p.phone, p.away_from_home as "awayFromHome",
        count(*) over ()::int as people, sum(hit.n) over ()::int as memberships
      from hit join persons p on p.id = hit.id
      order by p.sort_key collate "C", coalesce(p.birth_date, make_date(p.birth_year, 1, 1)) nulls last, p.id
      limit 20 offset ${((f.page ?? 1) - 1) * 20}`,
  );
  const ids = page.map((p) => p.id);
  const ms = ids.length
    ? await rows<{ personId: number; [k: string]: unknown }>(
        db,
        sql`select m.person_id as "personId", m.id, m.organization_code as "organizationCode", m.unit_id as "unitId",
            u.name as "unitName", m.status, m.position
          from memberships m join units u on u.id = m.unit_id join organizations o on o.code = m.organization_code
          where ${m} and m.person_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})
          order by o.sort_order, u.name, m.joined_on desc nulls last, m.id`,
      )
    : [];
  return {
    items: page.map(({ people: _p, memberships: _m, ...p }) => ({
      ...p,
      fullName: `${p.familyName} ${p.givenName}`.trim(),
      memberships: ms.filter((x) => x.personId === p.id).map(({ personId: _id, ...x }) => x),
    })),
    ...totalsOf(page[0]?.people ?? 0, page[0]?.memberships ?? 0, f.cap),
    abilities: { readSensitive: f.readSensitive },
  };
}

/** The list's totals; past the cap, "more than cap people" without a memberships figure. */
const totalsOf = (people: number, memberships: number, cap = Number.POSITIVE_INFINITY) =>
  people > cap
    ? { total: cap, totalCapped: true, totalMemberships: null }
    : { total: people, totalCapped: false, totalMemberships: memberships };

/** Units under a unit, or (area grants) in an area's subtree. */
export const underUnit = (path: string) => sql`u.path <@ ${path}::ltree`;
export const inArea = (path: string) =>
  sql`u.area_id in (select a.id from areas a where a.path <@ ${path}::ltree)`;

async function setup({ db }: BenchContext) {
  const refs = await communeRefs(db, 'DOAN');
  const branch = await one<{ id: number; path: string }>(
    db,
    sql`select id, path::text as path from units where parent_id = ${refs.grassrootsId} and level = 'branch'
      order by name, id limit 1`,
  );
  if (!branch) throw new Error('no Đoàn branch in the benchmark commune');
  return {
    refs,
    branch,
    people: makePeopleService({ db, clock: benchClock }),
    head: ctxFor(await unitActor(db, 'branch_head', branch.id)),
    officer: ctxFor(await unitActor(db, 'grassroots_officer', refs.grassrootsId)),
    supervisor: ctxFor(await areaActor(db, 'supervisor', refs.areaId, null)),
    province: ctxFor(await unitActor(db, 'province_officer', refs.provinceUnitId)),
    admin: ctxFor(adminActor()),
  };
}

/** Women aged 19–24 on 27/11/2026: born 28/11/2001 – 27/11/2007, or in 2002–2007 when only the year is known. */
const WOMEN_19_24 = sql`p.gender = 'F' and ((p.birth_date is not null and p.birth_date > '2001-11-27'
  and p.birth_date <= '2007-11-27') or (p.birth_date is null and p.birth_year between 2002 and 2007))`;

export default defineScenario({
  name: 'members.list',
  description:
    'member list page + totals: branch, commune (filtered), supervisor page 3, province (Đoàn, cadres, everything)',
  setup,
  parts: [
    {
      label: 'branch, page 1 (branch head)',
      run: ({ state }) => state.people.list(state.head, listQuery({})),
      floor: ({ db, state }) => floorList(db, { units: underUnit(state.branch.path), readSensitive: true }),
    },
    {
      label: 'commune Đoàn, page 1 (grassroots officer)',
      run: ({ state }) => state.people.list(state.officer, listQuery({})),
      floor: ({ db, state }) =>
        floorList(db, { units: underUnit(state.refs.grassrootsPath), readSensitive: true }),
    },
    {
      label: 'commune Đoàn, women 19–24 (grassroots officer)',
      run: ({ state }) => state.people.list(state.officer, listQuery({ gender: 'F', ageBand: '19-24' })),
      floor: ({ db, state }) =>
        floorList(db, {
          units: underUnit(state.refs.grassrootsPath),
          person: WOMEN_19_24,
          readSensitive: true,
        }),
    },
    {
      label: 'commune, every organization, page 3 (supervisor)',
      run: ({ state }) => state.people.list(state.supervisor, listQuery({ page: 3 })),
      floor: ({ db, state }) =>
        floorList(db, { units: inArea(state.refs.areaPath), page: 3, readSensitive: false }),
    },
    {
      label: 'province Đoàn, page 1 (province officer)',
      run: ({ state }) => state.people.list(state.province, listQuery({})),
      floor: ({ db, state }) =>
        floorList(db, { units: underUnit(state.refs.provinceUnitPath), readSensitive: true }),
    },
    {
      label: 'province, every organization, page 1 (admin)',
      run: ({ state }) => state.people.list(state.admin, listQuery({})),
      floor: ({ db }) => floorList(db, { units: sql`true`, readSensitive: true }),
    },
    {
      label: 'province Đoàn, cadres (province officer)',
      run: ({ state }) => state.people.list(state.province, listQuery({ cadre: true })),
      floor: ({ db, state }) =>
        floorList(db, {
          units: underUnit(state.refs.provinceUnitPath),
          membership: sql`m.position is not null`,
          readSensitive: true,
        }),
    },
  ],
});
