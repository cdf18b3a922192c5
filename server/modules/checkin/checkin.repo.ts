import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';

/** Default self check-in window: from 30 minutes before the scheduled time until 4 hours after it. */
export const OPENS_BEFORE_MINUTES = 30;
export const CLOSES_AFTER_MINUTES = 240;
/** Serialises code picks, so two windows not yet closed never share a code. */
const CODE_LOCK = 74_042_026;
const MINUTE = 60_000;

export interface WindowRow {
  meetingId: number;
  code: string;
  opensAt: Date;
  closesAt: Date;
}

const WINDOW_COLUMNS = sql`c.meeting_id as "meetingId", c.code, c.opens_at as "opensAt", c.closes_at as "closesAt"`;
const dates = <T extends { opensAt: Date | string; closesAt: Date | string }>(r: T) => ({
  ...r,
  opensAt: new Date(r.opensAt),
  closesAt: new Date(r.closesAt),
});

/** A random 6-digit code no window still open or yet to open uses (call inside the writing transaction). */
export async function freshCode(tx: DbOrTx, now: Date): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CODE_LOCK}::bigint)`);
  for (let i = 0; i < 50; i++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const taken = await one(
      tx,
      sql`select 1 from meeting_checkins where code = ${code} and closes_at > ${now.toISOString()}::timestamptz limit 1`,
    );
    if (!taken) return code;
  }
  throw new Error('no free check-in code after 50 tries');
}

/** Creates a meeting's check-in window with the default times and a fresh code (in the planning transaction). */
export async function createCheckinWindow(
  tx: DbOrTx,
  meetingId: number,
  scheduledAt: Date,
  now: Date,
  openedBy: string | null = null,
): Promise<void> {
  const code = await freshCode(tx, now);
  const opens = new Date(scheduledAt.getTime() - OPENS_BEFORE_MINUTES * MINUTE);
  const closes = new Date(scheduledAt.getTime() + CLOSES_AFTER_MINUTES * MINUTE);
  await tx.execute(sql`insert into meeting_checkins (meeting_id, code, opens_at, closes_at, opened_by)
    values (${meetingId}, ${code}, ${opens.toISOString()}::timestamptz, ${closes.toISOString()}::timestamptz, ${openedBy})
    on conflict (meeting_id) do nothing`);
}

export async function findWindow(db: DbOrTx, meetingId: number): Promise<WindowRow | undefined> {
  const r = await one<WindowRow>(
    db,
    sql`select ${WINDOW_COLUMNS} from meeting_checkins c where c.meeting_id = ${meetingId}`,
  );
  return r && dates(r);
}

/** Writes (or replaces) a meeting's window. */
export async function saveWindow(tx: DbOrTx, w: WindowRow, openedBy: string): Promise<void> {
  await tx.execute(sql`insert into meeting_checkins (meeting_id, code, opens_at, closes_at, opened_by)
    values (${w.meetingId}, ${w.code}, ${w.opensAt.toISOString()}::timestamptz, ${w.closesAt.toISOString()}::timestamptz,
      ${openedBy})
    on conflict (meeting_id) do update set code = excluded.code, opens_at = excluded.opens_at,
      closes_at = excluded.closes_at, opened_by = excluded.opened_by`);
}

/** A window with this code, its meeting, and the person's invitation to it (attendance null if not invited). */
export interface CodeMatch extends WindowRow {
  unitId: number;
  unitName: string;
  periodKey: string;
  scheduledAt: Date;
  meetingStatus: 'planned' | 'held' | 'locked';
  attendance: string | null;
}

/** The windows with a code (the latest first), seen from one person. Uses meeting_checkins_code_idx. */
export async function windowsWithCode(db: DbOrTx, code: string, personId: number): Promise<CodeMatch[]> {
  const list = await rows<CodeMatch>(
    db,
    sql`select ${WINDOW_COLUMNS}, m.unit_id as "unitId", u.name as "unitName", m.period_key as "periodKey",
      m.scheduled_at as "scheduledAt", m.status as "meetingStatus", a.status as attendance
    from meeting_checkins c join meetings m on m.id = c.meeting_id join units u on u.id = m.unit_id
      left join meeting_attendance a on a.meeting_id = c.meeting_id and a.person_id = ${personId}
    where c.code = ${code}
    order by c.closes_at desc limit 20`,
  );
  return list.map((r) => ({ ...dates(r), scheduledAt: new Date(r.scheduledAt) }));
}

export interface OwnAttendance {
  status: string;
  checkedInAt: Date | string | null;
  updatedAt: Date | string;
}

/** The person's attendance row, locked for the check-in transaction. */
export function lockAttendance(tx: DbOrTx, meetingId: number, personId: number) {
  return one<OwnAttendance>(
    tx,
    sql`select status, checked_in_at as "checkedInAt", updated_at as "updatedAt" from meeting_attendance
    where meeting_id = ${meetingId} and person_id = ${personId} for update`,
  );
}

export async function markSelfCheckin(
  tx: DbOrTx,
  meetingId: number,
  personId: number,
  mode: string,
  at: Date,
): Promise<void> {
  await tx.execute(sql`update meeting_attendance set status = ${mode}, reason = null, source = 'self',
    checked_in_at = ${at.toISOString()}::timestamptz, updated_at = now()
    where meeting_id = ${meetingId} and person_id = ${personId}`);
}

/** Attendance totals for the check-in panel (one meeting's rows). */
export async function checkinCounts(db: DbOrTx, meetingId: number) {
  const r = await one<{ invited: number; attended: number; selfCheckins: number }>(
    db,
    sql`select count(*)::int as invited,
      (count(*) filter (where status in ('present', 'online')))::int as attended,
      (count(*) filter (where source = 'self' and status in ('present', 'online')))::int as "selfCheckins"
    from meeting_attendance where meeting_id = ${meetingId}`,
  );
  return r ?? { invited: 0, attended: 0, selfCheckins: 0 };
}

export interface MyMeetingRow {
  id: number;
  unitName: string;
  kind: 'regular' | 'thematic' | 'extraordinary';
  scheduledAt: Date | string;
  place: string | null;
  mode: 'in_person' | 'online' | 'hybrid';
  onlineLink: string | null;
  meetingStatus: 'planned' | 'held' | 'locked';
  attendance: 'unknown' | 'present' | 'online' | 'absent_excused' | 'absent_unexcused';
  checkedInAt: Date | string | null;
  opensAt: Date | string | null;
  closesAt: Date | string | null;
}

/**
 * Meetings the person was invited to since `from`, latest first. Found through the units of the person's
 * memberships and their ancestors (meeting_attendance has no index by person).
 */
export function meetingsOfPerson(db: DbOrTx, personId: number, from: Date): Promise<MyMeetingRow[]> {
  return rows<MyMeetingRow>(
    db,
    sql`with mine as (select distinct u.path from memberships ms join units u on u.id = ms.unit_id
        where ms.person_id = ${personId}),
      units_of as (select distinct anc.id from units anc join mine on anc.path @> mine.path)
    select m.id, u.name as "unitName", m.kind, m.scheduled_at as "scheduledAt", m.place, m.mode,
      m.online_link as "onlineLink", m.status as "meetingStatus", a.status as attendance,
      a.checked_in_at as "checkedInAt", c.opens_at as "opensAt", c.closes_at as "closesAt"
    from meetings m join units u on u.id = m.unit_id
      join meeting_attendance a on a.meeting_id = m.id and a.person_id = ${personId}
      left join meeting_checkins c on c.meeting_id = m.id
    where m.unit_id in (select id from units_of) and m.scheduled_at >= ${from.toISOString()}::timestamptz
    order by m.scheduled_at desc, m.id desc limit 100`,
  );
}
