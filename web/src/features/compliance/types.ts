/** Shapes of the attention list and per-member attendance (mirroring contracts/compliance.ts). */
import type { AttendanceStatus, MeetingKind } from '../../api/types';

export type AttentionReasonCode =
  | 'missed_two'
  | 'missed_last'
  | 'no_recent_meeting'
  | 'low_attendance'
  | 'no_cadre_visit';

export interface AttentionItem {
  unitId: number;
  unitName: string;
  parentName: string | null;
  organizationCode: string;
  difficultArea: boolean;
  severity: number;
  reasons: { code: AttentionReasonCode; text: string }[];
  lastMeetingAt: string | null;
}

export interface AttentionList {
  asOf: string;
  branches: number;
  items: AttentionItem[];
}

export interface MemberAttendance {
  unit: { id: number; name: string };
  year: number;
  meetings: { id: number; scheduledAt: string; periodKey: string; periodLabel: string; kind: MeetingKind }[];
  members: {
    personId: number;
    fullName: string;
    awayFromHome: boolean;
    invited: number;
    attended: number;
    rate: number | null;
    statuses: (AttendanceStatus | null)[];
  }[];
}
