import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

// 10:00 on 10/11/2026, Vietnam time.
const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: number;
let branchB: number;
let held: number;
let upcoming: number;

const plan = async (unitId: number, scheduledAt: string, kind = 'regular') => {
  const res = await t.as('admin', 'POST', `/api/units/${unitId}/meetings`, {
    kind,
    scheduledAt,
    mode: 'in_person',
    place: 'Nhà văn hoá thôn',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
};
const cadres = async (meetingId: number, who = 'doan.thachkhe') =>
  (await t.as(who, 'GET', `/api/meetings/${meetingId}/cadres`)).json();
const coverage = async (query: string, who = 'doan.thachkhe') => {
  const res = await t.as(who, 'GET', `/api/cadre-coverage?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  const [a, b] = await r.branches(r.doanTK);
  branchA = a!.id;
  branchB = b!.id;
  held = await plan(branchA, '2026-11-05T19:30:00+07:00');
  const invitee = (await t.as('admin', 'GET', `/api/meetings/${held}`)).json().attendance[0].personId;
  const roll = await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${held}/attendance`, {
    entries: [{ personId: invitee, status: 'present' }],
  });
  expect(roll.statusCode).toBe(200);
  upcoming = await plan(branchB, '2026-11-20T19:30:00+07:00');
});
afterAll(async () => t.close());

describe('higher-level cadres attending branch meetings', () => {
  let selfId: number;

  it('lets a commune officer assign themself, from their grant unit', async () => {
    const res = await t.as('doan.thachkhe', 'POST', `/api/meetings/${held}/cadres`, {});
    expect(res.statusCode).toBe(201);
    selfId = res.json().id;
    const list = await cadres(held);
    expect(list.items).toEqual([
      expect.objectContaining({
        id: selfId,
        userId: await r.userId('doan.thachkhe'),
        cadreName: 'Lê Văn Nam',
        fromUnitId: r.doanTK,
        status: 'assigned',
        abilities: { record: true, remove: false },
      }),
    ]);
    expect(list.abilities).toEqual({ assignSelf: false, assign: true });
    expect((await cadres(held, 'tinhdoan')).abilities).toEqual({ assignSelf: true, assign: true });
    // Assigning twice is refused.
    const again = await t.as('doan.thachkhe', 'POST', `/api/meetings/${held}/cadres`, {});
    expect(again.statusCode).toBe(409);
    const audit = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'meeting.cadre_assign' and entity_id = ${String(held)}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('refuses actors and colleagues outside the branch', async () => {
    expect((await t.as('doan.camxuyen', 'POST', `/api/meetings/${held}/cadres`, {})).statusCode).toBe(404);
    expect((await t.as('bithu.thachkhe', 'POST', `/api/meetings/${held}/cadres`, {})).statusCode).toBe(403);
    for (const who of ['doan.camxuyen', 'phunu.tinh', 'bithu.thachkhe', 'giamsat.tinh']) {
      const res = await t.as('tinhdoan', 'POST', `/api/meetings/${held}/cadres`, {
        userId: await r.userId(who),
      });
      expect(res.statusCode, who).toBe(400);
      expect(res.json().error.message).toContain('danh sách cán bộ phụ trách');
    }
    const ghost = await t.as('tinhdoan', 'POST', `/api/meetings/${held}/cadres`, { userId: 'không-có' });
    expect(ghost.statusCode).toBe(400);
    // A supervisor may read the list but not assign anyone.
    expect((await cadres(held, 'dangu.thachkhe')).abilities).toEqual({ assignSelf: false, assign: false });
    expect((await t.as('admin', 'POST', `/api/meetings/${held}/cadres`, {})).statusCode).toBe(403);
  });

  it('lists eligible colleagues and notifies one who is assigned by someone else', async () => {
    const res = await t.as('tinhdoan', 'GET', `/api/meetings/${upcoming}/cadre-candidates`);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((c: { username: string }) => c.username);
    expect(names).toEqual(expect.arrayContaining(['tinhdoan', 'doan.thachkhe']));
    expect(names).not.toContain('doan.camxuyen');
    expect(names).not.toContain('phunu.tinh');
    expect(
      (await t.as('doan.camxuyen', 'GET', `/api/meetings/${upcoming}/cadre-candidates`)).statusCode,
    ).toBe(404);

    const assigned = await t.as('tinhdoan', 'POST', `/api/meetings/${upcoming}/cadres`, {
      userId: await r.userId('doan.thachkhe'),
    });
    expect(assigned.statusCode).toBe(201);
    const inbox = (await t.as('doan.thachkhe', 'GET', '/api/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'cadre_assigned',
      link: `/meetings/${upcoming}`,
      readAt: null,
    });
    expect(inbox.items[0].body).toContain('Nguyễn Văn Hùng phân công bạn dự sinh hoạt');
    expect(inbox.items[0].body).toContain('19:30 20/11/2026');

    const visits = (await t.as('doan.thachkhe', 'GET', '/api/me/cadre-visits')).json().items;
    expect(visits.map((v: { meetingId: number; upcoming: boolean }) => [v.meetingId, v.upcoming])).toEqual([
      [upcoming, true],
      [held, false],
    ]);
  });

  it('records the visit only from the meeting day, and removes only planned, unrecorded assignments', async () => {
    const [future] = (await cadres(upcoming)).items;
    const early = await t.as('doan.thachkhe', 'PATCH', `/api/meeting-cadres/${future.id}`, {
      status: 'attended',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('20/11/2026');
    expect((await t.as('doan.camxuyen', 'DELETE', `/api/meeting-cadres/${future.id}`)).statusCode).toBe(404);
    expect((await t.as('bithu.thachkhe', 'DELETE', `/api/meeting-cadres/${future.id}`)).statusCode).toBe(403);
    expect((await t.as('tinhdoan', 'DELETE', `/api/meeting-cadres/${future.id}`)).statusCode).toBe(200);
    expect((await cadres(upcoming)).items).toEqual([]);
    expect((await t.as('tinhdoan', 'DELETE', `/api/meeting-cadres/${selfId}`)).statusCode).toBe(409);
  });

  it('marks a cadre attended: coverage shows the branch covered and the compliance aggregate counts it', async () => {
    const before = await coverage(`unitId=${r.doanTK}&months=6`);
    expect(before.rows.every((row: { covered: boolean }) => !row.covered)).toBe(true);

    // Another branch head cannot record it; the cadre themself can.
    expect(
      (await t.as('chihoi.thachkhe', 'PATCH', `/api/meeting-cadres/${selfId}`, { status: 'attended' }))
        .statusCode,
    ).toBe(404);
    const res = await t.as('doan.thachkhe', 'PATCH', `/api/meeting-cadres/${selfId}`, {
      status: 'attended',
      note: 'Dự và phát biểu chỉ đạo',
    });
    expect(res.statusCode).toBe(200);
    const [row] = (await cadres(held)).items;
    expect(row).toMatchObject({
      status: 'attended',
      note: 'Dự và phát biểu chỉ đạo',
      recordedAt: now.toISOString(),
    });

    const agg = await one<{ cadreVisited: number }>(
      t.database.db,
      sql`select cadre_visited as "cadreVisited" from unit_period_compliance where unit_id = ${branchA} and period_key = '2026-11'`,
    );
    expect(agg!.cadreVisited).toBe(1);

    const after = await coverage(`unitId=${r.doanTK}&months=6`);
    const a = after.rows.find((x: { unitId: number }) => x.unitId === branchA);
    expect(a).toMatchObject({ covered: true, visits: 1, lastVisitAt: '2026-11-05T12:30:00.000Z' });
    expect(after.summary.covered).toBe(1);
    expect(after.summary.notCovered).toBe(after.summary.total - 1);
    expect(after.window).toEqual({ months: 6, from: '2026-05-10', to: '2026-11-10' });

    // The branch head records it as absent after all: the aggregate follows.
    const absent = await t.as('bithu.thachkhe', 'PATCH', `/api/meeting-cadres/${selfId}`, {
      status: 'absent',
    });
    expect(absent.statusCode).toBe(200);
    const agg2 = await one<{ cadreVisited: number }>(
      t.database.db,
      sql`select cadre_visited as "cadreVisited" from unit_period_compliance where unit_id = ${branchA} and period_key = '2026-11'`,
    );
    expect(agg2!.cadreVisited).toBe(0);
    expect((await coverage(`unitId=${r.doanTK}`)).summary.covered).toBe(0);
    await t.as('doan.thachkhe', 'PATCH', `/api/meeting-cadres/${selfId}`, { status: 'attended' });
  });

  it('lists difficult-area branches first, with their own summary, and only branches in scope', async () => {
    await t.database.db.execute(
      sql`update units set difficult_area = (id = ${branchB}) where parent_id = ${r.doanTK}`,
    );
    const report = await coverage(`unitId=${r.doanTK}&months=3`);
    expect(report.rows[0]).toMatchObject({ unitId: branchB, difficultArea: true, covered: false, visits: 0 });
    expect(report.summary.difficult).toEqual({ total: 1, covered: 0, notCovered: 1 });
    // Non-difficult: uncovered before covered.
    const rest = report.rows.slice(1).map((x: { covered: boolean }) => x.covered);
    expect(rest).toEqual([...rest].sort((x, y) => Number(x) - Number(y)));

    const branches = await rows<{ id: number }>(
      t.database.db,
      sql`select id from units where parent_id = ${r.doanTK} and level = 'branch' and active`,
    );
    expect(report.rows.length).toBe(branches.length);
    const camxuyen = await coverage('months=12', 'doan.camxuyen');
    expect(camxuyen.rows.some((x: { unitId: number }) => x.unitId === branchA)).toBe(false);
    expect((await t.as('doan.camxuyen', 'GET', `/api/cadre-coverage?unitId=${r.doanTK}`)).statusCode).toBe(
      404,
    );
    expect((await t.as('tinhdoan', 'GET', '/api/cadre-coverage?months=0')).statusCode).toBe(400);
  });

  it('refuses a change to locked minutes without a note, and new assignments to them', async () => {
    expect((await t.as('bithu.thachkhe', 'POST', `/api/meetings/${held}/lock`)).statusCode).toBe(200);
    const noNote = await t.as('doan.thachkhe', 'PATCH', `/api/meeting-cadres/${selfId}`, {
      status: 'absent',
    });
    expect(noNote.statusCode).toBe(400);
    expect((await t.as('tinhdoan', 'POST', `/api/meetings/${held}/cadres`, {})).statusCode).toBe(409);
    const withNote = await t.as('doan.thachkhe', 'PATCH', `/api/meeting-cadres/${selfId}`, {
      status: 'attended',
      note: 'Bổ sung sau khi khoá biên bản',
    });
    expect(withNote.statusCode).toBe(200);
    const audit = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'meeting.cadre_amend_locked'`,
    );
    expect(audit!.n).toBe(1);
  });
});
