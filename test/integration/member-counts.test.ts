/**
 * The aggregates kept on write from memberships and persons (unit_member_counts with its away / cadre / Party
 * cadre counts, person_live, unit_month_flows) always equal a fresh count of the rows, after seeding and after
 * inserts, status changes, moves, a merge, changes of a person's away and Party status, and deletes; and the
 * changes recorded this month (unit_stock_changes) add up to what changed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const LIVE = sql`status in ('active', 'transferring')`;

/** This month's recorded changes of one unit (zeros when none). */
async function changes(unitId: number) {
  const [r] = await rows<{ away: number; cadres: number; party: number }>(
    t.database.db,
    sql`select coalesce(sum(away), 0)::int as away, coalesce(sum(cadres), 0)::int as cadres,
      coalesce(sum(cadres_party), 0)::int as party from unit_stock_changes
      where unit_id = ${unitId} and month = date_trunc('month', now() at time zone 'UTC' + interval '7 hours')::date`,
  );
  return r;
}
const ENDED = sql`status in ('left', 'removed', 'deceased', 'aged_out')`;

/** Every row where a kept aggregate differs from a fresh count (empty when they all agree). */
async function drift() {
  const db = t.database.db;
  const counts = await rows<{ id: number }>(
    db,
    sql`select u.id from units u
        left join unit_member_counts c on c.unit_id = u.id
        left join (select ms.unit_id, count(*)::int n, (count(*) filter (where p.away_from_home))::int as away,
            (count(*) filter (where ms.position is not null))::int as cadres,
            (count(*) filter (where ms.position is not null and p.party_status in ('probationary', 'full')))::int
              as party
          from memberships ms join persons p on p.id = ms.person_id where ms.${LIVE} group by ms.unit_id) m
          on m.unit_id = u.id
        where coalesce(c.members, 0) <> coalesce(m.n, 0) or coalesce(c.away, 0) <> coalesce(m.away, 0)
          or coalesce(c.cadres, 0) <> coalesce(m.cadres, 0) or coalesce(c.cadres_party, 0) <> coalesce(m.party, 0)`,
  );
  const live = await rows<{ id: number }>(
    db,
    sql`with fresh as (select person_id, min(coalesce(joined_on, '-infinity'::date)) as since from memberships
        where ${LIVE} group by person_id)
      (select person_id as id, since from person_live except select person_id, since from fresh)
      union all (select person_id, since from fresh except select person_id, since from person_live)`,
  );
  const flows = await rows<{ unitId: number; month: string }>(
    db,
    sql`with fresh as (
        select unit_id, month, sum(a)::int as a, sum(l)::int as l from (
          select unit_id, date_trunc('month', joined_on)::date as month, 1 as a, 0 as l from memberships
            where joined_on is not null and status <> 'merged'
          union all
          select unit_id, date_trunc('month', left_on)::date, 0, 1 from memberships where left_on is not null and ${ENDED}
        ) d group by unit_id, month)
      select coalesce(f.unit_id, k.unit_id) as "unitId", coalesce(f.month, k.month)::text as month
      from fresh f full join unit_month_flows k on k.unit_id = f.unit_id and k.month = f.month
      where coalesce(f.a, 0) <> coalesce(k.admitted, 0) or coalesce(f.l, 0) <> coalesce(k."left", 0)`,
  );
  return { counts, live, flows };
}
const NONE = { counts: [], live: [], flows: [] };

