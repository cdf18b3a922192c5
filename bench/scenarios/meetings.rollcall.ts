/**
 * meetings.rollcall: a branch head saves the whole roll-call of a meeting of a Đoàn branch with about 40
 * invitees, through MeetingsService.rollcall() (validation, attendance, counts, meeting status, period
 * compliance and the audit row in one transaction). The meeting is created once, in the current period, and
 * reused by later runs. Every call writes: consecutive calls swap present ↔ online and excused ↔ unexcused,
 * so each person's answer changes while the totals (the answer compared with the floor) stay the same.
 * The floor does the same writes except the audit row in one hand-written statement.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AttendanceBody } from '../../contracts/meetings';
import { one, rows } from '../../server/db/query';
import { makeMeetingsService } from '../../server/modules/meetings/meetings.service';
import { ctxFor, SEED_DAY_CLOCK, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';

const TARGET_INVITEES = 40;
const PATTERNS = [
  ['present', 'online', 'absent_excused', 'absent_unexcused'],
  ['online', 'present', 'absent_unexcused', 'absent_excused'],
] as const;

async function setup({ db }: BenchContext) {
  const branch = await one<{ id: number; n: number }>(
    db,
    sql`select u.id, count(distinct m.person_id)::int as n
    from units u join memberships m on m.unit_id = u.id and m.status in ('active', 'transferring')
    where u.level = 'branch' and u.organization_code = 'DOAN' and u.kind = 'residential' and u.active
    group by u.id order by abs(count(distinct m.person_id) - ${TARGET_INVITEES}), u.id limit 1`,
  );
  if (!branch) throw new Error('meetings.rollcall: no Đoàn branch with members');
  const head = ctxFor(await unitActor(db, 'branch_head', branch.id));
  const meetings = makeMeetingsService({ db, clock: SEED_DAY_CLOCK });
  // One meeting of the current period, created by this scenario's branch head on the first run.
  const existing = await one<{ id: number }>(
    db,
    sql`select id from meetings where unit_id = ${branch.id} and created_by = ${head.actor.userId} order by id limit 1`,
  );
  const meetingId =
    existing?.id ??
    (
      await meetings.create(head, branch.id, {
        kind: 'regular',
        scheduledAt: '2026-11-27T19:30:00+07:00',
        mode: 'in_person',
        place: 'Nhà văn hóa thôn',
        agenda: 'Sinh hoạt chi đoàn tháng 11 (bench: meetings.rollcall)',
      })
    ).id;
  const invitees = await rows<{ personId: number }>(
    db,
    sql`select person_id as "personId" from meeting_attendance where meeting_id = ${meetingId} order by person_id`,
  );
  return { meetingId, invitees: invitees.map((r) => r.personId), head, meetings, calls: 0 };
}
type State = Awaited<ReturnType<typeof setup>>;

/** The next roll-call: each call swaps the answers of every person, keeping the totals. */
function nextBody(state: State): AttendanceBody {
  const pattern = PATTERNS[state.calls++ % 2] as (typeof PATTERNS)[number];
  return {
    entries: state.invitees.map((personId, i) => {
      const status = pattern[i % 4] as AttendanceBody['entries'][number]['status'];
      return status === 'absent_excused' ? { personId, status, reason: 'Ốm' } : { personId, status };
    }),
  };
}

/**
 * The same writes in one statement: attendance, the meeting's counts, its status, and its period's compliance
 * row adjusted by the difference between the meeting's old and new contribution.
 */
async function floor({ db, state }: { db: BenchContext['db']; state: State }) {
  const id = state.meetingId;
  const values: SQL = sql.join(
    nextBody(state).entries.map(
      (e) => sql`(${e.personId}::int, ${e.status}::text, ${'reason' in e ? e.reason : null}::text)`,
    ),
    sql`, `,
  );
  const attended = sql`status in ('present', 'online')`;
  const counts = await one<Record<string, number>>(
    db,
    sql`with v(person_id, status, reason) as (values ${values}),
    upd as (
      update meeting_attendance a set status = v.status, reason = v.reason, updated_at = now()
      from v where a.meeting_id = ${id} and a.person_id = v.person_id
      returning a.status, a.away_from_home),
    cur as (
      select status, away_from_home from upd
      union all select status, away_from_home from meeting_attendance
      where meeting_id = ${id} and person_id not in (select person_id from v)),
    n as (
      select count(*)::int as invited, (count(*) filter (where status = 'present'))::int as present,
        (count(*) filter (where status = 'online'))::int as online,
        (count(*) filter (where status = 'absent_excused'))::int as absent_excused,
        (count(*) filter (where status = 'absent_unexcused'))::int as absent_unexcused,
        (count(*) filter (where away_from_home))::int as away_invited,
        (count(*) filter (where away_from_home and ${attended}))::int as away_attended
      from cur),
    old as (
      select m.unit_id, m.period_key, m.status, m.scheduled_at, m.status in ('held', 'locked') as held,
        c.invited, c.present + c.online as attended, c.away_invited, c.away_attended
      from meetings m join meeting_counts c on c.meeting_id = m.id where m.id = ${id}),
    next as (
      select case when n.present + n.online > 0 then 'held' else 'planned' end as status from n),
    mc as (
      update meeting_counts c set invited = n.invited, present = n.present, online = n.online,
        absent_excused = n.absent_excused, absent_unexcused = n.absent_unexcused,
        away_invited = n.away_invited, away_attended = n.away_attended
      from n where c.meeting_id = ${id}
      returning c.invited, c.present, c.online, c.absent_excused as "absentExcused",
        c.absent_unexcused as "absentUnexcused"),
    ms as (
      update meetings m set status = next.status, updated_at = now() from next, old
      where m.id = ${id} and old.status <> next.status and old.status <> 'locked' returning m.id),
    upc as (
      update unit_period_compliance u set
        held = u.held - old.held::int + (next.status = 'held')::int,
        invited_sum = u.invited_sum - case when old.held then old.invited else 0 end
          + case when next.status = 'held' then n.invited else 0 end,
        attended_sum = u.attended_sum - case when old.held then old.attended else 0 end
          + case when next.status = 'held' then n.present + n.online else 0 end,
        away_invited_sum = u.away_invited_sum - case when old.held then old.away_invited else 0 end
          + case when next.status = 'held' then n.away_invited else 0 end,
        away_attended_sum = u.away_attended_sum - case when old.held then old.away_attended else 0 end
          + case when next.status = 'held' then n.away_attended else 0 end,
        last_held_at = case when next.status = 'held' then greatest(u.last_held_at, old.scheduled_at)
          else (select max(m.scheduled_at) from meetings m where m.unit_id = old.unit_id
            and m.period_key = old.period_key and m.id <> ${id} and m.status in ('held', 'locked')) end
      from old, next, n where u.unit_id = old.unit_id and u.period_key = old.period_key returning u.unit_id)
    select mc.* from mc`,
  );
  // every row is rewritten by the head, so no newer self check-in is kept
  return { counts, kept: [] };
}

export default defineScenario({
  name: 'meetings.rollcall',
  description: `branch head saves a ${TARGET_INVITEES}-member roll-call (attendance, counts, compliance, audit)`,
  setup,
  parts: [
    {
      label: `roll-call of ~${TARGET_INVITEES}`,
      run: ({ state }) => state.meetings.rollcall(state.head, state.meetingId, nextBody(state)),
      floor,
    },
  ],
});
