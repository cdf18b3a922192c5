import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

/** Units whose stored count differs from a fresh count of their memberships. */
const drift = () =>
  rows<{ id: number }>(
    t.database.db,
    sql`select u.id from units u
        left join unit_member_counts c on c.unit_id = u.id
        left join (select unit_id, count(*)::int n from memberships where status in ('active','transferring') group by unit_id) m on m.unit_id = u.id
        where coalesce(c.members, 0) <> coalesce(m.n, 0)`,
  );

describe('member counts kept current on write', () => {
  it('match the memberships after seeding', async () => {
    expect(await drift()).toEqual([]);
  });

  it('follow inserts, status changes, moves and deletes', async () => {
    const db = t.database.db;
    const [u1, u2] = await rows<{ id: number }>(
      db,
      sql`select id from units where level = 'branch' order by id limit 2`,
    );
    const [p] = await rows<{ id: number }>(db, sql`select id from persons order by id limit 1`);
    await db.execute(sql`insert into memberships (person_id, organization_code, unit_id, status)
      select ${p!.id}, organization_code, id, 'active' from units where id in (${u1!.id}, ${u2!.id})`);
    expect(await drift()).toEqual([]);
    await db.execute(
      sql`update memberships set status = 'left' where unit_id = ${u1!.id} and person_id = ${p!.id}`,
    );
    await db.execute(
      sql`update memberships set unit_id = ${u1!.id} where unit_id = ${u2!.id} and person_id = ${p!.id}`,
    );
    expect(await drift()).toEqual([]);
    await db.execute(sql`delete from memberships where person_id = ${p!.id} and unit_id = ${u1!.id}`);
    expect(await drift()).toEqual([]);
  });
});
