/**
 * Party development (DOMAIN.md §6): a branch records a member's stages (never backwards, only its own active
 * members, no future dates), lists and deletes them; the dashboard's count of members introduced to the Party
 * (introducedCounts) compared with plain SQL over the raw rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntroductionList } from '../../contracts/party';
import { one, rows } from '../../server/db/query';
import { parsePeriodKey } from '../../server/modules/meetings/periods';
import { introducedCounts } from '../../server/modules/party/party.repo';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branches: { id: number }[];
let members: number[];

const url = (unitId: number) => `/api/units/${unitId}/party-introductions`;
const add = (
  personId: number,
  stage: string,
  stageOn: string,
  who = 'bithu.thachkhe',
  unitId = branches[0]!.id,
) => t.as(who, 'POST', url(unitId), { personId, stage, stageOn, decisionNo: '05-QĐ/ĐU' });
const list = async (query = '', who = 'bithu.thachkhe') => {
  const res = await t.as(who, 'GET', `${url(branches[0]!.id)}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as IntroductionList;
};
/** Active members of a branch with no other membership. */
const activeIn = async (unitId: number, n: number) =>
  (
    await rows<{ id: number }>(
      t.database.db,
      sql`select m.person_id as id from memberships m where m.unit_id = ${unitId} and m.status = 'active'
      and not exists (select 1 from memberships o where o.person_id = m.person_id and o.id <> m.id)
      order by m.person_id limit ${n}`,
    )
  ).map((x) => x.id);

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  branches = await r.branches(r.doanTK);
  members = await activeIn(branches[0]!.id, 3);
  expect(members.length).toBe(3);
});
afterAll(async () => t.close());

