import type { MeetingSummary } from '../../../contracts/meetings';
import type { MeetingRow } from './meetings.repo';
import { parsePeriodKey } from './periods';

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The list/detail shape of a meeting row. */
export function summaryOf(m: MeetingRow): MeetingSummary {
  return {
    id: m.id,
    unitId: m.unitId,
    unitName: m.unitName,
    kind: m.kind,
    periodKey: m.periodKey,
    periodLabel: parsePeriodKey(m.periodKey)?.label ?? m.periodKey,
    scheduledAt: new Date(m.scheduledAt).toISOString(),
    place: m.place,
    mode: m.mode,
    status: m.status,
    invited: m.invited,
    present: m.present,
    online: m.online,
    absentExcused: m.absentExcused,
    absentUnexcused: m.absentUnexcused,
    attendanceRate: m.invited > 0 ? (m.present + m.online) / m.invited : 0,
  };
}

export const MINUTES_FIELDS = [
  'place',
  'agenda',
  'chair',
  'secretary',
  'higherCadres',
  'guests',
  'content',
  'decisions',
  'tasks',
  'startedAt',
  'endedAt',
] as const;
export const COLUMN: Record<(typeof MINUTES_FIELDS)[number], string> = {
  place: 'place',
  agenda: 'agenda',
  chair: 'chair',
  secretary: 'secretary',
  higherCadres: 'higher_cadres',
  guests: 'guests',
  content: 'content',
  decisions: 'decisions',
  tasks: 'tasks',
  startedAt: 'started_at',
  endedAt: 'ended_at',
};
