import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import type { SeedResult } from '../../server/seed';
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
          (count(*) filter (where a.status = 'absent_unexcused'))::int as absent_unexcused
        from meetings m left join meeting_attendance a on a.meeting_id = m.id group by m.id)
      select count(*)::int as n from (
        (select * from fresh except select * from meeting_counts)
        union all (select * from meeting_counts except select * from fresh)) d`,
    );
    expect(diff[0]?.n).toBe(0);
  });

  it('keeps unit_period_compliance equal to a fresh aggregation of meetings', async () => {
    const diff = await rows<{ n: number }>(
      a.database,
      sql`with fresh as (
        select m.unit_id, m.period_key, min(m.period_start) as period_start, max(m.period_end) as period_end,
          (count(*) filter (where m.status in ('held', 'locked')))::int as held, count(*)::int as meetings,
          coalesce(sum(c.invited) filter (where m.status in ('held', 'locked')), 0)::int as invited_sum,
          coalesce(sum(c.present + c.online) filter (where m.status in ('held', 'locked')), 0)::int as attended_sum,
          max(m.scheduled_at) filter (where m.status in ('held', 'locked')) as last_held_at
        from meetings m join (select meeting_id, count(*)::int as invited,
            (count(*) filter (where status = 'present'))::int as present,
            (count(*) filter (where status = 'online'))::int as online
          from meeting_attendance group by meeting_id) c on c.meeting_id = m.id
        group by m.unit_id, m.period_key)
      select count(*)::int as n from (
        (select * from fresh except select * from unit_period_compliance)
        union all (select * from unit_period_compliance except select * from fresh)) d`,
    );
    expect(diff[0]?.n).toBe(0);
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
