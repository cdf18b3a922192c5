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
import { cadresRoutes } from './cadres/cadres.routes';
import { makeCadresService } from './cadres/cadres.service';
import { makeCoverageService } from './cadres/coverage.service';
import { checkinRoutes } from './checkin/checkin.routes';
import { makeCheckinService } from './checkin/checkin.service';
import { classificationRoutes } from './classification/classification.routes';
import { makeClassificationService } from './classification/classification.service';
import { complianceRoutes } from './compliance/compliance.routes';
import { makeComplianceService } from './compliance/compliance.service';
import { correctionsRoutes } from './corrections/corrections.routes';
import { makeCorrectionsService } from './corrections/corrections.service';
import { duplicatesRoutes } from './duplicates/duplicates.routes';
import { makeDuplicatesService } from './duplicates/duplicates.service';
import { filesRoutes } from './files/files.routes';
import { makeFilesService } from './files/files.service';
import { importsRoutes } from './imports/imports.routes';
import { makeImportsService } from './imports/imports.service';
import { lifecycleRoutes } from './lifecycle/lifecycle.routes';
import { makeLifecycleService } from './lifecycle/lifecycle.service';
import { meetingsRoutes } from './meetings/meetings.routes';
import { makeMeetingsService } from './meetings/meetings.service';
import { sheetRoutes } from './meetings/sheet.routes';
import { makeSheetService } from './meetings/sheet.service';
import { notificationsRoutes } from './notifications/notifications.routes';
import { makeNotificationsService } from './notifications/notifications.service';
import { organizationsRoutes } from './organizations/organizations.routes';
import { makeOrganizationsService } from './organizations/organizations.service';
import { outboxRoutes } from './outbox/outbox.routes';
import { makeOutboxService } from './outbox/outbox.service';
import { oversightRoutes } from './oversight/oversight.routes';
import { makeOversightService } from './oversight/oversight.service';
import { partyRoutes } from './party/party.routes';
import { makePartyService } from './party/party.service';
import { peopleRoutes } from './people/people.routes';
import { makePeopleService } from './people/people.service';
import { plansRoutes } from './plans/plans.routes';
import { makePlansService } from './plans/plans.service';
import { reportsRoutes } from './reports/reports.routes';
import { makeReportsService } from './reports/reports.service';
import { systemRoutes } from './system/system.routes';
import { themesRoutes } from './themes/themes.routes';
import { makeThemesService } from './themes/themes.service';
import { unitsRoutes } from './units/units.routes';
import { makeUnitsService } from './units/units.service';
import { makeVoiceServices } from './voice';
import { voiceRoutes } from './voice/voice.routes';

export interface ModuleDeps {
  db: Db;
  dbKind: DbKind;
  auth: Auth;
  clock: Clock;
  lockout: Lockout;
  /** the address members open (check-in QR codes) */
  publicUrl?: string;
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
  await app.register(importsRoutes(makeImportsService({ ...deps, log: app.log })));
  await app.register(auditRoutes(makeAuditService(deps)));
  await app.register(meetingsRoutes(makeMeetingsService(deps)));
  await app.register(complianceRoutes(makeComplianceService(deps)));
  await app.register(
    checkinRoutes(makeCheckinService({ ...deps, publicUrl: deps.publicUrl ?? 'http://localhost:3000' })),
  );
  await app.register(outboxRoutes(makeOutboxService(deps)));
  await app.register(filesRoutes(makeFilesService(deps)));
  await app.register(themesRoutes(makeThemesService(deps)));
  await app.register(
    sheetRoutes(makeSheetService({ ...deps, publicUrl: deps.publicUrl ?? 'http://localhost:3000' })),
  );
  await app.register(cadresRoutes(makeCadresService(deps), makeCoverageService(deps)));
  await app.register(notificationsRoutes(makeNotificationsService(deps)));
  await app.register(voiceRoutes(makeVoiceServices(deps)));
  await app.register(lifecycleRoutes(makeLifecycleService(deps)));
  await app.register(duplicatesRoutes(makeDuplicatesService(deps)));
  await app.register(correctionsRoutes(makeCorrectionsService(deps)));
  await app.register(oversightRoutes(makeOversightService(deps)));
  await app.register(reportsRoutes(makeReportsService(deps)));
  await app.register(classificationRoutes(makeClassificationService(deps)));
  await app.register(plansRoutes(makePlansService(deps)));
  await app.register(partyRoutes(makePartyService(deps)));
}
