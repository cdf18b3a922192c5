import type { Scenario } from '../lib/scenario';
import meetingsCheckin from './meetings.checkin';
import meetingsCompliance from './meetings.compliance';
import meetingsRollcall from './meetings.rollcall';
import membersCount from './members.count';
import membersImport from './members-import';
import membersList from './members-list';
import membersSearch from './members-search';
import oversightCommune from './oversight.commune';
import oversightProvince from './oversight.province';
import oversightReport from './oversight.report';
import unitsTree from './units.tree';
import unitsTreeProvince from './units.tree.province';

/** Every scenario, in the order they run. Add a new one here. */
export const SCENARIOS: Scenario<never>[] = [
  unitsTree,
  unitsTreeProvince,
  membersCount,
  membersImport,
  membersSearch,
  membersList,
  meetingsCompliance,
  meetingsRollcall,
  meetingsCheckin,
  oversightProvince,
  oversightCommune,
  oversightReport,
] as unknown as Scenario<never>[];
