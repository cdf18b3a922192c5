import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../server/db/client';
import { REPORT_GRACE_DAYS } from '../../server/modules/meetings/meetings.repo';
import { type SeedResult, seedDemo } from '../../server/seed';
import { rows, seededTiny } from '../helpers/seeded';

/** Meetings, attendance and discussions without wall-clock columns, in a stable order. */
const SNAPSHOT = sql`select json_build_object(
  'meetings', (select json_agg(json_build_object('id', id, 'unit', unit_id, 'kind', kind, 'period', period_key,
    'at', scheduled_at, 'status', status, 'chair', chair, 'content', content, 'place', place, 'mode', mode,
    'locked', locked_at) order by id) from meetings),
  'attendance', (select json_agg(json_build_array(meeting_id, person_id, membership_id, status, reason, away_from_home)
    order by meeting_id, person_id) from meeting_attendance),
  'discussions', (select json_agg(json_build_array(meeting_id, speaker_person_id, speaker_name, content)
    order by id) from meeting_discussions),
  'counts', (select json_agg(c order by meeting_id) from meeting_counts c),
  'compliance', (select json_agg(c order by unit_id, period_key) from unit_period_compliance c)
)::text as snapshot`;

describe('demo seed meetings (tiny scale)', () => {
  let a: { database: Database; result: SeedResult };
  let b: { database: Database; result: SeedResult };

  beforeAll(async () => {
    a = await seededTiny(7);
    b = await seededTiny(7);
  }, 180_000);

  afterAll(async () => {
    await a?.database.close();
    await b?.database.close();
  });

  it('reports what it seeded', async () => {
    const [n] = await rows<{ meetings: number; attendance: number }>(
      a.database,
      sql`select (select count(*) from meetings)::int as meetings,
        (select count(*) from meeting_attendance)::int as attendance`,
    );
    expect(n?.meetings).toBe(a.result.meetings.meetings);
    expect(n?.attendance).toBe(a.result.meetings.attendance);
    expect(a.result.meetings.meetings).toBeGreaterThan(50);
  });

  it('gives Đoàn branches monthly meetings in most months', async () => {
    const res = await rows<{ unitId: number; months: number; bad: number }>(
      a.database,
      sql`select u.id as "unitId", count(distinct m.period_key)::int as months,
        (count(*) filter (where m.period_key !~ '^2026-(0[1-9]|1[0-2])$'))::int as bad
      from units u left join meetings m on m.unit_id = u.id
      where u.organization_code = 'DOAN' and u.level = 'branch' and u.active group by u.id`,
    );
    expect(res.length).toBeGreaterThan(0);
    for (const r of res) expect(r.bad).toBe(0);
    const avg = res.reduce((s, r) => s + r.months, 0) / res.length;
    // 10 past months at ~60–80% plus the current one sometimes: clearly monthly.
    expect(avg).toBeGreaterThan(5);
    expect(avg).toBeLessThanOrEqual(11);
    const quarterly = await rows<{ n: number }>(
      a.database,
      sql`select count(*)::int as n from meetings m join units u on u.id = m.unit_id
      where u.organization_code in ('PHUNU', 'NONGDAN', 'CCB') and m.period_key !~ '^2026-Q[1-4]$'`,
    );
    expect(quarterly[0]?.n).toBe(0);
  });

  it('dates meetings inside their period with the expected status', async () => {
    const [bad] = await rows<{ outside: number; wrongStatus: number }>(
      a.database,
      sql`select
        (count(*) filter (where (scheduled_at at time zone 'Asia/Ho_Chi_Minh')::date not between period_start and period_end))::int as outside,
        (count(*) filter (where status <> case
          when (scheduled_at at time zone 'Asia/Ho_Chi_Minh')::date > '2026-11-27' then 'planned'
          when period_end + 15 < '2026-11-27'::date then 'locked' else 'held' end))::int as "wrongStatus"
      from meetings`,
    );
    expect(bad).toEqual({ outside: 0, wrongStatus: 0 });
  });

  it('invites only members of the meeting unit', async () => {
    const [r] = await rows<{ n: number; total: number }>(
      a.database,
      sql`select (count(*) filter (where not exists (select 1 from memberships ms
          where ms.person_id = a.person_id and ms.unit_id = m.unit_id)))::int as n, count(*)::int as total
      from meeting_attendance a join meetings m on m.id = a.meeting_id`,
    );
    expect(r?.total).toBeGreaterThan(500);
    expect(r?.n).toBe(0);
  });

  it('keeps meeting_counts equal to a fresh aggregation of attendance', async () => {
    const diff = await rows<{ n: number }>(
      a.database,
      sql`with fresh as (
        select m.id as meeting_id, count(a.person_id)::int as invited,
          (count(*) filter (where a.status = 'present'))::int as present,
          (count(*) filter (where a.status = 'online'))::int as online,
          (count(*) filter (where a.status = 'absent_excused'))::int as absent_excused,
          (count(*) filter (where a.status = 'absent_unexcused'))::int as absent_unexcused,
          (count(*) filter (where a.away_from_home))::int as away_invited,
          (count(*) filter (where a.away_from_home and a.status in ('present', 'online')))::int as away_attended
        from meetings m left join meeting_attendance a on a.meeting_id = m.id group by m.id),
      kept as (select meeting_id, invited, present, online, absent_excused, absent_unexcused, away_invited,
        away_attended from meeting_counts)
      select count(*)::int as n from (
        (select * from fresh except select * from kept) union all (select * from kept except select * from fresh)) d`,
    );
    expect(diff[0]?.n).toBe(0);
  });

  it('keeps unit_period_compliance equal to a fresh aggregation of meetings', async () => {
    const held = sql`m.status in ('held', 'locked')`;
    const diff = await rows<{ n: number; visited: number; late: number }>(
      a.database,
      sql`with fresh as (
        select m.unit_id, m.period_key, min(m.period_start) as period_start, max(m.period_end) as period_end,
          (count(*) filter (where ${held}))::int as held, count(*)::int as meetings,
          coalesce(sum(c.invited) filter (where ${held}), 0)::int as invited_sum,
          coalesce(sum(c.attended) filter (where ${held}), 0)::int as attended_sum,
          coalesce(sum(c.away) filter (where ${held}), 0)::int as away_invited_sum,
          coalesce(sum(c.away_attended) filter (where ${held}), 0)::int as away_attended_sum,
          (count(*) filter (where ${held} and m.kind = 'thematic'))::int as thematic,
          (count(*) filter (where ${held} and m.locked_at >= (((m.period_end + ${REPORT_GRACE_DAYS + 1}::int)::text
            || 'T00:00:00+07:00')::timestamptz)))::int as late_reported,
          max(m.scheduled_at) filter (where ${held}) as last_held_at
        from meetings m left join (select meeting_id, count(*)::int as invited,
            (count(*) filter (where status in ('present', 'online')))::int as attended,
            (count(*) filter (where away_from_home))::int as away,
            (count(*) filter (where away_from_home and status in ('present', 'online')))::int as away_attended
          from meeting_attendance group by meeting_id) c on c.meeting_id = m.id
        group by m.unit_id, m.period_key),
      kept as (select unit_id, period_key, period_start, period_end, held, meetings, invited_sum, attended_sum,
        away_invited_sum, away_attended_sum, thematic, late_reported, last_held_at from unit_period_compliance)
      select count(*)::int as n, (select count(*)::int from unit_period_compliance where cadre_visited <> 0) as visited,
        (select count(*)::int from unit_period_compliance where late_reported > 0) as late
      from ((select * from fresh except select * from kept) union all (select * from kept except select * from fresh)) d`,
    );
    // Minutes are locked 1–15 days after the period: some of them late.
    expect(diff[0]).toMatchObject({ n: 0, visited: 0 });
    expect(diff[0]?.late).toBeGreaterThan(0);
  });

  it('has a realistic mix of attendance and some discussions', async () => {
    const [r] = await rows<{
      present: number;
      online: number;
      excused: number;
      noReason: number;
      discussions: number;
    }>(
      a.database,
      sql`select avg((a.status = 'present')::int)::float as present, avg((a.status = 'online')::int)::float as online,
        avg((a.status = 'absent_excused')::int)::float as excused,
        (count(*) filter (where a.status = 'absent_excused' and a.reason is null))::int as "noReason",
        (select count(*) from meeting_discussions)::int as discussions
      from meeting_attendance a join meetings m on m.id = a.meeting_id where m.status <> 'planned'`,
    );
    expect(r?.present).toBeGreaterThan(0.55);
    expect(r?.present).toBeLessThan(0.8);
    expect(r?.online).toBeGreaterThan(0.01);
    expect(r?.excused).toBeGreaterThan(0.08);
    expect(r?.noReason).toBe(0);
    expect(r?.discussions).toBeGreaterThan(0);
  });

  it('is deterministic for a seed number', async () => {
    const [x] = await rows<{ snapshot: string }>(a.database, SNAPSHOT);
    const [y] = await rows<{ snapshot: string }>(b.database, SNAPSHOT);
    expect(x?.snapshot.length).toBeGreaterThan(1000);
    expect(x?.snapshot).toBe(y?.snapshot);
  });
});

