import { type SQL, sql } from 'drizzle-orm';
import type { Dashboard } from '../../../contracts/oversight';
import type { CreateReportBody, PatchReportBody, ReportDetail } from '../../../contracts/reports';
import type { Db } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { vietnamDay } from '../../lib/vn-time';
import type { Action } from '../../policy/actions';
import { assertCan, can } from '../../policy/policy';
import { makeOversightService } from '../oversight/oversight.service';
import { findUnit } from '../units/units.repo';
import { makeReportOverview } from './reports.overview';
import {
  eventsOf,
  findReport,
  findReportOf,
  headingOf,
  headOf,
  insertEvent,
  insertReport,
  type ReportRow,
  updateReport,
} from './reports.repo';
import { DEFAULT_RECIPIENTS, defaultNarrative, signerTitle } from './text';
import {
  abilitiesOf,
  approverProblem,
  assertFrom,
  dueOn,
  refOf,
  reportPeriod,
  STATUS_LABEL,
  STEPS,
  type Step,
  subjectOf,
} from './workflow';

const READ = 'compliance.read';
const REPORT = 'Báo cáo';

export function makeReportsService({ db, clock }: { db: Db; clock: Clock }) {
  const oversight = makeOversightService({ db, clock });
  const nowIso = () => clock.now().toISOString();

  /** A unit the actor may read (compliance scope), else 404. */
  async function readableUnit(ctx: RequestContext, unitId: number, what = 'Đơn vị') {
    const u = await findUnit(db, unitId);
    if (!u || !can(ctx.actor, READ, subjectOf(u))) throw notFound(what);
    return u;
  }

  /** A report with its unit and parent, the unit readable by the actor (404 otherwise). */
  async function load(ctx: RequestContext, id: number) {
    const report = await findReport(db, id);
    if (!report) throw notFound(REPORT);
    const unit = await readableUnit(ctx, report.unitId, REPORT);
    const parent = unit.parentId === null ? undefined : await findUnit(db, unit.parentId);
    return { report, unit, parent: parent ?? null };
  }

  /** The figures of a report: frozen from submission on, computed now while a draft. */
  const figuresOf = (ctx: RequestContext, r: ReportRow): Promise<Dashboard> =>
    r.figures
      ? Promise.resolve(r.figures)
      : oversight.dashboard(ctx, { unitId: r.unitId, period: r.periodKey });

  async function detail(ctx: RequestContext, id: number): Promise<ReportDetail> {
    const { report: r, unit, parent } = await load(ctx, id);
    const period = reportPeriod(r.periodKey, 'periodKey');
    const [d, events] = await Promise.all([figuresOf(ctx, r), eventsOf(db, r.id)]);
    return {
      id: r.id,
      unit: {
        id: unit.id,
        name: unit.name,
        level: unit.level,
        organizationCode: unit.organizationCode,
        parentId: unit.parentId,
        parentName: parent?.name ?? null,
      },
      period: d.period,
      previous: d.previous,
      status: r.status,
      number: r.number,
      place: r.place,
      signedOn: r.signedOn,
      signerName: r.signerName,
      signerTitle: r.signerTitle,
      recipients: r.recipients,
      narrative: r.narrative,
      live: r.figures === null,
      figuresAt: r.figuresAt,
      figures: d.figures,
      children: d.children,
      definitions: d.definitions,
      returnReason: r.returnReason,
      submittedAt: r.submittedAt,
      approvedAt: r.approvedAt,
      lockedAt: r.lockedAt,
      dueOn: dueOn(period),
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      abilities: abilitiesOf(ctx.actor, r.status, refOf(unit), parent && refOf(parent), r.submittedBy),
      events,
    };
  }

  /** One workflow step in one transaction: the state change, its event and its audit row. */
  async function step(
    ctx: RequestContext,
    id: number,
    action: Action,
    s: Step,
    set: (at: string, report: ReportRow) => Promise<SQL> | SQL,
    reason: string | null = null,
  ) {
    assertCan(ctx.actor, action);
    const { report, unit, parent } = await load(ctx, id);
    assertCan(ctx.actor, action, subjectOf(unit), REPORT);
    if (action === 'report.approve') {
      const problem = approverProblem(ctx.actor, refOf(unit), parent && refOf(parent), report.submittedBy);
      if (problem) throw forbidden(problem);
    }
    assertFrom(s, report.status);
    const at = nowIso();
    const changes = await set(at, report);
    await db.transaction(async (tx) => {
      const from = sql`status in (${sql.join(
        s.from.map((f) => sql`${f}`),
        sql`, `,
      )})`;
      const done = await updateReport(tx, id, sql`status = ${s.to}, ${changes}`, from, at);
      if (!done) {
        const now = await findReport(tx, id);
        assertFrom(s, now?.status ?? report.status);
        throw conflict('Báo cáo vừa thay đổi. Tải lại trang rồi thử lại.');
      }
      await insertEvent(tx, { reportId: id, action: s.event, reason, actorId: ctx.actor.userId, at });
      await writeAudit(tx, ctx, {
        action: `report.${s.event}`,
        entityType: 'unit_report',
        entityId: id,
        before: { status: report.status, version: report.version },
        after: { status: s.to, version: done.version, ...(reason ? { reason } : {}) },
      });
    });
    return detail(ctx, id);
  }

  return {
    ...makeReportOverview({ db, clock }),
    detail(ctx: RequestContext, id: number) {
      assertCan(ctx.actor, READ);
      return detail(ctx, id);
    },

    /** A unit's draft report for a period, pre-filled from the dashboard's figures. */
    async create(ctx: RequestContext, body: CreateReportBody) {
      assertCan(ctx.actor, 'report.write');
      const period = reportPeriod(body.periodKey, 'body.periodKey');
      const today = vietnamDay(clock.now());
      if (period.start > today) {
        throw invalid(`${period.label} chưa bắt đầu; chỉ lập báo cáo cho kỳ đang diễn ra hoặc đã qua.`, [
          { field: 'body.periodKey' },
        ]);
      }
      const unit = await readableUnit(ctx, body.unitId);
      assertCan(ctx.actor, 'report.write', subjectOf(unit), 'Đơn vị');
      const existing = await findReportOf(db, unit.id, period.key);
      const exists = (rid: number) =>
        conflict(`${unit.name} đã có báo cáo ${period.label} (báo cáo số ${rid}). Mở báo cáo đó để sửa.`, {
          reportId: rid,
        });
      if (existing) throw exists(existing.id);
      const d = await oversight.dashboard(ctx, { unitId: unit.id, period: period.key });
      const h = await headingOf(db, unit.id);
      const head = await headOf(db, unit.id);
      const at = nowIso();
      const id = await db.transaction(async (tx) => {
        const row = await insertReport(tx, {
          unitId: unit.id,
          periodKey: period.key,
          place: (h?.communeName ?? h?.areaName ?? unit.areaName).replace(/^(Xã|Phường|Thị trấn|Tỉnh) /, ''),
          signerTitle: signerTitle(unit.organizationCode, unit.level),
          signerName: head?.name ?? null,
          recipients: DEFAULT_RECIPIENTS,
          narrative: defaultNarrative(d, unit.organizationCode, unit.name),
          createdBy: ctx.actor.userId,
          at,
        });
        if (!row) throw exists((await findReportOf(tx, unit.id, period.key))?.id ?? 0);
        await insertEvent(tx, { reportId: row.id, action: 'created', actorId: ctx.actor.userId, at });
        await writeAudit(tx, ctx, {
          action: 'report.create',
          entityType: 'unit_report',
          entityId: row.id,
          after: { unitId: unit.id, periodKey: period.key },
        });
        return row.id;
      });
      return { id };
    },

    /** Edits a draft's metadata and narrative (optimistic concurrency on `version`). */
    async patch(ctx: RequestContext, id: number, b: PatchReportBody) {
      assertCan(ctx.actor, 'report.write');
      const { report, unit } = await load(ctx, id);
      assertCan(ctx.actor, 'report.write', subjectOf(unit), REPORT);
      if (report.status !== 'draft') {
        throw conflict(
          `Báo cáo đang ở trạng thái «${STATUS_LABEL[report.status]}»; chỉ sửa được khi ở trạng thái Nháp (cấp trên trả lại thì sửa được).`,
          { status: report.status },
        );
      }
      const stale = (v: number) =>
        conflict(
          `Báo cáo vừa được người khác sửa (phiên bản hiện tại ${v}, bạn đang sửa phiên bản ${b.version}). Tải lại trang để xem thay đổi rồi sửa lại.`,
          { version: v },
        );
      if (report.version !== b.version) throw stale(report.version);
      const sets: SQL[] = [];
      const cols = {
        number: 'number',
        place: 'place',
        signedOn: 'signed_on',
        signerName: 'signer_name',
        signerTitle: 'signer_title',
        recipients: 'recipients',
      } as const;
      const changed: string[] = [];
      for (const [k, col] of Object.entries(cols) as [keyof typeof cols, string][]) {
        const v = b[k];
        if (v === undefined) continue;
        sets.push(sql`${sql.raw(col)} = ${v === '' ? null : v}`);
        changed.push(k);
      }
      if (b.narrative !== undefined) {
        sets.push(sql`narrative = ${JSON.stringify(b.narrative)}::jsonb`);
        changed.push('narrative');
      }
      if (sets.length === 0) return detail(ctx, id);
      const at = nowIso();
      await db.transaction(async (tx) => {
        const done = await updateReport(
          tx,
          id,
          sql.join(sets, sql`, `),
          sql`version = ${b.version} and status = 'draft'`,
          at,
        );
        if (!done) throw stale((await findReport(tx, id))?.version ?? b.version);
        await insertEvent(tx, { reportId: id, action: 'edited', actorId: ctx.actor.userId, at });
        await writeAudit(tx, ctx, {
          action: 'report.edit',
          entityType: 'unit_report',
          entityId: id,
          before: { version: report.version },
          after: { version: done.version, changed },
        });
      });
      return detail(ctx, id);
    },

    /** Submits a draft; the figures are frozen now and never recomputed afterwards. */
    submit(ctx: RequestContext, id: number) {
      return step(ctx, id, 'report.write', STEPS.submit, async (at, r) => {
        if (!r.signerName?.trim()) {
          throw invalid('Báo cáo chưa có họ tên người ký. Hãy điền mục «Người ký» (họ tên) rồi gửi lại.', [
            { field: 'signerName' },
          ]);
        }
        const d = await oversight.dashboard(ctx, { unitId: r.unitId, period: r.periodKey });
        return sql`figures = ${JSON.stringify(d)}::jsonb, figures_at = ${at}, submitted_at = ${at},
          submitted_by = ${ctx.actor.userId}, return_reason = null`;
      });
    },
    /** Back to draft with a reason; the figures are live again until the next submission. */
    returnReport(ctx: RequestContext, id: number, reason: string) {
      return step(
        ctx,
        id,
        'report.approve',
        STEPS.return,
        () => sql`figures = null, figures_at = null, return_reason = ${reason}, approved_at = null,
          approved_by = null`,
        reason,
      );
    },
    approve(ctx: RequestContext, id: number) {
      return step(
        ctx,
        id,
        'report.approve',
        STEPS.approve,
        (at) => sql`approved_at = ${at}, approved_by = ${ctx.actor.userId}`,
      );
    },
    lock(ctx: RequestContext, id: number) {
      return step(
        ctx,
        id,
        'report.approve',
        STEPS.lock,
        (at) => sql`locked_at = ${at}, locked_by = ${ctx.actor.userId}`,
      );
    },

    /** What the exports print: the detail and the header's issuing body. */
    async printable(ctx: RequestContext, id: number) {
      assertCan(ctx.actor, READ);
      const d = await detail(ctx, id);
      const h = await headingOf(db, d.unit.id);
      if (!h) throw notFound(REPORT);
      return { report: d, heading: h, today: vietnamDay(clock.now()) };
    },
  };
}
export type ReportsService = ReturnType<typeof makeReportsService>;
