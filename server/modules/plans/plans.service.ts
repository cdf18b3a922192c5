import { sql } from 'drizzle-orm';
import { INDICATORS, type Indicator } from '../../../contracts/oversight';
import type {
  AdjustTargetBody,
  CreatePlanBody,
  PlanDetail,
  PlanList,
  PlanSummary,
  ProgressRow,
} from '../../../contracts/plans';
import type { Db } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { invalid, notFound } from '../../lib/errors';
import { assertCan, can, type UnitSubject } from '../../policy/policy';
import { parsePeriodKey } from '../meetings/periods';
import { DEFINITIONS } from '../oversight/definitions';
import { makeOversightService } from '../oversight/oversight.service';
import { findUnit } from '../units/units.repo';
import { attained, checkTarget, DEFINITION_OF, LOWER_IS_BETTER } from './indicators';
import {
  cascadeTargets,
  deletePlan,
  findPlan,
  insertPlan,
  type PlanRow,
  plansFor,
  type TargetRow,
  targetsOf,
  unitWithin,
  upsertTarget,
} from './plans.repo';

const UNIT = 'Đơn vị';
const PLAN = 'Kế hoạch';
const READ = 'compliance.read';
const MANAGE = 'oversight.manage';
const BAD_PERIOD = 'Kỳ của kế hoạch không hợp lệ: chọn năm (2026), 6 tháng (2026-H2) hoặc quý (2026-Q4).';

const subjectOf = (u: { path: string; organizationCode: string; areaPath: string }): UnitSubject => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});
const planSubject = (p: PlanRow) =>
  subjectOf({ path: p.unitPath, organizationCode: p.organizationCode, areaPath: p.areaPath });
const nul = (s: string | undefined) => (s ? s : null);
const order = (i: string) => INDICATORS.indexOf(i as Indicator);

