/** Per-member attendance over a year for one unit: pivots that unit's attendance rows per person. */
import type { MemberAttendance } from '../../../contracts/compliance';
import type { DbOrTx } from '../../db/client';
import { parsePeriodKey } from '../meetings/periods';
import { attendanceOfUnit, heldMeetingsOfUnit } from './compliance.repo';

type Member = MemberAttendance['members'][number];
type Status = Member['statuses'][number];

export async function memberAttendanceOf(
  db: DbOrTx,
  unit: { id: number; name: string },
  year: number,
): Promise<MemberAttendance> {
  const meetings = await heldMeetingsOfUnit(db, unit.id, year);
  const column = new Map(meetings.map((m, i) => [m.id, i]));
  const members = new Map<number, Member>();
  // Rows come in Vietnamese name order; a Map keeps that insertion order.
  for (const a of await attendanceOfUnit(db, unit.id, year)) {
    let m = members.get(a.personId);
    if (!m) {
      m = {
        personId: a.personId,
        fullName: a.fullName,
        awayFromHome: a.awayFromHome,
        invited: 0,
        attended: 0,
        rate: null,
        statuses: meetings.map(() => null),
      };
      members.set(a.personId, m);
    }
    const i = column.get(a.meetingId);
    if (i === undefined) continue;
    m.statuses[i] = a.status as Status;
    m.invited++;
    if (a.status === 'present' || a.status === 'online') m.attended++;
  }
  for (const m of members.values()) m.rate = m.invited > 0 ? m.attended / m.invited : null;
  return {
    unit,
    year,
    meetings: meetings.map((m) => ({
      id: m.id,
      scheduledAt: new Date(m.scheduledAt).toISOString(),
      periodKey: m.periodKey,
      periodLabel: parsePeriodKey(m.periodKey)?.label ?? m.periodKey,
      kind: m.kind as MemberAttendance['meetings'][number]['kind'],
    })),
    members: [...members.values()],
  };
}
