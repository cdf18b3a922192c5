/** Shapes of the check-in answers: the contracts' own types (type-only, zod stays out of the bundle). */
import type { CheckinResult } from '../../../../contracts/checkin';

export type { CheckinInfo, CheckinResult, MyMeeting, MyMeetings } from '../../../../contracts/checkin';

export type CheckinMode = CheckinResult['status'];
