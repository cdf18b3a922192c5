import { z } from 'zod';

/** Higher-level cadres attending branch meetings (cán bộ dự sinh hoạt) and the coverage view. */
export const CADRE_STATUSES = ['assigned', 'attended', 'absent'] as const;
export type CadreStatus = (typeof CADRE_STATUSES)[number];

export const AssignCadreBody = z.object({
  /** the colleague to assign; omitted = the caller assigns themself */
  userId: z.string().trim().min(1).max(100).optional(),
});
export type AssignCadreBody = z.infer<typeof AssignCadreBody>;

export const RecordCadreBody = z.object({
  status: z.enum(['attended', 'absent'], {
    error: 'Trạng thái phải là "attended" (đã dự) hoặc "absent" (vắng)',
  }),
  note: z.string().trim().max(1000, 'Ghi chú tối đa 1000 ký tự').nullable().optional(),
});
export type RecordCadreBody = z.infer<typeof RecordCadreBody>;

export const MeetingCadre = z.object({
  id: z.number(),
  meetingId: z.number(),
  userId: z.string(),
  cadreName: z.string(),
  fromUnitId: z.number().nullable(),
  fromUnitName: z.string().nullable(),
  status: z.enum(CADRE_STATUSES),
  note: z.string().nullable(),
  assignedByName: z.string().nullable(),
  recordedAt: z.string().nullable(),
  /** what the caller may do with this row */
  abilities: z.object({ record: z.boolean(), remove: z.boolean() }),
});
export type MeetingCadre = z.infer<typeof MeetingCadre>;

export const MeetingCadreList = z.object({
  items: z.array(MeetingCadre),
  abilities: z.object({
    /** the caller is a commune/province officer covering the branch and not yet assigned */
    assignSelf: z.boolean(),
    /** the caller may assign colleagues */
    assign: z.boolean(),
  }),
});
export type MeetingCadreList = z.infer<typeof MeetingCadreList>;

export const CadreCandidate = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  fromUnitId: z.number().nullable(),
  fromUnitName: z.string().nullable(),
  assigned: z.boolean(),
});
export const CadreCandidateList = z.object({ items: z.array(CadreCandidate) });
export type CadreCandidate = z.infer<typeof CadreCandidate>;

export const CadreVisit = z.object({
  id: z.number(),
  meetingId: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  scheduledAt: z.string(),
  place: z.string().nullable(),
  meetingStatus: z.enum(['planned', 'held', 'locked']),
  status: z.enum(CADRE_STATUSES),
  upcoming: z.boolean(),
});
export const CadreVisitList = z.object({ items: z.array(CadreVisit) });
export type CadreVisit = z.infer<typeof CadreVisit>;

export const COVERAGE_MONTHS = [3, 6, 12] as const;
export const CoverageQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  months: z.coerce.number().int().min(1, 'Số tháng từ 1 đến 24').max(24, 'Số tháng từ 1 đến 24').default(6),
});

export const CoverageRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  parentName: z.string().nullable(),
  organizationCode: z.string(),
  difficultArea: z.boolean(),
  /** scheduled time of the last held meeting a higher-level cadre attended (ever), or null */
  lastVisitAt: z.string().nullable(),
  /** held meetings with an attending cadre inside the window */
  visits: z.number(),
  covered: z.boolean(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

const Counts = z.object({ total: z.number(), covered: z.number(), notCovered: z.number() });
export const CoverageReport = z.object({
  window: z.object({ months: z.number(), from: z.string(), to: z.string() }),
  summary: Counts.extend({ difficult: Counts }),
  rows: z.array(CoverageRow),
});
export type CoverageReport = z.infer<typeof CoverageReport>;
