/** Oversight dashboard (issue 6, point 1): the directive's indicators for a scope and period, with the previous period. */
import { z } from 'zod';

export const DashboardQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  organization: z.string().trim().min(1).max(20).optional(),
  /** '2026-11' (month), '2026-Q4' (quarter), '2026-H2' (half-year) or '2026' (year); default: this quarter */
  period: z.string().trim().max(10).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Every indicator of the dashboard, in display order. */
export const INDICATORS = [
  'people',
  'memberships',
  'awayMembers',
  'admitted',
  'left',
  'netChange',
  'branches',
  'complianceRate',
  'thematic',
  'attendanceRate',
  'awayAttendanceRate',
  'coverageRate',
  'coverageDifficultRate',
  'voiceReceived',
  'voiceResolved',
  'voiceOverdue',
  'voiceMedianDays',
  'branchCadres',
  'cadrePartyShare',
  'introducedToParty',
] as const;
export type Indicator = (typeof INDICATORS)[number];

const Num = z.number().nullable();
/** One figure: its value in the period and in the previous period (null: not defined, or live figure). */
export const Figure = z.object({ value: Num, previous: Num });
export type Figure = z.infer<typeof Figure>;
export const Figures = z.object(
  Object.fromEntries(INDICATORS.map((k) => [k, Figure])) as Record<Indicator, typeof Figure>,
);
export type Figures = z.infer<typeof Figures>;

/** What an indicator is and which rows it counts. */
export const Definition = z.object({
  key: z.enum(INDICATORS),
  label: z.string(),
  group: z.enum(['people', 'meetings', 'cadres', 'voice']),
  format: z.enum(['count', 'percent', 'days']),
  /**
   * true: a stock, taken at the end of the period (now while the period runs) and at the end of the previous one;
   * false: counted over each period
   */
  stock: z.boolean(),
  counts: z.string(),
});
export type Definition = z.infer<typeof Definition>;

const PeriodOut = z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() });

export const DashboardChild = z.object({
  unitId: z.number(),
  name: z.string(),
  level: z.string(),
  organizationCode: z.string(),
  figures: Figures,
});
export type DashboardChild = z.infer<typeof DashboardChild>;

export const Dashboard = z.object({
  period: PeriodOut,
  previous: PeriodOut,
  unit: z
    .object({ id: z.number(), name: z.string(), level: z.string(), parentId: z.number().nullable() })
    .nullable(),
  organization: z.string().nullable(),
  figures: Figures,
  children: z.array(DashboardChild),
  definitions: z.array(Definition),
  /**
   * The first day of the month from which members away and cadres are recorded month by month: their values at
   * the end of earlier months are unknown (null)
   */
  recordedFrom: z.string().nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;
