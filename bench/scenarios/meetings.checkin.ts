/**
 * meetings.checkin (PostgreSQL only): 1,000 members check themselves in at once, 20 in each of 50 meetings
 * whose check-in window is open, through CheckinService.checkIn() (selfCheckIn: code lookup, unit lock,
 * attendance, counts, period compliance, audit), all 1,000 calls started together on the pool of 10
 * connections the server uses. Afterwards the database is counted: every person checked in exactly once
 * (lost = missing check-ins, or counts lower than the rows; duplicated = more rows, counts or audit entries than
 * check-ins). Before each round the 1,000 invitations are put back to 'unknown' (untimed).
 * The floor does each check-in in one hand-written statement (window, attendance, counts and compliance
 * adjusted in place), also 1,000 at once.
 */
import { sql } from 'drizzle-orm';
import { one, rows } from '../../server/db/query';
import { makeCheckinService } from '../../server/modules/checkin/checkin.service';
import { rebuildMeetingAggregates } from '../../server/modules/meetings/meetings.repo';
import { makeMeetingsService } from '../../server/modules/meetings/meetings.service';
import { ctxFor, memberActor, SEED_DAY_CLOCK, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario, type ScenarioContext } from '../lib/scenario';

const MEETINGS = 50;
const PER_MEETING = 20;
const AGENDA = 'Sinh hoạt chi hội tháng 11 (bench: meetings.checkin)';

interface Seat {
  meetingId: number;
  personId: number;
  code: string;
  mode: 'present' | 'online';
}

/** The 50 meetings (found or created on the first run) with an open window and one member already present. */
async function openMeetings({ db }: BenchContext) {
  const clock = SEED_DAY_CLOCK;
  const meetings = makeMeetingsService({ db, clock });
  const checkin = makeCheckinService({ db, clock, publicUrl: 'http://localhost' });
  const branches = await rows<{ id: number; path: string; organizationCode: string }>(
    db,
    sql`select u.id, u.path::text as path, u.organization_code as "organizationCode"
    from units u join memberships m on m.unit_id = u.id and m.status in ('active', 'transferring')
    where u.level = 'branch' and u.organization_code = 'PHUNU' and u.active
    group by u.id having count(distinct m.person_id) > ${PER_MEETING}
    order by u.id limit ${MEETINGS}`,
  );
  const out: Array<{ meetingId: number; unit: (typeof branches)[number]; code: string }> = [];
  for (const unit of branches) {
    const head = ctxFor(await unitActor(db, 'branch_head', unit.id));
    const found = await one<{ id: number }>(
      db,
      sql`select id from meetings where unit_id = ${unit.id} and agenda = ${AGENDA} order by id limit 1`,
    );
    const meetingId =
      found?.id ??
      (
        await meetings.create(head, unit.id, {
          kind: 'regular',
          scheduledAt: clock.now().toISOString(),
          mode: 'hybrid',
          onlineLink: 'https://meet.google.com/abc-defg-hij',
          place: 'Nhà văn hóa thôn',
          agenda: AGENDA,
        })
      ).id;
    let info = await checkin.get(head, meetingId);
    if (info.window?.state !== 'open') info = await checkin.open(head, meetingId, { minutes: 720 });
    const first = await one<{ personId: number }>(
      db,
      sql`select person_id as "personId" from meeting_attendance where meeting_id = ${meetingId} order by person_id limit 1`,
    );
    if (info.meetingStatus === 'planned' && first) {
      await meetings.rollcall(head, meetingId, {
        entries: [{ personId: first.personId, status: 'present' }],
      });
    }
    out.push({ meetingId, unit, code: info.window?.code as string });
  }
  return { out, checkin };
}