describe('seed meetings, habits model (tiny scale, as the province benchmark data)', () => {
  let database: Database;
  let result: SeedResult;

  beforeAll(async () => {
    database = await createDatabase({});
    await database.migrate();
    result = await seedDemo(database.db, { seedNumber: 11, scale: 'tiny', meetingModel: 'habits' });
  }, 180_000);

  afterAll(async () => {
    await database?.close();
  });

  it('reports the rows it wrote', async () => {
    const [n] = await rows<{ meetings: number; attendance: number; discussions: number }>(
      database,
      sql`select (select count(*) from meetings)::int as meetings,
        (select count(*) from meeting_attendance)::int as attendance,
        (select count(*) from meeting_discussions)::int as discussions`,
    );
    expect(n).toEqual(result.meetings);
    expect(result.meetings.meetings).toBeGreaterThan(200);
    expect(result.meetings.attendance).toBeGreaterThan(10 * result.meetings.meetings);
  });

  it('meets monthly in Đoàn, and at least the rule, often more, elsewhere', async () => {
    const byOrg = await rows<{ org: string; perBranch: number; maxPerPeriod: number }>(
      database,
      sql`select u.organization_code as org, (sum(coalesce(p.n, 0))::float / count(distinct u.id)) as "perBranch",
        coalesce(max(p.n), 0)::int as "maxPerPeriod"
      from units u left join (select unit_id, period_key, count(*)::int as n from meetings group by 1, 2) p
        on p.unit_id = u.id
      where u.level = 'branch' and u.active group by 1 order by 1`,
    );
    const per = Object.fromEntries(byOrg.map((r) => [r.org, r.perBranch]));
    // 11 months to the reference date: Đoàn about 8–11, quarterly organizations well above their 3–4 required.
    expect(per.DOAN).toBeGreaterThan(6);
    expect(per.DOAN).toBeLessThan(13);
    for (const org of ['PHUNU', 'NONGDAN', 'CCB']) {
      expect(per[org]).toBeGreaterThan(4);
      expect(per[org]).toBeLessThan(12);
    }
    expect(per.NCT).toBeGreaterThan(1.5);
    expect(per.NCT).toBeLessThan(per.PHUNU as number);
    // Several meetings count for one quarter: at most three monthly ones plus a thematic one.
    expect(byOrg.find((r) => r.org === 'PHUNU')?.maxPerPeriod).toBeGreaterThan(1);
    expect(Math.max(...byOrg.map((r) => r.maxPerPeriod))).toBeLessThanOrEqual(7);
  });

  it('misses some periods, and attendance is 60–85 % with away members online', async () => {
    const [r] = await rows<{
      missed: number;
      rate: number;
      awayRate: number;
      awayOnline: number;
      self: number;
    }>(
      database,
      sql`select
        (select count(*)::int from units u cross join generate_series(1, 10) mo
          where u.organization_code = 'DOAN' and u.level = 'branch' and u.active and not exists (
            select 1 from meetings m where m.unit_id = u.id and m.status <> 'planned'
              and m.period_key = '2026-' || lpad(mo::text, 2, '0'))) as missed,
        (select sum(c.present + c.online)::float / sum(c.invited) from meeting_counts c
          join meetings m on m.id = c.meeting_id where m.status <> 'planned') as rate,
        (select sum(c.away_attended)::float / nullif(sum(c.away_invited), 0) from meeting_counts c
          join meetings m on m.id = c.meeting_id where m.status <> 'planned') as "awayRate",
        (select count(*)::int from meeting_attendance a join meetings m on m.id = a.meeting_id
          where a.away_from_home and a.status = 'online' and m.mode = 'hybrid') as "awayOnline",
        (select count(*)::int from meeting_attendance where source = 'self' and status = 'present'
          and checked_in_at is not null) as self`,
    );
    expect(r?.missed).toBeGreaterThan(0);
    expect(r?.rate).toBeGreaterThan(0.6);
    expect(r?.rate).toBeLessThan(0.85);
    expect(r?.awayRate).toBeLessThan(r?.rate as number);
    expect(r?.awayOnline).toBeGreaterThan(0);
    expect(r?.self).toBeGreaterThan(0);
    const [bad] = await rows<{ online: number; links: number; self: number }>(
      database,
      sql`select
        (select count(*)::int from meeting_attendance a join meetings m on m.id = a.meeting_id
          where a.status = 'online' and m.mode <> 'hybrid') as online,
        (select count(*)::int from meetings where (mode = 'hybrid') <> (online_link is not null)) as links,
        (select count(*)::int from meeting_attendance where (source = 'self') <> (checked_in_at is not null)
          or (source = 'self' and status <> 'present') or ((source is null) <> (status = 'unknown'))) as self`,
    );
    expect(bad).toEqual({ online: 0, links: 0, self: 0 });
  });

  it('puts back every foreign key it dropped for the bulk load', async () => {
    const fresh = await createDatabase({});
    try {
      await fresh.migrate();
      const keys = sql`select conrelid::regclass::text || '.' || conname || ' ' || pg_get_constraintdef(oid) as k
        from pg_constraint where contype = 'f' order by 1`;
      const want = await rows<{ k: string }>(fresh, keys);
      expect(want.length).toBeGreaterThan(10);
      expect(await rows<{ k: string }>(database, keys)).toEqual(want);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