export function makePlansService({ db, clock }: { db: Db; clock: Clock }) {
  const oversight = makeOversightService({ db, clock });

  /** A plan whose unit the actor may manage: 404 when they cannot see it, 403 when they only read it. */
  async function managedPlan(ctx: RequestContext, id: number): Promise<PlanRow> {
    const p = await findPlan(db, id);
    if (!p) throw notFound(PLAN);
    assertCan(ctx.actor, MANAGE, planSubject(p), PLAN);
    return p;
  }

  const summary = (ctx: RequestContext, p: PlanRow, targets: TargetRow[]): PlanSummary => ({
    id: p.id,
    unitId: p.unitId,
    unitName: p.unitName,
    unitLevel: p.unitLevel,
    title: p.title,
    number: p.number,
    issuedOn: p.issuedOn,
    periodKey: p.periodKey,
    periodLabel: parsePeriodKey(p.periodKey)?.label ?? p.periodKey,
    body: p.body,
    createdAt: new Date(p.createdAt).toISOString(),
    targets: targets
      .filter((t) => t.planId === p.id)
      .sort((a, b) => order(a.indicator) - order(b.indicator))
      .map((t) => ({ indicator: t.indicator as Indicator, target: t.target })),
    canManage: can(ctx.actor, MANAGE, planSubject(p)),
  });

  const progressRows = (
    indicators: readonly Indicator[],
    targets: TargetRow[],
    unitId: number,
    figures: Record<Indicator, { value: number | null }>,
  ): ProgressRow[] =>
    indicators.map((k) => {
      const def = DEFINITION_OF[k];
      const target = targets.find((t) => t.unitId === unitId && t.indicator === k)?.target ?? null;
      const actual = figures[k].value;
      return {
        indicator: k,
        label: def.label,
        format: def.format,
        lowerIsBetter: LOWER_IS_BETTER[k] === true,
        target,
        actual,
        attained: attained(k, target, actual),
      };
    });

  return {
    async create(ctx: RequestContext, b: CreatePlanBody) {
      assertCan(ctx.actor, MANAGE);
      const unit = await findUnit(db, b.unitId);
      if (!unit) throw notFound(UNIT);
      assertCan(ctx.actor, MANAGE, subjectOf(unit), UNIT);
      if (unit.level !== 'grassroots' && unit.level !== 'province')
        throw invalid('Kế hoạch chỉ lập ở cấp xã hoặc tỉnh: chọn đơn vị cơ sở (xã) hoặc tỉnh.', [
          { field: 'body.unitId' },
        ]);
      if (!unit.active) throw invalid('Đơn vị đã ngừng hoạt động: chọn đơn vị đang hoạt động.');
      const period = parsePeriodKey(b.periodKey);
      if (!period || ![3, 6, 12].includes(period.months))
        throw invalid(BAD_PERIOD, [{ field: 'body.periodKey' }]);
      const seen = new Set<string>();
      const targets = b.targets.map((t, i) => {
        const indicator = checkTarget(t.indicator, t.target, `body.targets.${i}`);
        if (seen.has(indicator))
          throw invalid(`Chỉ tiêu "${DEFINITION_OF[indicator].label}" được giao hai lần: bỏ một dòng.`, [
            { field: `body.targets.${i}` },
          ]);
        seen.add(indicator);
        return { indicator, target: t.target };
      });
      return db.transaction(async (tx) => {
        const id = await insertPlan(tx, {
          unitId: unit.id,
          title: b.title,
          number: nul(b.number),
          issuedOn: b.issuedOn ?? null,
          periodKey: period.key,
          body: nul(b.body),
          createdBy: ctx.actor.userId,
        });
        const written = await cascadeTargets(tx, id, unit.id, unit.path, targets);
        await writeAudit(tx, ctx, {
          action: 'plan.create',
          entityType: 'implementation_plan',
          entityId: id,
          after: { unitId: unit.id, title: b.title, periodKey: period.key, targets, cascadedRows: written },
        });
        return { id };
      });
    },

    /** Plans of a unit and of the units above it that cascaded targets to it, with the targets at this unit. */
    async list(ctx: RequestContext, unitId: number): Promise<PlanList> {
      assertCan(ctx.actor, READ);
      const unit = await findUnit(db, unitId);
      if (!unit || !can(ctx.actor, READ, subjectOf(unit))) throw notFound(UNIT);
      const plans = await plansFor(db, unit.id, unit.path);
      const targets = await targetsOf(
        db,
        plans.map((p) => p.id),
        [unit.id],
      );
      return {
        items: plans.map((p) => summary(ctx, p, targets)),
        indicators: DEFINITIONS,
        lowerIsBetter: INDICATORS.filter((k) => LOWER_IS_BETTER[k]),
        canCreate:
          unit.active &&
          (unit.level === 'grassroots' || unit.level === 'province') &&
          can(ctx.actor, MANAGE, subjectOf(unit)),
      };
    },

    /**
     * Progress of a plan at its unit (or at `unitId` below it) and at that unit's direct children: each target
     * beside the actual value the oversight dashboard computes for the plan's period.
     */
    async progress(ctx: RequestContext, id: number, unitId?: number): Promise<PlanDetail> {
      assertCan(ctx.actor, READ);
      const p = await findPlan(db, id);
      if (!p) throw notFound(PLAN);
      // Readable through the unit shown: the plan's own, or (unitId) one below it the actor may read.
      const at = await unitWithin(db, unitId ?? p.unitId, sql`u.path <@ ${p.unitPath}::ltree`);
      const atUnit = at && (await findUnit(db, at.id));
      if (!atUnit || !can(ctx.actor, READ, subjectOf(atUnit))) throw notFound(unitId ? UNIT : PLAN);
      const dash = await oversight.dashboard(ctx, { unitId: atUnit.id, period: p.periodKey });
      const targets = await targetsOf(db, [p.id], [atUnit.id, ...dash.children.map((c) => c.unitId)]);
      const planIndicators = (await targetsOf(db, [p.id], [p.unitId])).map((t) => t.indicator);
      const indicators = INDICATORS.filter(
        (k) => planIndicators.includes(k) || targets.some((t) => t.indicator === k),
      );
      const own = targets.filter((t) => t.unitId === atUnit.id);
      return {
        plan: summary(ctx, p, own),
        period: dash.period,
        unit: {
          unitId: atUnit.id,
          name: atUnit.name,
          level: atUnit.level,
          parentId: atUnit.id === p.unitId ? null : atUnit.parentId,
          isPlanUnit: atUnit.id === p.unitId,
          rows: progressRows(indicators, targets, atUnit.id, dash.figures),
        },
        children: dash.children.map((c) => ({
          unitId: c.unitId,
          name: c.name,
          level: c.level,
          rows: progressRows(indicators, targets, c.unitId, c.figures),
        })),
      };
    },

    /** Sets one unit's target (a unit in the plan's subtree, down to the branches). */
    async adjust(ctx: RequestContext, id: number, b: AdjustTargetBody) {
      assertCan(ctx.actor, MANAGE);
      const p = await managedPlan(ctx, id);
      const indicator = checkTarget(b.indicator, b.target, 'body.target');
      const planTargets = await targetsOf(db, [p.id], [p.unitId]);
      if (!planTargets.some((t) => t.indicator === indicator))
        throw invalid(
          `Kế hoạch không giao chỉ tiêu "${DEFINITION_OF[indicator].label}": chọn một chỉ tiêu của kế hoạch.`,
          [{ field: 'body.indicator' }],
        );
      // A unit the actor cannot see answers 404 (existence hidden), as everywhere; a visible one outside the plan 400.
      const seen = await findUnit(db, b.unitId);
      if (!seen || !can(ctx.actor, READ, subjectOf(seen))) throw notFound(UNIT);
      const unit = await unitWithin(db, b.unitId, sql`u.path <@ ${p.unitPath}::ltree`);
      if (!unit?.active || unit.level === 'group')
        throw invalid(
          'Đơn vị không thuộc phạm vi của kế hoạch (đơn vị lập kế hoạch và các đơn vị cấp dưới).',
          [{ field: 'body.unitId' }],
        );
      const before = (await targetsOf(db, [p.id], [unit.id])).find((t) => t.indicator === indicator);
      return db.transaction(async (tx) => {
        await upsertTarget(tx, { planId: p.id, unitId: unit.id, indicator, target: b.target });
        await writeAudit(tx, ctx, {
          action: 'plan.target',
          entityType: 'implementation_plan',
          entityId: p.id,
          before: before ? { unitId: unit.id, indicator, target: before.target } : null,
          after: { unitId: unit.id, indicator, target: b.target },
        });
        return { id: p.id };
      });
    },

    async remove(ctx: RequestContext, id: number) {
      assertCan(ctx.actor, MANAGE);
      const p = await managedPlan(ctx, id);
      return db.transaction(async (tx) => {
        await deletePlan(tx, p.id);
        await writeAudit(tx, ctx, {
          action: 'plan.delete',
          entityType: 'implementation_plan',
          entityId: p.id,
          before: { unitId: p.unitId, title: p.title, periodKey: p.periodKey },
        });
        return { id: p.id };
      });
    },
  };
}
export type PlansService = ReturnType<typeof makePlansService>;
