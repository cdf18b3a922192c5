import { type SQL, sql } from 'drizzle-orm';
import type { AttendanceCounts, MeetingDetail } from '../../../contracts/meetings';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import type { RhythmRule } from './periods';

export interface MeetingRow extends AttendanceCounts {
  id: number;
  unitId: number;
  unitName: string;
  organizationCode: string;
  kind: 'regular' | 'thematic' | 'extraordinary';
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  scheduledAt: Date | string;
  place: string | null;
  mode: 'in_person' | 'online' | 'hybrid';
  onlineLink: string | null;
  agenda: string | null;
  status: 'planned' | 'held' | 'locked';
  chair: string | null;
  secretary: string | null;
  higherCadres: string | null;
  guests: string | null;
  content: string | null;
  decisions: string | null;
  tasks: string | null;
  startedAt: Date | string | null;
  endedAt: Date | string | null;
  lockedAt: Date | string | null;
}

const MEETING_COLUMNS = sql`m.id, m.unit_id as "unitId", u.name as "unitName", u.organization_code as "organizationCode",
  m.kind, m.period_key as "periodKey", m.period_start::text as "periodStart", m.period_end::text as "periodEnd",
  m.scheduled_at as "scheduledAt", m.place, m.mode, m.online_link as "onlineLink", m.agenda, m.status,
  m.chair, m.secretary, m.higher_cadres as "higherCadres", m.guests, m.content, m.decisions, m.tasks,
  m.started_at as "startedAt", m.ended_at as "endedAt", m.locked_at as "lockedAt",
  coalesce(c.invited, 0) as invited, coalesce(c.present, 0) as present, coalesce(c.online, 0) as online,
  coalesce(c.absent_excused, 0) as "absentExcused", coalesce(c.absent_unexcused, 0) as "absentUnexcused"`;

/** Meetings matching a condition on m (meetings) / u (units), with their kept-current counts. */
export function findMeetings(db: DbOrTx, where: SQL, orderLimit: SQL = sql``): Promise<MeetingRow[]> {
  return rows<MeetingRow>(
    db,
    sql`select ${MEETING_COLUMNS} from meetings m join units u on u.id = m.unit_id
    left join meeting_counts c on c.meeting_id = m.id where ${where} ${orderLimit}`,
  );
}

export async function findMeeting(db: DbOrTx, id: number): Promise<MeetingRow | undefined> {
  return (await findMeetings(db, sql`m.id = ${id}`))[0];
}

/** Locks the unit row so meeting writes of one unit (and its period aggregates) run one at a time. */
export async function lockUnit(tx: DbOrTx, unitId: number): Promise<void> {
  await tx.execute(sql`select id from units where id = ${unitId} for no key update`);
}

/** Meeting-rhythm rule versions of an organization (general, per unit kind and per special unit). */
export function rhythmRules(
  db: DbOrTx,
  organizationCode?: string,
): Promise<(RhythmRule & { org: string; unitId: number | null })[]> {
  return rows(
    db,
    sql`select organization_code as org, kind, unit_kind as "unitKind", unit_id as "unitId", value,
      effective_from::text as "effectiveFrom", effective_to::text as "effectiveTo"
    from organization_rules where kind = 'meeting_rhythm'
      ${organizationCode ? sql`and organization_code = ${organizationCode}` : sql``}`,
  );
}

/** Attendance totals of the meetings matching `where` (alias m), from their attendance rows (alias a). */
function countRows(where: SQL): SQL {
  const attended = sql`a.status in ('present', 'online')`;
  return sql`
    select m.id, count(a.person_id)::int,
      (count(*) filter (where a.status = 'present'))::int, (count(*) filter (where a.status = 'online'))::int,
      (count(*) filter (where a.status = 'absent_excused'))::int,
      (count(*) filter (where a.status = 'absent_unexcused'))::int,
      (count(*) filter (where a.away_from_home))::int,
      (count(*) filter (where a.away_from_home and ${attended}))::int
    from meetings m left join meeting_attendance a on a.meeting_id = m.id
    where ${where}
    group by m.id`;
}

const COUNT_COLUMNS = sql`(meeting_id, invited, present, online, absent_excused, absent_unexcused, away_invited, away_attended)`;

/** Recounts one meeting's attendance (one meeting's rows only) into meeting_counts. */
export async function refreshMeetingCounts(tx: DbOrTx, meetingId: number): Promise<AttendanceCounts> {
  const counts = await one<AttendanceCounts>(
    tx,
    sql`
    insert into meeting_counts ${COUNT_COLUMNS} ${countRows(sql`m.id = ${meetingId}`)}
    on conflict (meeting_id) do update set invited = excluded.invited, present = excluded.present,
      online = excluded.online, absent_excused = excluded.absent_excused, absent_unexcused = excluded.absent_unexcused,
      away_invited = excluded.away_invited, away_attended = excluded.away_attended
    returning invited, present, online, absent_excused as "absentExcused", absent_unexcused as "absentUnexcused"`,
  );
  return counts as AttendanceCounts;
}

const COMPLIANCE_COLUMNS = sql`(unit_id, period_key, period_start, period_end, held, meetings, invited_sum, attended_sum,
  away_invited_sum, away_attended_sum, thematic, cadre_visited, late_reported, last_held_at)`;

/** Minutes locked more than this many days after their period ended count as reported late. */
export const REPORT_GRACE_DAYS = 10;

