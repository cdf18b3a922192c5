/** Contracts of the compliance module beyond the report (which lives with the meetings contracts). */
import { z } from 'zod';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from './meetings';

export const AttentionQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });

export const ATTENTION_REASONS = [
  'missed_two',
  'missed_last',
  'no_recent_meeting',
  'low_attendance',
  'no_cadre_visit',
] as const;

export const AttentionItem = z.object({
  unitId: z.number(),
  unitName: z.string(),
  parentName: z.string().nullable(),
  organizationCode: z.string(),
  difficultArea: z.boolean(),
  /** higher = more urgent; the list is sorted by it */
  severity: z.number(),
  reasons: z.array(z.object({ code: z.enum(ATTENTION_REASONS), text: z.string() })),
  lastMeetingAt: z.string().nullable(),
});
export type AttentionItem = z.infer<typeof AttentionItem>;

export const AttentionList = z.object({
  /** the day the list was computed for, 'yyyy-mm-dd' (Vietnam time) */
  asOf: z.string(),
  /** branches checked (in scope) */
  branches: z.number(),
  items: z.array(AttentionItem),
});
export type AttentionList = z.infer<typeof AttentionList>;

export const MemberAttendanceQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const MemberAttendance = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  /** the unit's held meetings of the year, oldest first */
  meetings: z.array(
    z.object({
      id: z.number(),
      scheduledAt: z.string(),
      periodKey: z.string(),
      periodLabel: z.string(),
      kind: z.enum(MEETING_KINDS),
    }),
  ),
  /** every person invited to one of them, in Vietnamese name order */
  members: z.array(
    z.object({
      personId: z.number(),
      fullName: z.string(),
      awayFromHome: z.boolean(),
      invited: z.number(),
      attended: z.number(),
      /** attended / invited; null when never invited */
      rate: z.number().nullable(),
      /** status per meeting, aligned with `meetings`; null when not invited to that one */
      statuses: z.array(z.enum(ATTENDANCE_STATUSES).nullable()),
    }),
  ),
});
export type MemberAttendance = z.infer<typeof MemberAttendance>;
