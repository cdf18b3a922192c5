/**
 * oversight.province: the oversight dashboard (OversightService.dashboard) of the whole province, every
 * organization, quarter 2026-Q3 with 2026-Q2 beside it, as an administrator, as the province supervisor (an area
 * grant on the province) and as the province Đoàn officer drilling into the province Đoàn (children: its
 * grassroots units).
 * The floor is the hand-written SQL of oversight.floor.ts (the same Dashboard, from the tables directly).
 */
import { makeOversightService } from '../../server/modules/oversight/oversight.service';
import { adminActor, areaActor, communeRefs, ctxFor, SEED_DAY_CLOCK, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';
import { everything, floorDashboard, inAreaOf, periodsOf, QUARTER, underPath } from './oversight.floor';

async function setup({ db }: BenchContext) {
  const refs = await communeRefs(db, 'DOAN');
  return {
    refs,
    periods: await periodsOf(db, QUARTER),
    oversight: makeOversightService({ db, clock: SEED_DAY_CLOCK }),
    admin: ctxFor(adminActor()),
    supervisor: ctxFor(await areaActor(db, 'supervisor', refs.provinceAreaId, null)),
    officer: ctxFor(await unitActor(db, 'province_officer', refs.provinceUnitId)),
  };
}

export default defineScenario({
  name: 'oversight.province',
  description: `oversight dashboard of ${QUARTER} for the whole province: admin, province supervisor, province Đoàn officer`,
  setup,
  parts: [
    {
      label: 'province, all organizations (admin)',
      run: ({ state }) => state.oversight.dashboard(state.admin, { period: QUARTER }),
      floor: ({ db, state }) => floorDashboard(db, everything, null, state.periods),
    },
    {
      label: 'province, all organizations (supervisor)',
      run: ({ state }) => state.oversight.dashboard(state.supervisor, { period: QUARTER }),
      floor: ({ db, state }) =>
        floorDashboard(db, inAreaOf(state.refs.provinceAreaPath), null, state.periods),
    },
    {
      label: 'province Đoàn (province officer)',
      run: ({ state }) =>
        state.oversight.dashboard(state.officer, { unitId: state.refs.provinceUnitId, period: QUARTER }),
      floor: ({ db, state }) =>
        floorDashboard(db, underPath(state.refs.provinceUnitPath), state.refs.provinceUnitId, state.periods),
    },
  ],
});
