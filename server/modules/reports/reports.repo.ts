/** Reads and writes of periodic reports (unit_reports, unit_report_events). */
import { type SQL, sql } from 'drizzle-orm';
import type { Dashboard } from '../../../contracts/oversight';
import type { NarrativeSection, ReportStatus } from '../../../contracts/reports';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';

export interface ReportRow {
  id: number;
  unitId: number;
  periodKey: string;
  status: ReportStatus;
  number: string | null;
  place: string | null;
  signedOn: string | null;
  signerName: string | null;
  signerTitle: string | null;
  recipients: string | null;
  narrative: NarrativeSection[];
  figures: Dashboard | null;
  figuresAt: string | null;
  returnReason: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  approvedAt: string | null;
  lockedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const iso = (col: string) => sql.raw(`to_char(r.${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const COLUMNS = sql`r.id, r.unit_id as "unitId", r.period_key as "periodKey", r.status, r.number, r.place,
  r.signed_on::text as "signedOn", r.signer_name as "signerName", r.signer_title as "signerTitle", r.recipients,
  r.narrative, r.figures, ${iso('figures_at')} as "figuresAt", r.return_reason as "returnReason",
  ${iso('submitted_at')} as "submittedAt", r.submitted_by as "submittedBy", ${iso('approved_at')} as "approvedAt",
  ${iso('locked_at')} as "lockedAt", r.version, ${iso('created_at')} as "createdAt", ${iso('updated_at')} as "updatedAt"`;

export const findReport = (db: DbOrTx, id: number, lock = false) =>
  one<ReportRow>(
    db,
    sql`select ${COLUMNS} from unit_reports r where r.id = ${id} ${lock ? sql`for update` : sql``}`,
  );

export const findReportOf = (db: DbOrTx, unitId: number, periodKey: string) =>
  one<{ id: number; status: ReportStatus }>(
    db,
    sql`select id, status from unit_reports where unit_id = ${unitId} and period_key = ${periodKey}`,
  );

export const listReports = (db: DbOrTx, unitId: number) =>
  rows<Pick<ReportRow, 'id' | 'periodKey' | 'status' | 'submittedAt' | 'updatedAt'>>(
    db,
    sql`select r.id, r.period_key as "periodKey", r.status, ${iso('submitted_at')} as "submittedAt",
      ${iso('updated_at')} as "updatedAt"
    from unit_reports r where r.unit_id = ${unitId} order by r.period_key desc, r.id desc`,
  );

export interface NewReport {
  unitId: number;
  periodKey: string;
  place: string | null;
  signerTitle: string;
  signerName: string | null;
  recipients: string;
  narrative: NarrativeSection[];
  createdBy: string;
  at: string;
}

/** Inserts a draft unless the unit already has a report of the period (then undefined). */
export const insertReport = (db: DbOrTx, r: NewReport) =>
  one<{ id: number }>(
    db,
    sql`insert into unit_reports (unit_id, period_key, place, signer_title, signer_name, recipients, narrative,
      created_by, created_at, updated_at)
    values (${r.unitId}, ${r.periodKey}, ${r.place}, ${r.signerTitle}, ${r.signerName}, ${r.recipients},
      ${JSON.stringify(r.narrative)}::jsonb, ${r.createdBy}, ${r.at}, ${r.at})
    on conflict (unit_id, period_key) do nothing returning id`,
  );

/** Applies `set` when the report is still at `version` (and in one of `statuses`); the new version, or undefined. */
export const updateReport = (db: DbOrTx, id: number, set: SQL, where: SQL, at: string) =>
  one<{ version: number }>(
    db,
    sql`update unit_reports set ${set}, version = version + 1, updated_at = ${at}
    where id = ${id} and ${where} returning version`,
  );

export const insertEvent = (
  db: DbOrTx,
  e: { reportId: number; action: string; reason?: string | null; actorId: string; at: string },
) =>
  db.execute(sql`insert into unit_report_events (report_id, action, reason, actor_id, at)
    values (${e.reportId}, ${e.action}, ${e.reason ?? null}, ${e.actorId}, ${e.at})`);

export const eventsOf = (db: DbOrTx, reportId: number) =>
  rows<{ id: number; action: string; reason: string | null; actorName: string | null; at: string }>(
    db,
    sql`select e.id, e.action, e.reason, u.name as "actorName",
      to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
    from unit_report_events e left join "user" u on u.id = e.actor_id
    where e.report_id = ${reportId} order by e.at, e.id`,
  );

/** The unit asked about and its direct active children in scope, each with its report of the period. */
export const overviewRows = (db: DbOrTx, unitId: number, periodKey: string, scope: SQL) =>
  rows<{
    unitId: number;
    name: string;
    level: string;
    self: boolean;
    reportId: number | null;
    status: ReportStatus | null;
    submittedAt: string | null;
  }>(
    db,
    sql`select u.id as "unitId", u.name, u.level, (u.id = ${unitId}) as self, r.id as "reportId", r.status,
      ${iso('submitted_at')} as "submittedAt"
    from units u left join unit_reports r on r.unit_id = u.id and r.period_key = ${periodKey}
    where (u.id = ${unitId} or (u.parent_id = ${unitId} and u.active)) and ${scope}
    order by (u.id = ${unitId}) desc, u.name, u.id`,
  );

/** What the printed header needs: the unit above, and the commune (or area) the unit is in. */
export const headingOf = (db: DbOrTx, unitId: number) =>
  one<{ parentName: string | null; orgName: string; communeName: string | null; areaName: string }>(
    db,
    sql`select pu.name as "parentName", o.name_vi as "orgName", a.name as "areaName",
        (select ca.name from areas ca where ca.kind in ('xa', 'phuong') and a.path <@ ca.path
          order by ca.level desc limit 1) as "communeName"
      from units u join organizations o on o.code = u.organization_code join areas a on a.id = u.area_id
      left join units pu on pu.id = u.parent_id
      where u.id = ${unitId}`,
  );

/** The unit's head (a live member holding a position that is not a deputy's), to sign its report by default. */
export const headOf = (db: DbOrTx, unitId: number) =>
  one<{ name: string }>(
    db,
    sql`select trim(p.family_name || ' ' || p.given_name) as name
      from memberships m join persons p on p.id = m.person_id
      where m.unit_id = ${unitId} and m.status = 'active' and m.position is not null
        and m.position not ilike '%phó%'
      order by m.id limit 1`,
  );