async function setup(base: BenchContext) {
  const { db } = base;
  const { out, checkin } = await openMeetings(base);
  const seats: Seat[] = [];
  const actors = new Map<number, ReturnType<typeof ctxFor>>();
  for (const m of out) {
    // Everyone but the first invitee (who keeps the meeting held between rounds).
    const people = await rows<{ personId: number }>(
      db,
      sql`select person_id as "personId" from meeting_attendance where meeting_id = ${m.meetingId}
      order by person_id offset 1 limit ${PER_MEETING}`,
    );
    for (const [i, p] of people.entries()) {
      seats.push({
        meetingId: m.meetingId,
        personId: p.personId,
        code: m.code,
        mode: i % 10 === 9 ? 'online' : 'present',
      });
      actors.set(p.personId, ctxFor(memberActor(p.personId, m.unit)));
    }
  }
  // Members of the 50 meetings arrive interleaved (one of each meeting, then the next of each…), as they would.
  seats.sort((a, b) => a.personId - b.personId);
  const rank = new Map<number, number>();
  const turn = seats.map((x) => {
    const k = rank.get(x.meetingId) ?? 0;
    rank.set(x.meetingId, k + 1);
    return k;
  });
  const order = seats
    .map((x, i) => ({ x, k: turn[i] as number }))
    .sort((a, b) => a.k - b.k || a.x.meetingId - b.x.meetingId);
  seats.splice(0, seats.length, ...order.map((o) => o.x));
  return {
    seats,
    actors,
    checkin,
    unitIds: out.map((m) => m.unit.id),
    meetingIds: `{${out.map((m) => m.meetingId).join(',')}}`,
    pairs: {
      meetings: `{${seats.map((s) => s.meetingId).join(',')}}`,
      people: `{${seats.map((s) => s.personId).join(',')}}`,
    },
    lastAudit: 0,
    totals: {
      run: { rounds: 0, lost: 0, duplicated: 0, errors: 0 },
      floor: { rounds: 0, lost: 0, duplicated: 0, errors: 0 },
    },
    firstError: null as string | null,
  };
}
type State = Awaited<ReturnType<typeof setup>>;
type Ctx = ScenarioContext<State>;

const seatsSql = (s: State) =>
  sql`select unnest(${s.pairs.meetings}::int[]) as meeting_id, unnest(${s.pairs.people}::int[]) as person_id`;

