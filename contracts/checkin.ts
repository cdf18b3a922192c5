import { z } from 'zod';
import { ATTENDANCE_STATUSES, MEETING_KINDS, MEETING_MODES, MEETING_STATUSES } from './meetings';

export const CHECKIN_MODES = ['present', 'online'] as const;
export const WINDOW_STATES = ['not_open', 'open', 'closed'] as const;

/** The meeting's 6-digit code as typed or read from the QR (spaces and dots are ignored). */
export const CheckinCode = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Mã điểm danh gồm 6 chữ số'));

export const CheckinBody = z.object({
  code: CheckinCode,
  mode: z.enum(CHECKIN_MODES, { error: 'Hãy chọn có mặt hoặc trực tuyến' }),
});
export type CheckinBody = z.infer<typeof CheckinBody>;

/** The same answer for a first check-in and for every repeat of it. */
export const CheckinResult = z.object({
  meetingId: z.number(),
  unitName: z.string(),
  scheduledAt: z.string(),
  status: z.enum(CHECKIN_MODES),
  checkedInAt: z.string(),
  message: z.string(),
});
export type CheckinResult = z.infer<typeof CheckinResult>;

export const OpenCheckinBody = z
  .object({
    /** open from now for this many minutes */
    minutes: z.number().int().min(5, 'Ít nhất 5 phút').max(720, 'Tối đa 12 giờ').optional(),
    /** replace the code (e.g. when it was shared outside the meeting) */
    newCode: z.boolean().optional(),
  })
  .refine((b) => b.minutes !== undefined || b.newCode === true, {
    message: 'Hãy chọn số phút mở điểm danh hoặc đổi mã mới',
    path: ['minutes'],
  });
export type OpenCheckinBody = z.infer<typeof OpenCheckinBody>;

export const CheckinWindow = z.object({
  code: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  state: z.enum(WINDOW_STATES),
  /** what the QR encodes: the check-in page with the code */
  url: z.string(),
  /** the QR code as an SVG document */
  qrSvg: z.string(),
});

export const CheckinInfo = z.object({
  meetingId: z.number(),
  meetingStatus: z.enum(MEETING_STATUSES),
  /** null for a meeting planned before self check-in existed, until it is opened */
  window: CheckinWindow.nullable(),
  invited: z.number(),
  attended: z.number(),
  /** members who checked themselves in */
  selfCheckins: z.number(),
});
export type CheckinInfo = z.infer<typeof CheckinInfo>;

export const MyMeeting = z.object({
  id: z.number(),
  unitName: z.string(),
  kind: z.enum(MEETING_KINDS),
  scheduledAt: z.string(),
  place: z.string().nullable(),
  mode: z.enum(MEETING_MODES),
  onlineLink: z.string().nullable(),
  meetingStatus: z.enum(MEETING_STATUSES),
  /** the member's own attendance */
  attendance: z.enum(ATTENDANCE_STATUSES),
  checkedInAt: z.string().nullable(),
  /** self check-in window, without its code (members get it at the meeting) */
  checkinOpensAt: z.string().nullable(),
  checkinClosesAt: z.string().nullable(),
  checkinOpen: z.boolean(),
});
export type MyMeeting = z.infer<typeof MyMeeting>;

export const MyMeetings = z.object({
  /** false when the account is not a member's (no person linked) */
  linked: z.boolean(),
  personName: z.string().nullable(),
  upcoming: z.array(MyMeeting),
  recent: z.array(MyMeeting),
});
export type MyMeetings = z.infer<typeof MyMeetings>;
