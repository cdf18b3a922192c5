import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../../server/auth/auth';
import type { Database } from '../../server/db/client';
import { type DemoActivity, seedDemoActivity } from '../../server/demo/activity';
import { seedPersonas } from '../../server/demo/personas';
import { rebuildMeetingAggregates } from '../../server/modules/meetings/meetings.repo';
import { rows, seededTiny } from '../helpers/seeded';

/** The kept-current aggregates, in a stable order (every column). */
const AGGREGATES = sql`select json_build_object(
  'counts', (select json_agg(c order by meeting_id) from meeting_counts c),
  'compliance', (select json_agg(c order by unit_id, period_key) from unit_period_compliance c)
)::text as snapshot`;

describe('demo activity: themes, their use and cadre visits (tiny seed)', () => {
  let database: Database;
  let activity: DemoActivity;
  const lines: string[] = [];

  beforeAll(async () => {
    ({ database } = await seededTiny(5));
    const auth = createAuth({ db: database.db, secret: 'x'.repeat(40), baseURL: 'http://localhost' });
    await seedPersonas(database.db, auth);
    activity = await seedDemoActivity(database.db, (l) => lines.push(l));
  }, 180_000);

  afterAll(async () => {
    await database?.close();
  });

  it('publishes a Đoàn and a Phụ nữ theme for the last three months and the next one', async () => {
    const themes = await rows<{ org: string; month: string; title: string; body: string; by: string | null }>(
      database,
      sql`select u.organization_code as org, t.month, t.title, t.body, usr.username as by
      from themes t join units u on u.id = t.unit_id left join "user" usr on usr.id = t.created_by
      order by 1, 2`,
    );
    expect(activity.themes).toBe(8);
    expect(themes.map((t) => `${t.org} ${t.month}`)).toEqual(
      ['DOAN', 'PHUNU'].flatMap((org) => ['09', '10', '11', '12'].map((m) => `${org} 2026-${m}`)),
    );
    for (const t of themes) {
      expect(t.title).toMatch(new RegExp(`^Tháng ${Number(t.month.slice(5))}: `));
      expect(t.body.length).toBeGreaterThan(100);
      expect(t.by).toBe(t.org === 'DOAN' ? 'tinhdoan' : 'phunu.tinh');
    }
    expect(lines.join('\n')).toMatch(/8 chủ điểm sinh hoạt/);
  });

  it('lets a share of the regular meetings below the publisher use the theme of their month', async () => {
    const [r] = await rows<{ themed: number; eligible: number; wrong: number }>(
      database,
      sql`select (count(*) filter (where m.theme_id is not null))::int as themed,
        (count(*) filter (where m.kind = 'regular'
          and to_char(m.scheduled_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') between '2026-09' and '2026-12'
          and u.organization_code in ('DOAN', 'PHUNU')))::int as eligible,
        (count(*) filter (where m.theme_id is not null and not exists (
          select 1 from themes t join units p on p.id = t.unit_id where t.id = m.theme_id and u.path <@ p.path
            and t.month = to_char(m.scheduled_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')
            and m.kind = 'regular')))::int as wrong
      from meetings m join units u on u.id = m.unit_id`,
    );
    expect(r?.themed).toBe(activity.themedMeetings);
    expect(r?.wrong).toBe(0);
    expect((r?.themed ?? 0) / (r?.eligible ?? 1)).toBeGreaterThan(0.35);
    expect((r?.themed ?? 0) / (r?.eligible ?? 1)).toBeLessThan(0.75);
  });

  it('records visits by the officer personas covering the branch, to held meetings only', async () => {
    const [r] = await rows<{ visits: number; bad: number; byCommune: number; named: number }>(
      database,
      sql`select count(*)::int as visits,
        (count(*) filter (where mc.status <> 'attended' or m.status not in ('held', 'locked')
          or not exists (select 1 from role_grants g join units gu on gu.id = g.unit_id
            where g.user_id = mc.user_id and g.unit_id = mc.from_unit_id
              and g.role in ('grassroots_officer', 'province_officer')
              and b.path <@ gu.path and gu.organization_code = b.organization_code)))::int as bad,
        (count(*) filter (where fu.level = 'grassroots'))::int as "byCommune",
        (count(*) filter (where m.higher_cadres like '%' || mc.cadre_name || '%'))::int as named
      from meeting_cadres mc join meetings m on m.id = mc.meeting_id join units b on b.id = m.unit_id
        join units fu on fu.id = mc.from_unit_id`,
    );
    expect(r?.visits).toBe(activity.visits);
    expect(r?.visits).toBeGreaterThan(5);
    expect(r?.bad).toBe(0);
    expect(r?.byCommune).toBeGreaterThan(0);
    expect(r?.named).toBe(r?.visits);
    const [c] = await rows<{ visited: number }>(
      database,
      sql`select coalesce(sum(cadre_visited), 0)::int as visited from unit_period_compliance`,
    );
    expect(c?.visited).toBe(
      (
        await rows<{ n: number }>(
          database,
          sql`select count(distinct meeting_id)::int as n from meeting_cadres where status = 'attended'`,
        )
      )[0]?.n,
    );
  });

  it('leaves the aggregates equal to a bulk rebuild of every unit', async () => {
    const [before] = await rows<{ snapshot: string }>(database, AGGREGATES);
    await database.db.transaction((tx) => rebuildMeetingAggregates(tx));
    const [after] = await rows<{ snapshot: string }>(database, AGGREGATES);
    expect(before?.snapshot.length).toBeGreaterThan(1000);
    expect(before?.snapshot).toBe(after?.snapshot);
  });

  it('adds nothing when run again', async () => {
    expect(await seedDemoActivity(database.db)).toEqual({
      themes: 0,
      themedMeetings: 0,
      visits: 0,
      units: 0,
    });
    const [n] = await rows<{ themes: number }>(database, sql`select count(*)::int as themes from themes`);
    expect(n?.themes).toBe(8);
  });
});
