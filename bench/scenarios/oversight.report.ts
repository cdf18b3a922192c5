/**
 * oversight.report: the province Đoàn's quarterly report (2026-Q3) as .docx, the way GET /api/reports/:id.docx
 * makes it (ReportsService.printable, then reportDocx), as the province Đoàn officer: while a draft (figures
 * computed now by the dashboard) and once submitted (figures frozen in the report row).
 * Setup creates the report through ReportsService.create (committed: the parts read it on the pool); the
 * report, its events and its audit rows are deleted after the timed rounds (and, should a run have died before,
 * at the next setup). Each part's untimed `before` puts the row in the part's state.
 * The floor reads the report row, its unit, parent and organization in one statement, takes the stored figures
 * (or, for the draft, the hand-written dashboard of oversight.floor.ts) and lays the document out with the same
 * reportDocx (the layout is the document's definition: the floor saves on the data, not on the layout).
 * Product and floor must give the same document: every part of the .docx is compared, except
 * docProps/core.xml (it holds the creation time).
 */
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Dashboard } from '../../contracts/oversight';
import type { ReportDetail } from '../../contracts/reports';
import type { Db } from '../../server/db/client';
import { one } from '../../server/db/query';
import { vietnamDay } from '../../server/lib/vn-time';
import { reportDocx } from '../../server/modules/reports/export-docx';
import { makeReportsService } from '../../server/modules/reports/reports.service';
import { communeRefs, ctxFor, SEED_DAY_CLOCK, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario, type ScenarioContext } from '../lib/scenario';
import { floorDashboard, periodsOf, QUARTER, underPath } from './oversight.floor';

const BENCH = 'bench-%';

/** Deletes the benchmark's report of the unit for the quarter, with its events and audit rows. */
async function removeReport(db: Db, unitId: number) {
  const r = await one<{ id: number; by: string }>(
    db,
    sql`select id, created_by as by from unit_reports where unit_id = ${unitId} and period_key = ${QUARTER}`,
  );
  if (!r) return;
  if (!r.by.startsWith('bench-')) {
    throw new Error(
      `oversight.report: unit ${unitId} already has a ${QUARTER} report (${r.id}) not made by the bench`,
    );
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from audit_log where entity_type = 'unit_report' and entity_id = ${String(r.id)}
      and actor_user_id like ${BENCH}`);
    await tx.execute(sql`delete from unit_report_events where report_id = ${r.id}`);
    await tx.execute(sql`delete from unit_reports where id = ${r.id}`);
  });
}

async function setup({ db }: BenchContext) {
  const refs = await communeRefs(db, 'DOAN');
  await removeReport(db, refs.provinceUnitId);
  const reports = makeReportsService({ db, clock: SEED_DAY_CLOCK });
  const officer = ctxFor(await unitActor(db, 'province_officer', refs.provinceUnitId));
  const { id } = await reports.create(officer, { unitId: refs.provinceUnitId, periodKey: QUARTER });
  const periods = await periodsOf(db, QUARTER);
  // The copy a submission would freeze (computed by the floor: the province scenario checks it is the product's).
  const frozen = await floorDashboard(db, underPath(refs.provinceUnitPath), refs.provinceUnitId, periods);
  return { refs, id, reports, officer, periods, frozen, status: 'draft' as 'draft' | 'submitted' };
}
type State = Awaited<ReturnType<typeof setup>>;
type Ctx = ScenarioContext<State>;

/** Puts the report in the part's state (untimed). */
async function toState(ctx: Ctx, status: State['status']) {
  const { db, state } = ctx;
  if (state.status === status) return;
  await db.execute(
    status === 'draft'
      ? sql`update unit_reports set status = 'draft', figures = null, figures_at = null, submitted_at = null,
          submitted_by = null where id = ${state.id}`
      : sql`update unit_reports set status = 'submitted', figures = ${JSON.stringify(state.frozen)}::jsonb,
          figures_at = now(), submitted_at = now(), submitted_by = ${state.officer.actor.userId} where id = ${state.id}`,
  );
  state.status = status;
}

/** The product path: what the .docx route does. */
async function product({ state }: Ctx) {
  const { report, heading, today } = await state.reports.printable(state.officer, state.id);
  return reportDocx(report, {
    parentName: heading.parentName ?? heading.orgName,
    unitName: report.unit.name,
    place: report.place ?? '',
    today,
  });
}

/** The floor: one statement for the report and its heading, the figures stored or from the floor's dashboard. */
async function floor({ db, state }: Ctx) {
  const r = await one<
    Pick<
      ReportDetail,
      'number' | 'place' | 'signedOn' | 'signerName' | 'signerTitle' | 'recipients' | 'narrative'
    > & { figures: Dashboard | null; unitName: string; heading: string }
  >(
    db,
    sql`select r.number, r.place, r.signed_on::text as "signedOn", r.signer_name as "signerName",
      r.signer_title as "signerTitle", r.recipients, r.narrative, r.figures, u.name as "unitName",
      coalesce(pu.name, o.name_vi) as heading
    from unit_reports r join units u on u.id = r.unit_id join organizations o on o.code = u.organization_code
      left join units pu on pu.id = u.parent_id
    where r.id = ${state.id}`,
  );
  if (!r) throw new Error('oversight.report: the report is gone');
  const d =
    r.figures ??
    (await floorDashboard(
      db,
      underPath(state.refs.provinceUnitPath),
      state.refs.provinceUnitId,
      state.periods,
    ));
  const detail = { ...r, ...d, unit: { name: r.unitName } } as unknown as ReportDetail;
  return reportDocx(detail, {
    parentName: r.heading,
    unitName: r.unitName,
    place: r.place ?? '',
    today: vietnamDay(SEED_DAY_CLOCK.now()),
  });
}

/** Every part of the document but docProps/core.xml (its timestamps), as text. */
async function canonicalDocx(_ctx: Ctx, result: unknown) {
  const zip = await JSZip.loadAsync(result as Buffer);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name];
    if (!f || f.dir || name === 'docProps/core.xml') continue;
    parts[name] = await f.async('string');
  }
  return parts;
}

export default defineScenario({
  name: 'oversight.report',
  description: `province Đoàn quarterly report ${QUARTER} as .docx: draft (live figures) and submitted (frozen)`,
  setup,
  parts: [
    {
      label: 'draft: figures computed now',
      before: (ctx) => toState(ctx, 'draft'),
      run: product,
      floor,
      after: canonicalDocx,
    },
    {
      label: 'submitted: figures frozen',
      before: (ctx) => toState(ctx, 'submitted'),
      run: product,
      floor,
      after: canonicalDocx,
    },
  ],
  async extra(ctx) {
    // What the layout alone costs (the same for product and floor), then clean up.
    await toState(ctx, 'submitted');
    const { report, heading, today } = await ctx.state.reports.printable(ctx.state.officer, ctx.state.id);
    const t0 = performance.now();
    const buf = await reportDocx(report, {
      parentName: heading.parentName ?? heading.orgName,
      unitName: report.unit.name,
      place: report.place ?? '',
      today,
    });
    const layoutMs = Math.round((performance.now() - t0) * 10) / 10;
    await removeReport(ctx.db, ctx.state.refs.provinceUnitId);
    return {
      docx_kb: Math.round(buf.length / 102.4) / 10,
      layout_ms: layoutMs,
      children: report.children.length,
    };
  },
});
