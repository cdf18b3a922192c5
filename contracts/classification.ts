/** Yearly classification of branches (xếp loại, issue 6 point 3; DOMAIN.md §5). */
import { z } from 'zod';

/**
 * The metrics a criterion can read, each computed for a branch and a year:
 * - rhythmShare: share of the year's months in which the branch met its meeting rhythm (0–1);
 * - attendanceRate: Σattended / Σinvited over the year's held meetings (0–1);
 * - thematic: thematic meetings held;
 * - admitted: new memberships with joined_on in the year;
 * - partyIntroduced: members introduced to the Party (stage 'introduced') in the year;
 * - voiceOnTime: share of the opinions raised at the branch in the year answered with no step past its deadline (0–1).
 */
export const METRICS = [
  'rhythmShare',
  'attendanceRate',
  'thematic',
  'admitted',
  'partyIntroduced',
  'voiceOnTime',
] as const;
export type Metric = (typeof METRICS)[number];
/** Metrics that are shares (0–1); the others are counts. */
export const RATE_METRICS: readonly Metric[] = ['rhythmShare', 'attendanceRate', 'voiceOnTime'];

export const Metrics = z.object(
  Object.fromEntries(METRICS.map((k) => [k, z.number().nullable()])) as Record<
    Metric,
    z.ZodNullable<z.ZodNumber>
  >,
);
export type Metrics = z.infer<typeof Metrics>;

const Code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,29}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới');

/** A level, best first in the scheme. */
export const Level = z.object({ code: Code, name: z.string().trim().min(1).max(80) });
export type Level = z.infer<typeof Level>;

/** A criterion: a metric and the minimum each level (all but the last) needs. */
export const Criterion = z.object({
  key: Code,
  label: z.string().trim().min(1).max(120),
  metric: z.enum(METRICS),
  thresholds: z.record(z.string(), z.number().min(0).max(100_000)),
});
export type Criterion = z.infer<typeof Criterion>;

export const SchemeBody = z.object({
  levels: z.array(Level).min(2).max(6),
  criteria: z.array(Criterion).min(1).max(20),
});
export type SchemeBody = z.infer<typeof SchemeBody>;

export const Scheme = SchemeBody.extend({
  organizationCode: z.string(),
  /** true: no saved scheme, these are the configurable defaults */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Scheme = z.infer<typeof Scheme>;

export const OrganizationParam = z.object({ organization: z.string().trim().min(1).max(20) });

/** Why a proposal is what it is: one criterion against one level's threshold. */
export const Reason = z.object({
  criterion: z.string(),
  label: z.string(),
  metric: z.enum(METRICS),
  value: z.number().nullable(),
  needed: z.number(),
  level: z.string(),
  met: z.boolean(),
  /** the reason in Vietnamese, e.g. "Chưa đạt mức «…»: Tỷ lệ … 75% (cần từ 90%)" */
  text: z.string(),
});
export type Reason = z.infer<typeof Reason>;

const Year = z.coerce.number().int().min(2000).max(2100);

export const ProposeBody = z.object({ unitId: z.number().int().positive(), year: Year });
export type ProposeBody = z.infer<typeof ProposeBody>;

export const ProposeResult = z.object({
  year: z.number(),
  /** active branches below the unit */
  branches: z.number(),
  created: z.number(),
  updated: z.number(),
  /** of the updated ones, those whose confirmed level was kept */
  keptConfirmed: z.number(),
});
export type ProposeResult = z.infer<typeof ProposeResult>;

export const ListQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  year: Year.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  /** rows whose level (confirmed, or else proposed) is this code */
  level: z.string().trim().max(30).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const ClassificationRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  parentName: z.string().nullable(),
  metrics: Metrics.nullable(),
  proposedLevel: z.string().nullable(),
  reasons: z.array(Reason),
  level: z.string().nullable(),
  overrideReason: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  proposedAt: z.string().nullable(),
});
export type ClassificationRow = z.infer<typeof ClassificationRow>;

/** Branches per level: confirmed, and proposed but not yet confirmed. */
export const Distribution = z.object({
  branches: z.number(),
  /** branches with no proposal yet */
  unproposed: z.number(),
  levels: z.array(
    z.object({ code: z.string(), name: z.string(), confirmed: z.number(), proposed: z.number() }),
  ),
});
export type Distribution = z.infer<typeof Distribution>;

export const ClassificationList = z.object({
  year: z.number(),
  unit: z.object({ id: z.number(), name: z.string(), level: z.string(), parentId: z.number().nullable() }),
  organizationCode: z.string(),
  levels: z.array(Level),
  criteria: z.array(Criterion),
  rows: z.array(ClassificationRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  distribution: Distribution,
  children: z.array(Distribution.extend({ unitId: z.number(), name: z.string() })),
});
export type ClassificationList = z.infer<typeof ClassificationList>;

export const ConfirmParams = z.object({
  unitId: z.coerce.number().int().positive(),
  year: Year,
});
export const ConfirmBody = z.object({
  level: z.string().trim().min(1).max(30),
  reason: z.string().trim().max(1000).optional(),
});
export type ConfirmBody = z.infer<typeof ConfirmBody>;

export const ConfirmResult = ClassificationRow;

export const BatchBody = ProposeBody;
export const BatchResult = z.object({ year: z.number(), confirmed: z.number() });
export type BatchResult = z.infer<typeof BatchResult>;
