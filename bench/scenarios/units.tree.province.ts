/**
 * units.tree.province: the province Đoàn officer opens the unit tree. roots() gives the province committee with
 * the member count of the whole organization; children() lists every grassroots unit of the province with
 * its counts. The heaviest tree view there is.
 */
import { sql } from 'drizzle-orm';
import { rows } from '../../server/db/query';
import { makeUnitsService } from '../../server/modules/units/units.service';
import { communeRefs, ctxFor, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';
import { subtreeSummaries, viOrder } from './unit-floor';

async function setup({ db }: BenchContext) {
  const refs = await communeRefs(db, 'DOAN');
  const officer = await unitActor(db, 'province_officer', refs.provinceUnitId);
  return { refs, ctx: ctxFor(officer), units: makeUnitsService({ db }) };
}

export default defineScenario({
  name: 'units.tree.province',
  description:
    'province Đoàn officer: roots + children of the province committee (all grassroots units), with counts',
  setup,
  parts: [
    {
      label: 'roots',
      run: ({ state }) => state.units.roots(state.ctx),
      floor: ({ db, state }) =>
        rows(
          db,
          subtreeSummaries(
            sql`u.id = ${state.refs.provinceUnitId} and u.active`,
            state.refs.provinceUnitPath,
          ),
        ),
    },
    {
      label: 'children',
      run: ({ state }) => state.units.children(state.ctx, state.refs.provinceUnitId),
      floor: ({ db, state }) =>
        rows<{ name: string }>(
          db,
          subtreeSummaries(
            sql`u.parent_id = ${state.refs.provinceUnitId} and u.active`,
            state.refs.provinceUnitPath,
          ),
        ).then(viOrder),
    },
  ],
});