describe('aggregates kept current on write', () => {
  it('match the memberships after seeding', async () => {
    expect(await drift()).toEqual(NONE);
  });

  it('follow inserts, status changes, moves, a change of person and deletes', async () => {
    const db = t.database.db;
    // Two branches of different organizations, and a new person with no membership yet.
    const [u1, u2] = await rows<{ id: number }>(
      db,
      sql`select distinct on (organization_code) id from units where level = 'branch' and active
        order by organization_code, id limit 2`,
    );
    const [p] = await rows<{ id: number }>(
      db,
      sql`insert into persons (family_name, given_name, search_text, sort_key, gender)
        values ('Kiểm', 'Tra', 'kiem tra', 'tra kiem', 'M') returning id`,
    );
    const [other] = await rows<{ id: number }>(
      db,
      sql`select person_id as id from memberships where ${LIVE} order by id limit 1`,
    );
    await db.execute(sql`insert into memberships (person_id, organization_code, unit_id, status, joined_on)
      select ${p!.id}, organization_code, id, 'active', '2026-03-15' from units where id in (${u1!.id}, ${u2!.id})`);
    expect(await rows(db, sql`select 1 from person_live where person_id = ${p!.id}`)).toHaveLength(1);
    expect(await drift()).toEqual(NONE);
    // joins a second organization in January: live since then; leaves one organization in May: still live
    // through the other, since March
    await db.execute(
      sql`update memberships set joined_on = '2026-01-10' where unit_id = ${u1!.id} and person_id = ${p!.id}`,
    );
    expect(await drift()).toEqual(NONE);
    await db.execute(sql`update memberships set status = 'left', left_on = '2026-05-02'
      where unit_id = ${u1!.id} and person_id = ${p!.id}`);
    expect(await drift()).toEqual(NONE);
    // the ended membership moves to the other branch (its flows move with it)
    await db.execute(sql`update memberships set unit_id = ${u2!.id}, organization_code =
      (select organization_code from units where id = ${u2!.id}) where unit_id = ${u1!.id} and person_id = ${p!.id}`);
    expect(await drift()).toEqual(NONE);
    // the live one is handed to another person (as a merge does): p is no longer live
    await db.execute(sql`update memberships set person_id = ${other!.id}, status = 'merged'
      where person_id = ${p!.id} and ${LIVE}`);
    expect(await rows(db, sql`select 1 from person_live where person_id = ${p!.id}`)).toHaveLength(0);
    expect(await drift()).toEqual(NONE);
    await db.execute(
      sql`delete from memberships where person_id in (${p!.id}, ${other!.id}) and status in ('left', 'merged')`,
    );
    expect(await drift()).toEqual(NONE);
  });

  it('follow a person starting work away, joining the Party, taking a cadre post, and record each change', async () => {
    const db = t.database.db;
    const [u] = await rows<{ id: number; org: string }>(
      db,
      sql`select id, organization_code as org from units where level = 'branch' and active order by id desc limit 1`,
    );
    const [p] = await rows<{ id: number }>(
      db,
      sql`insert into persons (family_name, given_name, search_text, sort_key, gender)
        values ('Lê', 'Thử', 'le thu', 'thu le', 'F') returning id`,
    );
    const before = await changes(u!.id);
    await db.execute(sql`insert into memberships (person_id, organization_code, unit_id, status, joined_on)
      values (${p!.id}, ${u!.org}, ${u!.id}, 'active', '2026-02-01')`);
    await db.execute(
      sql`update persons set away_from_home = true, away_place = 'Bình Dương' where id = ${p!.id}`,
    );
    expect(await drift()).toEqual(NONE);
    await db.execute(sql`update memberships set position = 'Chi hội trưởng' where person_id = ${p!.id}`);
    await db.execute(sql`update persons set party_status = 'probationary' where id = ${p!.id}`);
    expect(await drift()).toEqual(NONE);
    expect(await changes(u!.id)).toEqual({
      away: before!.away + 1,
      cadres: before!.cadres + 1,
      party: before!.party + 1,
    });
    // an edit that touches neither flag records nothing; coming home and leaving the post are recorded
    await db.execute(sql`update persons set occupation = 'Công nhân' where id = ${p!.id}`);
    await db.execute(sql`update persons set away_from_home = false where id = ${p!.id}`);
    await db.execute(
      sql`update memberships set status = 'left', left_on = '2026-11-02' where person_id = ${p!.id}`,
    );
    expect(await drift()).toEqual(NONE);
    expect(await changes(u!.id)).toEqual(before);
  });

  it('refuse a second live membership of one person in one organization', async () => {
    const db = t.database.db;
    const [m] = await rows<{ personId: number; org: string; unitId: number }>(
      db,
      sql`select person_id as "personId", organization_code as org, unit_id as "unitId" from memberships
        where ${LIVE} order by id limit 1`,
    );
    await expect(
      db.execute(sql`insert into memberships (person_id, organization_code, unit_id, status)
        values (${m!.personId}, ${m!.org}, ${m!.unitId}, 'active')`),
    ).rejects.toThrow();
  });
});
