/** Shapes of the check-in answers (mirror contracts/checkin.ts; plain types keep zod out of the bundle). */
import type { AttendanceStatus, MeetingKind, MeetingMode, MeetingStatus } from '../../api/types';

export type CheckinMode = 'present' | 'online';

export interface CheckinResult {
  meetingId: number;
  unitName: string;
  scheduledAt: string;
  status: CheckinMode;
  checkedInAt: string;
  message: string;
}

export interface CheckinInfo {
  meetingId: number;
  meetingStatus: MeetingStatus;
  window: {
    code: string;
    opensAt: string;
    closesAt: string;
    state: 'not_open' | 'open' | 'closed';
    url: string;
    qrSvg: string;
  } | null;
  invited: number;
  attended: number;
  selfCheckins: number;
}

export interface MyMeeting {
  id: number;
  unitName: string;
  kind: MeetingKind;
  scheduledAt: string;
  place: string | null;
  mode: MeetingMode;
  onlineLink: string | null;
  meetingStatus: MeetingStatus;
  attendance: AttendanceStatus;
  checkedInAt: string | null;
  checkinOpensAt: string | null;
  checkinClosesAt: string | null;
  checkinOpen: boolean;
}

export interface MyMeetings {
  linked: boolean;
  personName: string | null;
  upcoming: MyMeeting[];
  recent: MyMeeting[];
}
