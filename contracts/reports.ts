/** Periodic reports (issue 6, point 2): a unit's quarterly, six-month and annual report and its workflow. */
import { z } from 'zod';
import { DashboardChild, Definition, Figures } from './oversight';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'locked'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** Quarter '2026-Q4', half-year '2026-H2' or year '2026' (months are refused by the service, in Vietnamese). */
const PeriodKey = z.string().trim().min(4).max(10);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd.');

export const CreateReportBody = z.object({
  unitId: z.number().int().positive(),
  periodKey: PeriodKey,
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

export const NarrativeSection = z.object({
  key: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  text: z.string().max(20_000),
});
export type NarrativeSection = z.infer<typeof NarrativeSection>;

/** Edits of a draft; `version` is the one the editor read (a stale one answers 409). */
export const PatchReportBody = z.object({
  version: z.number().int().positive(),
  number: z.string().trim().max(60).nullable().optional(),
  place: z.string().trim().max(120).nullable().optional(),
  signedOn: Day.nullable().optional(),
  signerName: z.string().trim().max(120).nullable().optional(),
  signerTitle: z.string().trim().max(120).nullable().optional(),
  recipients: z.string().max(2000).nullable().optional(),
  narrative: z.array(NarrativeSection).max(20).optional(),
});
export type PatchReportBody = z.infer<typeof PatchReportBody>;

export const ReturnReportBody = z.object({
  reason: z.string().trim().min(1, 'Nhập lý do trả lại để đơn vị biết cần sửa gì.').max(2000),
});
export type ReturnReportBody = z.infer<typeof ReturnReportBody>;

export const ReportIdParam = z.object({ id: z.coerce.number().int().positive() });

/** What the actor may do with the report now (sent with the data, so the page shows only what works). */
export const ReportAbilities = z.object({
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canApprove: z.boolean(),
  canReturn: z.boolean(),
  canLock: z.boolean(),
});
export type ReportAbilities = z.infer<typeof ReportAbilities>;

export const ReportEvent = z.object({
  id: z.number(),
  action: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

const PeriodOut = z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() });
const ReportUnit = z.object({
  id: z.number(),
  name: z.string(),
  level: z.string(),
  organizationCode: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
});

export const ReportDetail = z.object({
  id: z.number(),
  unit: ReportUnit,
  period: PeriodOut,
  previous: PeriodOut,
  status: ReportStatus,
  number: z.string().nullable(),
  place: z.string().nullable(),
  signedOn: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  recipients: z.string().nullable(),
  narrative: z.array(NarrativeSection),
  /** true: figures computed now (draft); false: the copy frozen at submission */
  live: z.boolean(),
  figuresAt: z.string().nullable(),
  figures: Figures,
  children: z.array(DashboardChild),
  definitions: z.array(Definition),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  /** the last day to submit, 'yyyy-mm-dd' */
  dueOn: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: ReportAbilities,
  events: z.array(ReportEvent),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

export const ReportListQuery = z.object({ unitId: z.coerce.number().int().positive() });
export const ReportListItem = z.object({
  id: z.number(),
  periodKey: z.string(),
  periodLabel: z.string(),
  status: ReportStatus,
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const ReportList = z.object({ items: z.array(ReportListItem) });
export type ReportList = z.infer<typeof ReportList>;

export const OverviewQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  periodKey: PeriodKey,
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export const OverviewRow = z.object({
  unitId: z.number(),
  name: z.string(),
  level: z.string(),
  /** the unit asked about (its own report), not one of its children */
  self: z.boolean(),
  report: z.object({ id: z.number(), status: ReportStatus, submittedAt: z.string().nullable() }).nullable(),
  /** past the due date and no report at all */
  missing: z.boolean(),
  /** a report exists but was submitted after the due date, or is still not submitted after it */
  late: z.boolean(),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

export const Overview = z.object({
  unit: z.object({ id: z.number(), name: z.string(), level: z.string() }),
  period: PeriodOut,
  dueOn: z.string(),
  today: z.string(),
  /** may the actor create the unit's own report for this period */
  canCreate: z.boolean(),
  rows: z.array(OverviewRow),
});
export type Overview = z.infer<typeof Overview>;

export const CreatedReport = z.object({ id: z.number() });
