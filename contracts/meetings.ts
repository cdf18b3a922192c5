import { z } from 'zod';

export const MEETING_KINDS = ['regular', 'thematic', 'extraordinary'] as const;
export const MEETING_MODES = ['in_person', 'online', 'hybrid'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'locked'] as const;
export const ATTENDANCE_STATUSES = [
  'unknown',
  'present',
  'online',
  'absent_excused',
  'absent_unexcused',
] as const;
export const COMPLIANCE_STATUSES = ['met', 'missed', 'pending'] as const;

export const MeetingIdParam = z.object({ id: z.coerce.number().int().positive() });
export const UnitMeetingsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const isoDateTime = z.iso.datetime({ offset: true, error: 'Thời gian phải theo định dạng ISO 8601' });
const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
const link = z
  .string()
  .trim()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Đường dẫn họp trực tuyến phải là địa chỉ http/https');

export const AttendanceCounts = z.object({
  invited: z.number(),
  present: z.number(),
  online: z.number(),
  absentExcused: z.number(),
  absentUnexcused: z.number(),
});
export type AttendanceCounts = z.infer<typeof AttendanceCounts>;

export const MeetingSummary = AttendanceCounts.extend({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  kind: z.enum(MEETING_KINDS),
  periodKey: z.string(),
  periodLabel: z.string(),
  scheduledAt: z.string(),
  place: z.string().nullable(),
  mode: z.enum(MEETING_MODES),
  status: z.enum(MEETING_STATUSES),
  /** (present + online) / invited, 0 when nobody was invited */
  attendanceRate: z.number(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingList = z.object({ items: z.array(MeetingSummary) });

export const MeetingDetail = z.object({
  meeting: MeetingSummary.extend({
    agenda: z.string().nullable(),
    onlineLink: z.string().nullable(),
    chair: z.string().nullable(),
    secretary: z.string().nullable(),
    higherCadres: z.string().nullable(),
    guests: z.string().nullable(),
    content: z.string().nullable(),
    decisions: z.string().nullable(),
    tasks: z.string().nullable(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    lockedAt: z.string().nullable(),
    /** the month's theme the meeting picked */
    theme: z.object({ id: z.number(), title: z.string() }).nullable().optional(),
  }),
  attendance: z.array(
    z.object({
      personId: z.number(),
      fullName: z.string(),
      awayFromHome: z.boolean(),
      status: z.enum(ATTENDANCE_STATUSES),
      reason: z.string().nullable(),
    }),
  ),
  discussions: z.array(
    z.object({
      id: z.number(),
      speakerPersonId: z.number().nullable(),
      speakerName: z.string(),
      content: z.string(),
      createdAt: z.string(),
    }),
  ),
  abilities: z.object({ edit: z.boolean(), rollcall: z.boolean(), lock: z.boolean() }),
  /** the server's time when this view was read: send it back as AttendanceBody.loadedAt */
  loadedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const CreateMeetingBody = z
  .object({
    kind: z.enum(MEETING_KINDS),
    scheduledAt: isoDateTime,
    place: text(300).optional(),
    mode: z.enum(MEETING_MODES),
    onlineLink: link.optional(),
    agenda: text(4000).optional(),
    /** the month's theme material (chủ điểm), published by a unit above the branch */
    themeId: z.number().int().positive().optional(),
  })
  .refine((b) => b.mode === 'in_person' || !!b.onlineLink, {
    message: 'Họp trực tuyến hoặc kết hợp cần đường dẫn họp (http/https)',
    path: ['onlineLink'],
  });
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const AttendanceBody = z.object({
  entries: z
    .array(
      z
        .object({
          personId: z.number().int().positive(),
          status: z.enum(ATTENDANCE_STATUSES),
          reason: text(500).optional(),
          /**
           * The row's status as the client loaded it. With loadedAt, an entry whose status is still `was` is a
           * resend, not a change by the head: it does not overwrite a self check-in made after loadedAt.
           */
          was: z.enum(ATTENDANCE_STATUSES).optional(),
        })
        .refine((e) => e.status !== 'absent_excused' || !!e.reason, {
          message: 'Vắng có lý do cần ghi lý do',
          path: ['reason'],
        }),
    )
    .min(1)
    .max(500)
    .refine((es) => new Set(es.map((e) => e.personId)).size === es.length, 'Mỗi người chỉ điểm danh một lần'),
  /**
   * When the client's view of the roll-call was loaded (MeetingDetail.loadedAt). Given, a member's self
   * check-in made after it is kept unless the entry for that member changes the status it had loaded
   * (`was` given and different). Without it every entry is written, as a client sending only its edited
   * rows expects.
   */
  loadedAt: isoDateTime.optional(),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const AttendanceSaved = z.object({
  counts: AttendanceCounts,
  /** members whose self check-in, newer than the client's view, was kept instead of the entry sent */
  kept: z.array(z.number()),
});
export type AttendanceSaved = z.infer<typeof AttendanceSaved>;

const minutesText = text(20000).nullable().optional();
export const UpdateMeetingBody = z
  .object({
    place: text(300).nullable().optional(),
    agenda: text(4000).nullable().optional(),
    chair: text(200).nullable().optional(),
    secretary: text(200).nullable().optional(),
    higherCadres: text(1000).nullable().optional(),
    guests: text(1000).nullable().optional(),
    content: minutesText,
    decisions: minutesText,
    tasks: minutesText,
    startedAt: isoDateTime.nullable().optional(),
    endedAt: isoDateTime.nullable().optional(),
    /** required when the minutes are locked */
    reason: text(500).min(1).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'reason'), 'Cần ít nhất một thay đổi');
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBody>;

export const CreateDiscussionBody = z
  .object({
    speakerPersonId: z.number().int().positive().optional(),
    speakerName: text(200).min(1).optional(),
    content: z.string().trim().min(1, 'Nội dung phát biểu không được trống').max(4000),
  })
  .refine((b) => b.speakerPersonId !== undefined || !!b.speakerName, {
    message: 'Cần chọn người phát biểu hoặc ghi tên',
    path: ['speakerName'],
  });
export type CreateDiscussionBody = z.infer<typeof CreateDiscussionBody>;

export const ComplianceQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  period: z.string().trim().max(10).optional(),
  /** only the branches with this status (the summary and roll-ups still count every branch) */
  status: z.enum(COMPLIANCE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ComplianceQuery = z.input<typeof ComplianceQuery>;

const rate = z.number().nullable();

export const ComplianceRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  organizationCode: z.string(),
  difficultArea: z.boolean(),
  required: z.number(),
  held: z.number(),
  status: z.enum(COMPLIANCE_STATUSES),
  /** due periods that ended with a meeting planned but no attendance recorded (held but never reported?) */
  unreported: z.number(),
  /** held meetings of the due periods whose minutes were locked (reported) more than 10 days after the period */
  late: z.number(),
  lastMeetingAt: z.string().nullable(),
  /** invitations and attendances (present or online) over the held meetings of the due periods */
  invited: z.number(),
  attended: z.number(),
  /** attended / invited; null when nobody was invited */
  attendanceRate: rate,
  /** held thematic meetings in the due periods */
  thematic: z.number(),
  /** held meetings a higher-level cadre attended, in the due periods */
  cadreVisited: z.number(),
  /** invitees working away from home, and how many of them attended (present or online) */
  awayInvited: z.number(),
  awayAttended: z.number(),
  awayAttendanceRate: rate,
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

/** The report's branches grouped by grassroots unit (commune level) or by organization. */
export const ComplianceRollup = z.object({
  /** the grassroots unit's id, or the organization code */
  key: z.string(),
  unitId: z.number().nullable(),
  name: z.string(),
  organizationCode: z.string().nullable(),
  branches: z.number(),
  met: z.number(),
  missed: z.number(),
  pending: z.number(),
  /** met / branches */
  rate: z.number(),
  required: z.number(),
  held: z.number(),
  attendanceRate: rate,
  awayAttendanceRate: rate,
});
export type ComplianceRollup = z.infer<typeof ComplianceRollup>;

export const ComplianceReport = z.object({
  period: z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }),
  summary: z.object({
    branches: z.number(),
    met: z.number(),
    missed: z.number(),
    pending: z.number(),
    /** met / branches, 0 when none */
    rate: z.number(),
    /** attended / invited over all held meetings of the rows; null when nobody was invited */
    attendanceRate: rate,
    awayAttendanceRate: rate,
  }),
  /** one page of the branches (missed first, then in progress, then met; by commune and name) */
  rows: z.array(ComplianceRow),
  /** branches matching the status filter, over all pages */
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  rollups: z.object({ communes: z.array(ComplianceRollup), organizations: z.array(ComplianceRollup) }),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;