/** Puts the 1,000 invitations back to 'unknown' and their meetings' aggregates back in line (untimed). */
async function reset({ db, state }: Ctx) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update meeting_attendance a set status = 'unknown', reason = null, source = null,
      checked_in_at = null, updated_at = now()
      from (${seatsSql(state)}) s where a.meeting_id = s.meeting_id and a.person_id = s.person_id`);
    await rebuildMeetingAggregates(tx, state.unitIds);
  });
  const a = await one<{ id: number | null }>(db, sql`select max(id)::int as id from audit_log`);
  state.lastAudit = a?.id ?? 0;
}

/** All 1,000 calls started at once; each one's failure is kept, not thrown. */
async function all(state: State, call: (s: Seat) => Promise<unknown>) {
  const settled = await Promise.allSettled(state.seats.map(call));
  const failed = settled.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
  state.firstError = failed[0] ? String(failed[0].reason).slice(0, 300) : state.firstError;
  return failed.length;
}

/** One check-in in one statement: the open window, the attendance row, its meeting's counts and period row. */
function floorCheckIn(db: BenchContext['db'], s: Seat) {
  const now = SEED_DAY_CLOCK.now().toISOString();
  return db.execute(sql`
    with w as (
      select c.meeting_id, m.unit_id, m.period_key from meeting_checkins c join meetings m on m.id = c.meeting_id
      where c.code = ${s.code} and c.opens_at <= ${now}::timestamptz and ${now}::timestamptz < c.closes_at
        and m.status = 'held'),
    old as (
      select a.status from meeting_attendance a join w on a.meeting_id = w.meeting_id where a.person_id = ${s.personId}),
    upd as (
      update meeting_attendance a set status = ${s.mode}, reason = null, source = 'self',
        checked_in_at = ${now}::timestamptz, updated_at = now()
      from w where a.meeting_id = w.meeting_id and a.person_id = ${s.personId} and a.status not in ('present', 'online')
      returning a.meeting_id, a.away_from_home as away, w.unit_id, w.period_key),
    mc as (
      update meeting_counts c set present = c.present + ${s.mode === 'present' ? 1 : 0},
        online = c.online + ${s.mode === 'online' ? 1 : 0},
        absent_excused = c.absent_excused - (old.status = 'absent_excused')::int,
        absent_unexcused = c.absent_unexcused - (old.status = 'absent_unexcused')::int,
        away_attended = c.away_attended + upd.away::int
      from upd, old where c.meeting_id = upd.meeting_id returning c.meeting_id),
    upc as (
      update unit_period_compliance u set attended_sum = u.attended_sum + 1,
        away_attended_sum = u.away_attended_sum + upd.away::int
      from upd where u.unit_id = upd.unit_id and u.period_key = upd.period_key returning u.unit_id)
    select (select count(*) from upd) as n`);
}

/** Counts what the round left in the database (untimed): the answer product and floor must agree on. */
async function count({ db, state }: Ctx, errors: unknown, which: 'run' | 'floor') {
  const r = await one<{
    checkedIn: number;
    rows: number;
    countsOver: number;
    countsUnder: number;
    audits: number;
  }>(
    db,
    sql`with s as (${seatsSql(state)}),
    fresh as (select a.meeting_id, (count(*) filter (where a.status in ('present', 'online')))::int as attended
      from meeting_attendance a where a.meeting_id = any(${state.meetingIds}::int[]) group by a.meeting_id),
    drift as (select c.present + c.online - f.attended as d from meeting_counts c join fresh f using (meeting_id))
    select (count(*) filter (where a.status in ('present', 'online') and a.source = 'self'
        and a.checked_in_at is not null))::int as "checkedIn",
      count(a.person_id)::int as rows,
      (select coalesce(sum(d) filter (where d > 0), 0)::int from drift) as "countsOver",
      (select coalesce(-sum(d) filter (where d < 0), 0)::int from drift) as "countsUnder",
      (select count(*)::int from audit_log where id > ${state.lastAudit} and action = 'meeting.checkin') as audits
    from s left join meeting_attendance a on a.meeting_id = s.meeting_id and a.person_id = s.person_id`,
  );
  const n = state.seats.length;
  const checkedIn = r?.checkedIn ?? 0;
  const audits = which === 'run' ? (r?.audits ?? 0) : checkedIn; // the floor writes no audit rows
  const lost = n - checkedIn + (r?.countsUnder ?? 0);
  const duplicated = (r?.rows ?? 0) - n + (r?.countsOver ?? 0) + Math.max(0, audits - checkedIn);
  const t = state.totals[which];
  t.rounds++;
  t.lost += lost;
  t.duplicated += duplicated;
  t.errors += Number(errors);
  // Failed calls are part of the answer (the floor has none), with the first message to say why.
  return {
    checkIns: n,
    checkedIn,
    lost,
    duplicated,
    errors,
    ...(errors ? { firstError: state.firstError } : {}),
  };
}

export default defineScenario({
  name: 'meetings.checkin',
  description: `${MEETINGS * PER_MEETING} concurrent self check-ins across ${MEETINGS} open meetings, counted afterwards`,
  databases: {
    only: ['postgres'],
    reason: 'concurrent check-ins need a database server; PGlite is one connection in one process',
  },
  setup,
  parts: [
    {
      label: `${MEETINGS * PER_MEETING} check-ins at once`,
      before: reset,
      run: ({ state }) =>
        all(state, (s) =>
          state.checkin.checkIn(state.actors.get(s.personId) as ReturnType<typeof ctxFor>, {
            code: s.code,
            mode: s.mode,
          }),
        ),
      floor: ({ db, state }) => all(state, (s) => floorCheckIn(db, s)),
      after: count,
    },
  ],
  async extra({ state }, timing) {
    const n = state.seats.length;
    return {
      lost: state.totals.run.lost,
      duplicated: state.totals.run.duplicated,
      throughput_per_s: Math.round(n / (timing.p50_ms / 1000)),
      floor_throughput_per_s: Math.round(n / (timing.floor_p50_ms / 1000)),
      rounds: state.totals.run.rounds,
      errors: state.totals.run.errors,
      floor: {
        lost: state.totals.floor.lost,
        duplicated: state.totals.floor.duplicated,
        errors: state.totals.floor.errors,
      },
      ...(state.firstError ? { first_error: state.firstError } : {}),
    };
  },
});
