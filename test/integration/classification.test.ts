/**
 * Yearly classification: a year built through the API on the demo data (a thematic meeting with its roll call, an
 * admission, an opinion answered, an introduction to the Party), the proposal of a commune's branches checked
 * against plain SQL over the raw rows, then confirm, override, re-propose, distribution, scope and scheme edits.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassificationList, ClassificationRow, Scheme } from '../../contracts/classification';
import { one, rows } from '../../server/db/query';
import { CSRF, makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branch: number;
let path: string;

const n = async (q: SQL) => (await one<{ n: number }>(t.database.db, q))!.n;
const list = async (query: string, who = 'doan.thachkhe') => {
  const res = await t.as(who, 'GET', `/api/classification?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ClassificationList;
};
const propose = async (who = 'doan.thachkhe') => {
  const res = await t.as(who, 'POST', '/api/classification/proposals', { unitId: r.doanTK, year: 2026 });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const rowOf = async (unitId: number) =>
  (await list(`unitId=${r.doanTK}&year=2026&pageSize=500`)).rows.find((x) => x.unitId === unitId)!;

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  const db = t.database.db;
  path = (await one<{ p: string }>(db, sql`select path::text as p from units where id = ${r.doanTK}`))!.p;
  // An opinion raised by a member of the commune: its branch is the one the test follows.
  const raised = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
    kind: 'kien_nghi',
    categoryCode: 'ha_tang',
    content: 'Đề nghị sửa cầu (xếp loại)',
  });
  expect(raised.statusCode, raised.body).toBe(201);
  branch = (await one<{ id: number }>(
    db,
    sql`select unit_id as id from voice_items where id = ${raised.json().id}`,
  ))!.id;
  const created = await t.as('doan.thachkhe', 'POST', `/api/units/${branch}/meetings`, {
    kind: 'thematic',
    scheduledAt: '2026-11-08T19:00:00+07:00',
    mode: 'in_person',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id;
  const d = (await t.as('doan.thachkhe', 'GET', `/api/meetings/${id}`)).json();
  const roll = await t.as('doan.thachkhe', 'PUT', `/api/meetings/${id}/attendance`, {
    entries: d.attendance.map((a: { personId: number }, i: number) => ({
      personId: a.personId,
      status: i % 4 === 0 ? 'absent_unexcused' : 'present',
    })),
  });
  expect(roll.statusCode, roll.body).toBe(200);
  const admitted = await t.as('doan.thachkhe', 'POST', `/api/units/${branch}/admissions`, {
    person: { fullName: 'Lê Văn Xếp Loại', birth: '02/03/2003', gender: 'M' },
    joinedOn: '2026-11-05',
    decisionNo: '7/QĐ-CĐ',
  });
  expect(admitted.statusCode, admitted.body).toBe(201);
  // Party introductions have no API yet: rows as the Party-development records would hold them.
  await db.execute(sql`insert into party_introductions (person_id, unit_id, stage, stage_on, created_by)
    select m.person_id, m.unit_id, s.stage, '2026-06-01', 'test'
    from (select person_id, unit_id from memberships where unit_id = ${branch} and status = 'active'
      order by person_id limit 1) m
    cross join (values ('identified'), ('introduced')) s(stage)`);
  now = new Date('2026-11-12T03:00:00Z');
  const resolved = await t.as('doan.thachkhe', 'POST', `/api/voice/items/${raised.json().id}/resolve`, {
    answer: 'Đã chuyển UBND xã',
  });
  expect(resolved.statusCode, resolved.body).toBe(200);
  now = new Date('2027-01-10T03:00:00Z');
});
afterAll(async () => t.close());

describe('classification', () => {
  it('shows the empty list before any proposal, with every branch and no level', async () => {
    const l = await list(`unitId=${r.doanTK}&year=2026`);
    expect(l.distribution.unproposed).toBe(l.distribution.branches);
    expect(l.rows.every((x) => x.proposedLevel === null)).toBe(true);
    expect(l.levels[0]!.name).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('proposes every branch of the commune with metrics equal to plain SQL over the raw rows', async () => {
    const branches = await n(
      sql`select count(*)::int as n from units where path <@ ${path}::ltree and active and level = 'branch'`,
    );
    const res = await propose();
    expect(res).toMatchObject({ year: 2026, branches, created: branches, updated: 0 });
    const l = await list(`unitId=${r.doanTK}&year=2026&pageSize=500`);
    expect(l.total).toBe(branches);
    const db = t.database.db;
    const inBranch = sql`unit_id in (select id from units where path <@ ${path}::ltree and level = 'branch')`;
    const held = sql`m.status in ('held', 'locked') and m.period_start between '2026-01-01' and '2026-12-31'`;
    // The Youth Union meets monthly: a month met its rhythm when the branch held a meeting in it.
    const rhythm = await rows<{ id: number; months: number }>(
      db,
      sql`select m.unit_id as id, count(distinct m.period_key)::int as months from meetings m
      where ${held} and m.${inBranch} group by m.unit_id`,
    );
    const att = await rows<{ id: number; a: number; i: number; th: number }>(
      db,
      sql`select m.unit_id as id, (count(a.*) filter (where a.status in ('present', 'online')))::int as a,
        count(a.*)::int as i, count(distinct m.id) filter (where m.kind = 'thematic')::int as th
      from meetings m left join meeting_attendance a on a.meeting_id = m.id where ${held} and m.${inBranch}
      group by m.unit_id`,
    );
    const adm = await rows<{ id: number; n: number }>(
      db,
      sql`select unit_id as id, count(*)::int as n from memberships
      where ${inBranch} and joined_on between '2026-01-01' and '2026-12-31' group by unit_id`,
    );
    const voice = await rows<{ id: number; ok: number; all: number }>(
      db,
      sql`select unit_id as id, (count(*) filter (where answered_at is not null and overdue_count = 0))::int as ok,
        count(*)::int as all from voice_items where ${inBranch} and status <> 'merged'
        and raised_at >= '2026-01-01T00:00:00+07:00' and raised_at < '2027-01-01T00:00:00+07:00' group by unit_id`,
    );
    const byId = <T extends { id: number }>(xs: T[], id: number) => xs.find((x) => x.id === id);
    for (const row of l.rows) {
      const m = row.metrics!;
      const a = byId(att, row.unitId);
      expect(m.rhythmShare, row.unitName).toBeCloseTo((byId(rhythm, row.unitId)?.months ?? 0) / 12);
      if (a && a.i > 0) expect(m.attendanceRate, row.unitName).toBeCloseTo(a.a / a.i);
      else expect(m.attendanceRate).toBeNull();
      expect(m.thematic).toBe(a?.th ?? 0);
      expect(m.admitted).toBe(byId(adm, row.unitId)?.n ?? 0);
      const v = byId(voice, row.unitId);
      expect(m.voiceOnTime).toBe(v ? v.ok / v.all : null);
      expect(m.partyIntroduced).toBe(row.unitId === branch ? 1 : 0);
      expect(row.proposedLevel).not.toBeNull();
      expect(row.level).toBeNull();
    }
    const mine = l.rows.find((x) => x.unitId === branch)!;
    expect(mine.metrics!.rhythmShare).toBeGreaterThanOrEqual(1 / 12);
    expect(mine.metrics!.thematic).toBeGreaterThanOrEqual(1);
    expect(mine.metrics!.admitted).toBeGreaterThanOrEqual(1);
    expect(mine.metrics!.voiceOnTime).toBe(1);
    expect(mine.reasons.length).toBeGreaterThan(0);
    expect(
      await n(sql`select count(*)::int as n from audit_log where action = 'classification.propose'
        and entity_id = ${String(r.doanTK)}`),
    ).toBe(1);
  });

  it('confirms the proposal, refuses an override without a reason, stores and audits one with a reason', async () => {
    const before = await rowOf(branch);
    const url = `/api/classification/${branch}/2026/confirm`;
    const ok = await t.as('doan.thachkhe', 'POST', url, { level: before.proposedLevel });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ level: before.proposedLevel, overrideReason: null });
    const other = before.proposedLevel === 'khong_hoan_thanh' ? 'hoan_thanh' : 'khong_hoan_thanh';
    const bare = await t.as('doan.thachkhe', 'POST', url, { level: other });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('nhập lý do (ít nhất 5 ký tự)');
    const short = await t.as('doan.thachkhe', 'POST', url, { level: other, reason: ' abc ' });
    expect(short.statusCode).toBe(400);
    const bad = await t.as('doan.thachkhe', 'POST', url, { level: 'gioi' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Hoàn thành tốt nhiệm vụ');
    const reason = 'Chi đoàn tổ chức tốt phong trào tình nguyện hè';
    const over = await t.as('doan.thachkhe', 'POST', url, { level: other, reason });
    expect(over.statusCode, over.body).toBe(200);
    const stored = await rowOf(branch);
    expect(stored).toMatchObject({
      level: other,
      overrideReason: reason,
      proposedLevel: before.proposedLevel,
    });
    expect(stored.confirmedBy).toBeTruthy();
    const audit = await one<{ after: { level: string; overrideReason: string } }>(
      t.database.db,
      sql`select after from audit_log where action = 'classification.override' and entity_id = ${`${branch}:2026`}`,
    );
    expect(audit?.after).toMatchObject({ level: other, overrideReason: reason });
  });

  it('keeps the confirmed level when proposing again, refreshing the proposal', async () => {
    const before = await rowOf(branch);
    now = new Date('2027-01-11T03:00:00Z');
    const res = await propose();
    expect(res.created).toBe(0);
    expect(res.keptConfirmed).toBe(1);
    const after = await rowOf(branch);
    expect(after.level).toBe(before.level);
    expect(after.overrideReason).toBe(before.overrideReason);
    expect(after.proposedAt).not.toBe(before.proposedAt);
  });

  it('counts the distribution from the rows, per level and per child unit', async () => {
    const l = await list(`unitId=${r.doanTK}&year=2026&pageSize=500`);
    const d = l.distribution;
    expect(d.branches).toBe(l.total);
    expect(d.unproposed).toBe(0);
    for (const lv of d.levels) {
      expect(lv.confirmed).toBe(l.rows.filter((x) => x.level === lv.code).length);
      expect(lv.proposed).toBe(l.rows.filter((x) => x.level === null && x.proposedLevel === lv.code).length);
    }
    expect(d.levels.reduce((s, x) => s + x.confirmed + x.proposed, 0)).toBe(l.total);
    const child = l.children.find((c) => c.unitId === branch)!;
    expect(child.branches).toBe(1);
    expect(child.levels.reduce((s, x) => s + x.confirmed, 0)).toBe(1);
    // The level filter lists the rows of one level (confirmed, else proposed).
    const code = (await rowOf(branch)).level!;
    const only = await list(`unitId=${r.doanTK}&year=2026&level=${code}`);
    const lv = d.levels.find((x) => x.code === code)!;
    expect(only.total).toBe(lv.confirmed + lv.proposed);
  });

  it('answers 404 out of scope, 403 to a branch head, 400 for a future year', async () => {
    expect(
      (await t.as('doan.camxuyen', 'GET', `/api/classification?unitId=${r.doanTK}&year=2026`)).statusCode,
    ).toBe(404);
    const body = { unitId: r.doanTK, year: 2026 };
    expect((await t.as('doan.camxuyen', 'POST', '/api/classification/proposals', body)).statusCode).toBe(404);
    expect((await t.as('doan.camxuyen', 'POST', '/api/classification/confirm-batch', body)).statusCode).toBe(
      404,
    );
    const confirm = `/api/classification/${branch}/2026/confirm`;
    expect((await t.as('doan.camxuyen', 'POST', confirm, { level: 'tot' })).statusCode).toBe(404);
    expect((await t.as('bithu.thachkhe', 'POST', confirm, { level: 'tot' })).statusCode).toBe(403);
    const future = await t.as('doan.thachkhe', 'POST', '/api/classification/proposals', {
      ...body,
      year: 2028,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('Năm 2028 chưa đến');
  });

  it('uses an edited scheme for the next proposal, and refuses a scheme stricter for a worse level', async () => {
    const cur = (await t.as('giamsat.tinh', 'GET', '/api/classification/schemes/DOAN')).json() as Scheme;
    expect(cur.isDefault).toBe(true);
    const lenient = {
      levels: cur.levels,
      criteria: cur.criteria.map((c) => ({
        ...c,
        thresholds: Object.fromEntries(Object.keys(c.thresholds).map((k) => [k, 0])),
      })),
    };
    expect((await t.as('phunu.tinh', 'PUT', '/api/classification/schemes/DOAN', lenient)).statusCode).toBe(
      404,
    );
    // A province officer's role granted on a commune does not change the province-wide scheme.
    const acct = await t.as('admin', 'POST', '/api/accounts', {
      username: 'tinh.o.xa',
      name: 'Cán bộ cấp tỉnh ở xã',
      password: 'mat-khau-123',
    });
    expect(acct.statusCode, acct.body).toBe(201);
    const grant = await t.as('admin', 'POST', `/api/accounts/${acct.json().id}/grants`, {
      role: 'province_officer',
      unitId: r.doanTK,
    });
    expect(grant.statusCode, grant.body).toBe(201);
    const below = await t.cookie('tinh.o.xa', 'mat-khau-123');
    const fromCommune = await t.app.inject({
      method: 'PUT',
      url: '/api/classification/schemes/DOAN',
      headers: { ...CSRF, cookie: below },
      payload: lenient,
    });
    expect(fromCommune.statusCode).toBe(404);
    const strict = structuredClone(lenient);
    strict.criteria[1]!.thresholds.tot = 0.5;
    const refused = await t.as('tinhdoan', 'PUT', '/api/classification/schemes/DOAN', strict);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain(`Tiêu chí «${strict.criteria[1]!.label}»`);
    const saved = await t.as('tinhdoan', 'PUT', '/api/classification/schemes/DOAN', lenient);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().isDefault).toBe(false);
    expect(
      await n(
        sql`select count(*)::int as n from audit_log where action = 'classification.scheme' and entity_id = 'DOAN'`,
      ),
    ).toBe(1);
    await propose();
    const l = await list(`unitId=${r.doanTK}&year=2026&pageSize=500`);
    expect(l.rows.every((x: ClassificationRow) => x.proposedLevel === 'xuat_sac')).toBe(true);
    const farmers = (
      await t.as('giamsat.tinh', 'GET', '/api/classification/schemes/NONGDAN')
    ).json() as Scheme;
    expect(farmers.levels.map((x) => x.name)).toEqual(['Vững mạnh', 'Khá', 'Trung bình', 'Yếu']);
  });

  it('confirms every remaining proposal in one batch', async () => {
    const open =
      await n(sql`select count(*)::int as n from unit_classifications c join units u on u.id = c.unit_id
      where c.year = 2026 and c.level is null and u.path <@ ${path}::ltree`);
    expect(open).toBeGreaterThan(0);
    const res = await t.as('doan.thachkhe', 'POST', '/api/classification/confirm-batch', {
      unitId: r.doanTK,
      year: 2026,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ year: 2026, confirmed: open });
    const l = await list(`unitId=${r.doanTK}&year=2026&pageSize=500`);
    expect(l.rows.every((x) => x.level !== null)).toBe(true);
    expect(l.distribution.levels.every((x) => x.proposed === 0)).toBe(true);
    // The overridden branch kept its override.
    expect((await rowOf(branch)).overrideReason).not.toBeNull();
  });
});