/**
 * unit_period_compliance rows computed from the meetings matching `where` (alias m), their counts and their
 * higher-level cadre visits. Every sum and count is over held (or locked) meetings only, except `meetings`.
 */
function complianceRows(where: SQL): SQL {
  const held = sql`m.status in ('held', 'locked')`;
  return sql`
    select m.unit_id, m.period_key, min(m.period_start), max(m.period_end),
      (count(*) filter (where ${held}))::int, count(*)::int,
      coalesce(sum(c.invited) filter (where ${held}), 0)::int,
      coalesce(sum(c.present + c.online) filter (where ${held}), 0)::int,
      coalesce(sum(c.away_invited) filter (where ${held}), 0)::int,
      coalesce(sum(c.away_attended) filter (where ${held}), 0)::int,
      (count(*) filter (where ${held} and m.kind = 'thematic'))::int,
      (count(*) filter (where ${held} and v.visited is not null))::int,
      (count(*) filter (where ${held} and m.locked_at
        >= (((m.period_end + ${REPORT_GRACE_DAYS + 1}::int)::text || 'T00:00:00+07:00')::timestamptz)))::int,
      max(m.scheduled_at) filter (where ${held})
    from meetings m join meeting_counts c on c.meeting_id = m.id
      left join lateral (select 1 as visited from meeting_cadres mc
        where mc.meeting_id = m.id and mc.status = 'attended' limit 1) v on true
    where ${where}
    group by m.unit_id, m.period_key`;
}

/**
 * Recomputes one unit-period row of unit_period_compliance from that period's meetings, their counts and
 * cadre visits. Call it after every write that changes any of them (meetings, attendance, meeting_cadres).
 */
export async function refreshUnitPeriod(tx: DbOrTx, unitId: number, periodKey: string): Promise<void> {
  await tx.execute(sql`
    insert into unit_period_compliance ${COMPLIANCE_COLUMNS}
    ${complianceRows(sql`m.unit_id = ${unitId} and m.period_key = ${periodKey}`)}
    on conflict (unit_id, period_key) do update set period_start = excluded.period_start,
      period_end = excluded.period_end, held = excluded.held, meetings = excluded.meetings,
      invited_sum = excluded.invited_sum, attended_sum = excluded.attended_sum,
      away_invited_sum = excluded.away_invited_sum, away_attended_sum = excluded.away_attended_sum,
      thematic = excluded.thematic, cadre_visited = excluded.cadre_visited, late_reported = excluded.late_reported,
      last_held_at = excluded.last_held_at`);
}

type Attendance = MeetingDetail['attendance'][number];

/** Invitees in Vietnamese name order. */
export function listAttendance(db: DbOrTx, meetingId: number): Promise<Attendance[]> {
  return rows<Attendance>(
    db,
    sql`select a.person_id as "personId", trim(p.family_name || ' ' || p.given_name) as "fullName",
      a.away_from_home as "awayFromHome", a.status, a.reason
    from meeting_attendance a join persons p on p.id = a.person_id
    where a.meeting_id = ${meetingId}
    order by p.sort_key collate "C", p.id`,
  );
}

export async function listDiscussions(db: DbOrTx, meetingId: number) {
  const res = await rows<{
    id: number;
    speakerPersonId: number | null;
    speakerName: string;
    content: string;
    createdAt: Date | string;
  }>(
    db,
    sql`select id, speaker_person_id as "speakerPersonId", speaker_name as "speakerName", content, created_at as "createdAt"
    from meeting_discussions where meeting_id = ${meetingId} order by id`,
  );
  return res.map((d) => ({ ...d, createdAt: new Date(d.createdAt).toISOString() }));
}

/** Invites the unit's live members (whole subtree, one row per person) with status 'unknown'. */
export async function inviteMembers(tx: DbOrTx, meetingId: number, unitPath: string): Promise<void> {
  await tx.execute(sql`
    insert into meeting_attendance (meeting_id, person_id, membership_id, away_from_home)
    select distinct on (m.person_id) ${meetingId}, m.person_id, m.id, p.away_from_home
    from memberships m join units u on u.id = m.unit_id join persons p on p.id = m.person_id
    where u.path <@ ${unitPath}::ltree and m.status in ('active', 'transferring')
    order by m.person_id, m.id`);
}

/**
 * Recomputes meeting_counts and unit_period_compliance from the raw meeting and attendance rows, for the
 * given units (all units when omitted), with the same columns and semantics as refreshMeetingCounts and
 * refreshUnitPeriod. For bulk loads (the demo seed) and repairs; live writes keep both current themselves.
 */
export async function rebuildMeetingAggregates(tx: DbOrTx, unitIds?: readonly number[]): Promise<void> {
  const ids = unitIds ? `{${unitIds.map((id) => Math.trunc(id)).join(',')}}` : null;
  const byMeeting = ids ? sql`m.unit_id = any(${ids}::int[])` : sql`true`;
  const byUnit = ids ? sql`c.unit_id = any(${ids}::int[])` : sql`true`;
  await tx.execute(
    sql`delete from meeting_counts c using meetings m where m.id = c.meeting_id and ${byMeeting}`,
  );
  await tx.execute(sql`insert into meeting_counts ${COUNT_COLUMNS} ${countRows(byMeeting)}`);
  await tx.execute(sql`delete from unit_period_compliance c where ${byUnit}`);
  await tx.execute(
    sql`insert into unit_period_compliance ${COMPLIANCE_COLUMNS} ${complianceRows(byMeeting)}`,
  );
}
