/** Implementation plans (issue 6, point 4): a commune or province unit's plan, its targets cascaded below. */
import { z } from 'zod';
import { IsoDate } from './organizations';
import { Definition, INDICATORS } from './oversight';

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} tối đa ${max} ký tự`).optional();

/** One target: an indicator of the oversight dashboard (rates 0..1) and the value to reach. */
export const TargetInput = z.object({
  indicator: z.string().trim().min(1, 'Chọn chỉ tiêu').max(40),
  target: z.number({ error: 'Nhập chỉ tiêu giao (một số)' }).finite(),
});
export type TargetInput = z.infer<typeof TargetInput>;

export const CreatePlanBody = z.object({
  unitId: z.number({ error: 'Chọn đơn vị' }).int().positive(),
  title: z.string().trim().min(1, 'Nhập tên kế hoạch').max(300, 'Tên kế hoạch tối đa 300 ký tự'),
  number: optionalText(100, 'Số kế hoạch'),
  issuedOn: IsoDate.optional(),
  /** a year (2026), half-year (2026-H2) or quarter (2026-Q4) key */
  periodKey: z.string().trim().min(1, 'Chọn kỳ của kế hoạch').max(10),
  body: optionalText(20_000, 'Nội dung'),
  targets: z.array(TargetInput).min(1, 'Giao ít nhất một chỉ tiêu').max(INDICATORS.length),
});
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

export const AdjustTargetBody = z.object({
  unitId: z.number({ error: 'Chọn đơn vị' }).int().positive(),
  indicator: z.string().trim().min(1, 'Chọn chỉ tiêu').max(40),
  target: z.number({ error: 'Nhập chỉ tiêu giao (một số)' }).finite(),
});
export type AdjustTargetBody = z.infer<typeof AdjustTargetBody>;

export const PlansQuery = z.object({ unitId: z.coerce.number().int().positive() });
export const PlanQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });

const Target = z.object({ indicator: z.enum(INDICATORS), target: z.number() });

export const PlanSummary = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  unitLevel: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodKey: z.string(),
  periodLabel: z.string(),
  body: z.string().nullable(),
  createdAt: z.string(),
  /** the targets at the unit asked about (the plan's own unit, or a unit it was cascaded to) */
  targets: z.array(Target),
  canManage: z.boolean(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;
export const PlanList = z.object({
  items: z.array(PlanSummary),
  /** the indicators a plan can target (the oversight dashboard's), for the form */
  indicators: z.array(Definition),
  /** the indicators where lower is better (a target is a ceiling) */
  lowerIsBetter: z.array(z.enum(INDICATORS)),
  /** whether the unit asked about can record a plan (commune or province level) and the actor may do it */
  canCreate: z.boolean(),
});
export type PlanList = z.infer<typeof PlanList>;

export const ProgressRow = z.object({
  indicator: z.enum(INDICATORS),
  label: z.string(),
  format: z.enum(['count', 'percent', 'days']),
  /** true: a lower actual value is better (e.g. overdue items): attained when actual ≤ target */
  lowerIsBetter: z.boolean(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  /** null when there is no target or no actual value */
  attained: z.boolean().nullable(),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

export const UnitProgress = z.object({
  unitId: z.number(),
  name: z.string(),
  level: z.string(),
  rows: z.array(ProgressRow),
});
export type UnitProgress = z.infer<typeof UnitProgress>;

export const PlanDetail = z.object({
  plan: PlanSummary,
  period: z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }),
  /** the unit whose progress is shown (the plan's unit, or the descendant asked for), then its direct children */
  unit: UnitProgress.extend({ parentId: z.number().nullable(), isPlanUnit: z.boolean() }),
  children: z.array(UnitProgress),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanDone = z.object({ id: z.number() });
