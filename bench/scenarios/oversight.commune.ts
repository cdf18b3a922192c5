/**
 * oversight.commune: the oversight dashboard of the benchmark commune for quarter 2026-Q3 (2026-Q2 beside it):
 * the commune Đoàn officer on the commune's Đoàn (children: its branches), and the commune supervisor (an area
 * grant on the commune, every organization; children: the commune's grassroots units). The floor is the
 * hand-written SQL of oversight.floor.ts.
 */
import { makeOversightService } from '../../server/modules/oversight/oversight.service';
import { areaActor, communeRefs, ctxFor, SEED_DAY_CLOCK, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';
import { floorDashboard, inAreaOf, periodsOf, QUARTER, underPath } from './oversight.floor';

async function setup({ db }: BenchContext) {
  const refs = await communeRefs(db, 'DOAN');
  return {
    refs,
    periods: await periodsOf(db, QUARTER),
    oversight: makeOversightService({ db, clock: SEED_DAY_CLOCK }),
    officer: ctxFor(await unitActor(db, 'grassroots_officer', refs.grassrootsId)),
    supervisor: ctxFor(await areaActor(db, 'supervisor', refs.areaId, null)),
  };
}

export default defineScenario({
  name: 'oversight.commune',
  description: `oversight dashboard of ${QUARTER} for a commune: its Đoàn (grassroots officer), every organization (supervisor)`,
  setup,
  parts: [
    {
      label: 'commune Đoàn (grassroots officer)',
      run: ({ state }) =>
        state.oversight.dashboard(state.officer, { unitId: state.refs.grassrootsId, period: QUARTER }),
      floor: ({ db, state }) =>
        floorDashboard(db, underPath(state.refs.grassrootsPath), state.refs.grassrootsId, state.periods),
    },
    {
      label: 'commune, all organizations (supervisor)',
      run: ({ state }) => state.oversight.dashboard(state.supervisor, { period: QUARTER }),
      floor: ({ db, state }) => floorDashboard(db, inAreaOf(state.refs.areaPath), null, state.periods),
    },
  ],
});
