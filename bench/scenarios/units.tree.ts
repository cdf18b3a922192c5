/**
 * units.tree: a commune's Đoàn officer opens the unit tree. The product path is UnitsService.roots() (their
 * grassroots unit, with child and member counts) and UnitsService.children() of that unit (its branches with
 * counts). The floor answers the same with one hand-written query each.
 */
import { sql } from 'drizzle-orm';
import { rows } from '../../server/db/query';
import { makeUnitsService } from '../../server/modules/units/units.service';
import { communeRefs, ctxFor, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';
import { subtreeSummaries, viOrder } from './unit-floor';

async function setup({ db }: BenchContext) {
  const refs = await communeRefs(db, 'DOAN');
  const officer = await unitActor(db, 'grassroots_officer', refs.grassrootsId);
  return { refs, ctx: ctxFor(officer), units: makeUnitsService({ db }) };
}

export default defineScenario({
  name: 'units.tree',
  description: 'commune Đoàn officer: roots + children of their grassroots unit, with member counts',
  setup,
  parts: [
    {
      label: 'roots',
      run: ({ state }) => state.units.roots(state.ctx),
      // The officer's only root is the unit of their grant; its counts over its own subtree.
      floor: ({ db, state }) =>
        rows(
          db,
          subtreeSummaries(sql`u.id = ${state.refs.grassrootsId} and u.active`, state.refs.grassrootsPath),
        ),
    },
    {
      label: 'children',
      run: ({ state }) => state.units.children(state.ctx, state.refs.grassrootsId),
      floor: ({ db, state }) =>
        rows<{ name: string }>(
          db,
          subtreeSummaries(
            sql`u.parent_id = ${state.refs.grassrootsId} and u.active`,
            state.refs.grassrootsPath,
          ),
        ).then(viOrder),
    },
  ],
});
