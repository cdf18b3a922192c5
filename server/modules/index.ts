import type { FastifyInstance } from 'fastify';
import type { Auth } from '../auth/auth';
import type { Lockout } from '../auth/lockout';
import type { Db, DbKind } from '../db/client';
import type { Clock } from '../lib/clock';
import { accountsRoutes } from './accounts/accounts.routes';
import { makeAccountsService } from './accounts/accounts.service';
import { areasRoutes } from './areas/areas.routes';
import { makeAreasService } from './areas/areas.service';
import { auditRoutes } from './audit/audit.routes';
import { makeAuditService } from './audit/audit.service';
import { complianceRoutes } from './compliance/compliance.routes';
import { makeComplianceService } from './compliance/compliance.service';
import { meetingsRoutes } from './meetings/meetings.routes';
import { makeMeetingsService } from './meetings/meetings.service';
import { organizationsRoutes } from './organizations/organizations.routes';
import { makeOrganizationsService } from './organizations/organizations.service';
import { peopleRoutes } from './people/people.routes';
import { makePeopleService } from './people/people.service';
import { systemRoutes } from './system/system.routes';
import { unitsRoutes } from './units/units.routes';
import { makeUnitsService } from './units/units.service';

export interface ModuleDeps {
  db: Db;
  dbKind: DbKind;
  auth: Auth;
  clock: Clock;
  lockout: Lockout;
}

/** Wires each module's service and routes. One line per module. */
export async function registerModules(app: FastifyInstance, deps: ModuleDeps) {
  const units = makeUnitsService(deps);
  await app.register(systemRoutes({ kind: deps.dbKind }));
  await app.register(unitsRoutes(units));
  await app.register(accountsRoutes(makeAccountsService(deps)));
  await app.register(organizationsRoutes(makeOrganizationsService(deps)));
  await app.register(areasRoutes(makeAreasService(deps)));
  await app.register(peopleRoutes(makePeopleService(deps)));
  await app.register(auditRoutes(makeAuditService(deps)));
  await app.register(meetingsRoutes(makeMeetingsService(deps)));
  await app.register(complianceRoutes(makeComplianceService(deps)));
}