describe('party introductions', () => {
  it('records the stages in order and refuses going backwards or repeating one (409)', async () => {
    const p = members[0]!;
    expect((await add(p, 'identified', '2026-02-03')).statusCode).toBe(201);
    expect((await add(p, 'course', '2026-05-20')).statusCode).toBe(201);
    const back = await add(p, 'identified', '2026-06-01');
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toContain('không đi ngược');
    expect((await add(p, 'course', '2026-06-01')).statusCode).toBe(409);
    const early = await add(p, 'introduced', '2026-05-01');
    expect(early.statusCode).toBe(400);
    const intro = await add(p, 'introduced', '2026-10-15');
    expect(intro.statusCode, intro.body).toBe(201);
    const audit = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'party.stage' and entity_id = ${String(intro.json().id)}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('refuses a person who is not an active member of the unit, and a date after today', async () => {
    const [other] = await activeIn(branches[1]!.id, 1);
    const res = await add(other!, 'identified', '2026-03-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('không đang sinh hoạt');
    const future = await add(members[1]!, 'identified', '2026-11-11');
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('chưa tới');
    expect((await add(members[1]!, 'identified', '2026-11-10')).statusCode).toBe(201);
  });

  it('lists the subtree in the Vietnamese name order, filtered by stage and year; the commune sees it too', async () => {
    await add(members[2]!, 'identified', '2025-12-01');
    const all = await list();
    const expected = await rows<{ id: number }>(
      t.database.db,
      sql`select i.id from party_introductions i join persons p on p.id = i.person_id
      where i.unit_id = ${branches[0]!.id} order by p.sort_key collate "C", p.birth_date, p.id, i.stage_on, i.id`,
    );
    expect(all.items.map((i) => i.id)).toEqual(expected.map((e) => e.id));
    expect(all.canWrite).toBe(true);
    const intro = await list('?stage=introduced');
    expect(intro.items.map((i) => [i.personId, i.stageOn])).toEqual([[members[0]!, '2026-10-15']]);
    expect((await list('?year=2025')).items.map((i) => i.personId)).toEqual([members[2]!]);
    const commune = await t.as('doan.thachkhe', 'GET', `${url(r.doanTK)}?year=2026`);
    expect(commune.statusCode).toBe(200);
    expect((commune.json() as IntroductionList).items.length).toBe(4);
    expect((await t.as('doan.camxuyen', 'GET', url(branches[0]!.id))).statusCode).toBe(404);
    expect((await add(members[1]!, 'course', '2026-11-10', 'doan.camxuyen')).statusCode).toBe(404);
    expect((await add(members[1]!, 'course', '2026-11-10', 'giamsat.tinh')).statusCode).toBe(403);
  });

  it('treats the stages as Party-membership data: readSensitive only (403 in scope, 404 outside), every read audited', async () => {
    const reads = async () =>
      (
        await rows<{ entityId: string; after: { filters: unknown; rows: number }; actorName: string }>(
          t.database.db,
          sql`select entity_id as "entityId", after, actor_name as "actorName" from audit_log
          where action = 'party.read' order by id`,
        )
      ).map((a) => ({ ...a, after: typeof a.after === 'string' ? JSON.parse(a.after) : a.after }));
    const before = (await reads()).length;
    // Supervisors read the branch's meetings and figures but not who is at which Party stage.
    for (const who of ['giamsat.tinh', 'dangu.thachkhe']) {
      const res = await t.as(who, 'GET', url(branches[0]!.id));
      expect(res.statusCode, who).toBe(403);
      expect(res.body).not.toContain('stage');
    }
    // Another commune's officer, and the Women's Union of the same commune: existence hidden.
    for (const who of ['doan.camxuyen', 'phunu.thachkhe']) {
      expect((await t.as(who, 'GET', url(branches[0]!.id))).statusCode, who).toBe(404);
    }
    expect((await reads()).length).toBe(before);
    // Each allowed read writes one row: the unit, the filter and how many rows were shown.
    const got = await list('?stage=introduced&year=2026');
    const commune = await t.as('doan.thachkhe', 'GET', url(r.doanTK));
    expect(commune.statusCode).toBe(200);
    const audit = (await reads()).slice(before);
    expect(audit).toEqual([
      {
        entityId: String(branches[0]!.id),
        after: { filters: { stage: 'introduced', year: 2026 }, rows: got.items.length },
        actorName: expect.any(String),
      },
      {
        entityId: String(r.doanTK),
        after: { filters: {}, rows: (commune.json() as IntroductionList).items.length },
        actorName: expect.any(String),
      },
    ]);
    expect(got.items.length).toBe(1);
  });

  it('deletes a mistaken entry, after which the stage can be recorded again', async () => {
    const p = members[1]!;
    const wrong = await add(p, 'admitted', '2026-11-10');
    expect(wrong.statusCode).toBe(201);
    expect(
      (await t.as('doan.camxuyen', 'DELETE', `/api/party-introductions/${wrong.json().id}`)).statusCode,
    ).toBe(404);
    const del = await t.as('bithu.thachkhe', 'DELETE', `/api/party-introductions/${wrong.json().id}`);
    expect(del.statusCode).toBe(200);
    expect((await list()).items.some((i) => i.id === wrong.json().id)).toBe(false);
    expect((await add(p, 'course', '2026-11-10')).statusCode).toBe(201);
  });

  it('introducedCounts: distinct persons introduced per child and in total, as plain SQL counts them', async () => {
    const db = t.database.db;
    const commune = await one<{ path: string }>(
      db,
      sql`select path::text as path from units where id = ${r.doanTK}`,
    );
    const [b0, b1, b2] = branches as [{ id: number }, { id: number }, { id: number }];
    const [x, y] = await activeIn(b1.id, 2);
    const creator = await r.userId('doan.thachkhe');
    const put = (personId: number, unitId: number, stage: string, on: string) =>
      db.execute(sql`insert into party_introductions (person_id, unit_id, stage, stage_on, created_by)
        values (${personId}, ${unitId}, ${stage}, ${on}, ${creator})`);
    // Raw rows: one person introduced in two branches (counts once in the total), one in the previous quarter,
    // one outside both windows, and a later stage that is not an introduction.
    await put(x!, b1.id, 'introduced', '2026-10-02');
    await put(x!, b2.id, 'introduced', '2026-11-01');
    await put(y!, b1.id, 'introduced', '2026-08-30');
    await put(y!, b1.id, 'introduced', '2026-01-30');
    await put(y!, b1.id, 'admitted', '2026-11-02');
    const cur = parsePeriodKey('2026-Q4')!;
    const prev = parsePeriodKey('2026-Q3')!;
    const groups = [b0.id, b1.id, b2.id];
    const depth = (await one<{ d: number }>(
      db,
      sql`select nlevel(path) as d from units where id = ${b0.id}`,
    ))!.d;
    const got = await introducedCounts(
      db,
      sql`u.active and u.path <@ ${commune!.path}::ltree`,
      groups.map((id) => ({ id, depth })),
      cur,
      prev,
    );
    const plain = async (under: string, w: { start: string; end: string }) =>
      (await one<{ n: number }>(
        db,
        sql`select count(distinct i.person_id)::int as n from party_introductions i join units u on u.id = i.unit_id
        where u.active and u.path <@ ${under}::ltree and i.stage = 'introduced' and i.stage_on between ${w.start}::date and ${w.end}::date`,
      ))!.n;
    const total = got.find((g) => g.total)!;
    expect([total.introduced, total.introducedPrev]).toEqual([
      await plain(commune!.path, cur),
      await plain(commune!.path, prev),
    ]);
    expect(total.introduced).toBe(2); // members[0] via the API in branch 0, x in branches 1 and 2
    for (const id of groups) {
      const path = (await one<{ p: string }>(db, sql`select path::text as p from units where id = ${id}`))!.p;
      const row = got.find((g) => !g.total && g.grp === id) ?? { introduced: 0, introducedPrev: 0 };
      expect([row.introduced, row.introducedPrev], `branch ${id}`).toEqual([
        await plain(path, cur),
        await plain(path, prev),
      ]);
    }
    expect(got.find((g) => g.grp === b1.id)!.introducedPrev).toBe(1);
  });
});
