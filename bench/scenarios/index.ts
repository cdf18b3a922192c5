import type { Scenario } from '../lib/scenario';
import membersCount from './members.count';
import unitsTree from './units.tree';
import unitsTreeProvince from './units.tree.province';

/** Every scenario, in the order they run. Add a new one here. */
export const SCENARIOS: Scenario<never>[] = [
  unitsTree,
  unitsTreeProvince,
  membersCount,
] as unknown as Scenario<never>[];
