/**
 * members.count: live memberships (active or transferring) and distinct people in scope, through
 * PeopleService.counts(): for the whole province as a province supervisor (area grant, all organizations) and as
 * an admin, and for one commune, as the commune's supervisor and as the province Đoàn officer drilling into the
 * commune's Đoàn. The floor is one hand-written aggregate per question.
 */
import { type SQL, sql } from 'drizzle-orm';
import { one, rows } from '../../server/db/query';
import { makePeopleService } from '../../server/modules/people/people.service';
import { adminActor, areaActor, communeRefs, ctxFor, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';

async function setup({ db }: BenchContext) {
  const refs = await communeRefs(db, 'DOAN');
  return {
    refs,
    people: makePeopleService({ db }),
    provinceSupervisor: ctxFor(await areaActor(db, 'supervisor', refs.provinceAreaId, null)),
    admin: ctxFor(adminActor()),
    communeSupervisor: ctxFor(await areaActor(db, 'supervisor', refs.areaId, null)),
    provinceDoanOfficer: ctxFor(await unitActor(db, 'province_officer', refs.provinceUnitId)),
  };
}

/** Live memberships and distinct people among memberships whose unit satisfies `units` (a set of unit ids). */
async function floorCount(db: BenchContext['db'], units: SQL | null) {
  const inUnits = units ? sql`and m.unit_id in (${units})` : sql``;
  const r = await one<{ people: number; memberships: number }>(
    db,
    sql`select count(distinct m.person_id)::int as people, count(*)::int as memberships
      from memberships m where m.status in ('active', 'transferring') ${inUnits}`,
  );
  const byOrganization = await rows<{ organizationCode: string; memberships: number }>(
    db,
    sql`select m.organization_code as "organizationCode", count(*)::int as memberships
      from memberships m where m.status in ('active', 'transferring') ${inUnits}
      group by 1 order by 2 desc`,
  );
  return { people: r?.people ?? 0, memberships: r?.memberships ?? 0, byOrganization };
}

const unitsInArea = (areaPath: string) =>
  sql`select u.id from units u join areas a on a.id = u.area_id where a.path <@ ${areaPath}::ltree`;

export default defineScenario({
  name: 'members.count',
  description: 'live memberships + distinct people: province (supervisor, admin) and one commune',
  setup,
  parts: [
    {
      label: 'province supervisor',
      run: ({ state }) => state.people.counts(state.provinceSupervisor, {}),
      floor: ({ db, state }) => floorCount(db, unitsInArea(state.refs.provinceAreaPath)),
    },
    {
      label: 'province admin',
      run: ({ state }) => state.people.counts(state.admin, {}),
      floor: ({ db }) => floorCount(db, null),
    },
    {
      label: 'commune supervisor',
      run: ({ state }) => state.people.counts(state.communeSupervisor, {}),
      floor: ({ db, state }) => floorCount(db, unitsInArea(state.refs.areaPath)),
    },
    {
      label: 'commune Đoàn (province officer, unitId)',
      run: ({ state }) => state.people.counts(state.provinceDoanOfficer, { unitId: state.refs.grassrootsId }),
      floor: ({ db, state }) =>
        floorCount(db, sql`select id from units where path <@ ${state.refs.grassrootsPath}::ltree`),
    },
  ],
});
