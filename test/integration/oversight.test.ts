/**
 * Oversight dashboard honesty: a small situation built through the API on the demo data (a thematic meeting with
 * its roll call in one branch, an admission, a voice item raised and resolved, members starting work away and a
 * cadre joining the Party in known months), then every dashboard figure of a commune compared with counts
 * computed here with plain SQL over the raw rows — stock figures at the end of the month and of the month before.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../contracts/oversight';
import { one } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import { rowWhere, workbookOf } from '../helpers/workbook';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: number;
let path: string;

const n = async (q: SQL) => (await one<{ n: number | null }>(t.database.db, q))!.n;
const dashboard = async (query: string, who = 'doan.thachkhe') => {
  const res = await t.as(who, 'GET', `/api/oversight/dashboard?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
};
/**
 * The changes to away / cadre counts are recorded in the month they happen (database time). To know what the
 * dashboard should say at earlier month ends, the test files what it changes under chosen months: everything
 * recorded so far under `month`, and recording begun then.
 */
async function recordedSoFarIn(month: string) {
  const db = t.database.db;
  const thisMonth = sql`date_trunc('month', now() at time zone 'UTC' + interval '7 hours')::date`;
  await db.execute(sql`update unit_stock_changes set month = ${month}::date where month = ${thisMonth}`);
  await db.execute(sql`update stock_recording set started_on = least(started_on, ${month}::date)`);
}
let awayInOctober: number;
let awayInNovember: number;

/** Held meetings of a month under the commune (raw rows). */
const heldIn = (month: string) => sql`m.status in ('held', 'locked') and m.period_key = ${month}
  and m.unit_id in (select id from units where path <@ ${path}::ltree)`;

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  branchA = (await r.branches(r.doanTK))[0]!.id;
  path = (await one<{ p: string }>(
    t.database.db,
    sql`select path::text as p from units where id = ${r.doanTK}`,
  ))!.p;
  // One member of branch A started work away from home and one branch cadre joined the Party in October, another
  // member of A started work away in November; A is in a difficult area. Whatever the seed recorded counts as
  // September's.
  const db = t.database.db;
  await recordedSoFarIn('2026-09-01');
  awayInOctober = (await r.personIn(branchA))!;
  await db.execute(sql`update persons set away_from_home = true where id = ${awayInOctober}`);
  await db.execute(sql`update units set difficult_area = true where id = ${branchA}`);
  await db.execute(sql`update persons set party_status = 'full' where id = (select m.person_id from memberships m
    join persons p on p.id = m.person_id where m.unit_id = ${branchA} and m.position is not null
      and m.status = 'active' and p.party_status = 'none' order by m.id limit 1)`);
  await recordedSoFarIn('2026-10-01');
  awayInNovember = (await one<{ id: number }>(
    db,
    sql`select m.person_id as id from memberships m join persons p on p.id = m.person_id
      where m.unit_id = ${branchA} and m.status = 'active' and not p.away_from_home order by m.id desc limit 1`,
  ))!.id;
  await db.execute(sql`update persons set away_from_home = true where id = ${awayInNovember}`);
  await recordedSoFarIn('2026-11-01');
  const created = await t.as('doan.thachkhe', 'POST', `/api/units/${branchA}/meetings`, {
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
      status: i % 3 === 0 ? 'absent_unexcused' : 'present',
    })),
  });
  expect(roll.statusCode, roll.body).toBe(200);
  // The commune officer attends the branch's meeting as a higher-level cadre.
  const visit = await t.as('doan.thachkhe', 'POST', `/api/meetings/${id}/cadres`, {});
  expect(visit.statusCode, visit.body).toBe(201);
  const seen = await t.as('doan.thachkhe', 'PATCH', `/api/meeting-cadres/${visit.json().id}`, {
    status: 'attended',
  });
  expect(seen.statusCode, seen.body).toBe(200);
  const admitted = await t.as('bithu.thachkhe', 'POST', `/api/units/${branchA}/admissions`, {
    person: { fullName: 'Trần Thị Giám Sát', birth: '12/04/2004', gender: 'F' },
    joinedOn: '2026-11-05',
    decisionNo: '12/QĐ-CĐ',
  });
  expect(admitted.statusCode, admitted.body).toBe(201);
  // A member of branch A introduced to the Party in November, one in October (the previous month).
  for (const [i, stageOn] of [
    [0, '2026-11-06'],
    [1, '2026-10-20'],
  ] as const) {
    const personId = (await one<{ id: number }>(
      t.database.db,
      sql`select person_id as id from memberships where unit_id = ${branchA} and status = 'active'
        order by id offset ${i} limit 1`,
    ))!.id;
    const intro = await t.as('bithu.thachkhe', 'POST', `/api/units/${branchA}/party-introductions`, {
      personId,
      stage: 'introduced',
      stageOn,
    });
    expect(intro.statusCode, intro.body).toBe(201);
  }
  const raised = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
    kind: 'kien_nghi',
    categoryCode: 'ha_tang',
    content: 'Đề nghị lắp đèn đường (giám sát)',
  });
  expect(raised.statusCode, raised.body).toBe(201);
  now = new Date('2026-11-13T03:00:00Z');
  const resolved = await t.as('doan.thachkhe', 'POST', `/api/voice/items/${raised.json().id}/resolve`, {
    answer: 'Đã đề xuất UBND xã lắp đèn',
  });
  expect(resolved.statusCode, resolved.body).toBe(200);
  now = new Date('2026-12-05T03:00:00Z');
});
afterAll(async () => t.close());

describe('oversight dashboard', () => {
  it("matches counts computed from the raw rows for a commune's month, with the previous month beside it", async () => {
    const d = await dashboard(`unitId=${r.doanTK}&period=2026-11`);
    expect(d.period).toMatchObject({ key: '2026-11', label: 'Tháng 11/2026' });
    expect(d.previous).toMatchObject({ key: '2026-10', start: '2026-10-01', end: '2026-10-31' });
    const sub = sql`(select id from units where path <@ ${path}::ltree and active)`;
    const live = sql`m.status in ('active', 'transferring') and m.unit_id in ${sub}`;
    const f = d.figures;
    // Stock at a day: memberships begun by then (or undated) and live now or ended after it; merged copies never.
    const liveOn = (
      day: string,
    ) => sql`m.unit_id in ${sub} and (m.joined_on is null or m.joined_on <= ${day}::date)
      and (m.status in ('active', 'transferring')
        or (m.status in ('left', 'removed', 'deceased', 'aged_out') and m.left_on > ${day}::date))`;
    expect(f.memberships).toEqual({
      value: await n(sql`select count(*)::int as n from memberships m where ${liveOn('2026-11-30')}`),
      previous: await n(sql`select count(*)::int as n from memberships m where ${liveOn('2026-10-31')}`),
    });
    // nobody joined after November, so the month's end is now
    expect(f.memberships.value).toBe(
      await n(sql`select count(*)::int as n from memberships m where ${live}`),
    );
    expect(f.memberships.previous).toBeLessThan(f.memberships.value!);
    expect(f.people).toEqual({
      value: await n(
        sql`select count(distinct m.person_id)::int as n from memberships m where ${liveOn('2026-11-30')}`,
      ),
      previous: await n(
        sql`select count(distinct m.person_id)::int as n from memberships m where ${liveOn('2026-10-31')}`,
      ),
    });
    // Away: now (the end of November), and at the end of October without November's newcomer.
    const awayNow =
      await n(sql`select count(*)::int as n from memberships m join persons p on p.id = m.person_id
        where ${live} and p.away_from_home`);
    const inScope = async (personId: number) =>
      n(sql`select count(*)::int as n from memberships m where ${live} and m.person_id = ${personId}`);
    expect(await inScope(awayInNovember)).toBe(1);
    expect(f.awayMembers).toEqual({ value: awayNow, previous: awayNow! - 1 });
    const admittedNov = await n(sql`select count(*)::int as n from memberships m
      where m.unit_id in ${sub} and m.joined_on between '2026-11-01' and '2026-11-30'`);
    expect(admittedNov).toBeGreaterThanOrEqual(1);
    expect(f.admitted).toEqual({
      value: admittedNov,
      previous: await n(sql`select count(*)::int as n from memberships m
        where m.unit_id in ${sub} and m.joined_on between '2026-10-01' and '2026-10-31'`),
    });
    const leftNov = await n(sql`select count(*)::int as n from memberships m where m.unit_id in ${sub}
      and m.status in ('left', 'removed', 'deceased', 'aged_out') and m.left_on between '2026-11-01' and '2026-11-30'`);
    expect(f.left.value).toBe(leftNov);
    expect(f.netChange.value).toBe(admittedNov! - leftNov!);

    // Meetings: the Youth Union meets monthly, so a branch met November's rhythm when it held a November meeting.
    const branches = await n(
      sql`select count(*)::int as n from units where path <@ ${path}::ltree and active and level = 'branch'`,
    );
    const met = await n(
      sql`select count(distinct m.unit_id)::int as n from meetings m where ${heldIn('2026-11')}`,
    );
    expect(f.branches.value).toBe(branches);
    expect(met).toBeGreaterThanOrEqual(1);
    expect(f.complianceRate.value).toBeCloseTo(met! / branches!);
    expect(f.thematic.value).toBe(
      await n(
        sql`select count(*)::int as n from meetings m where ${heldIn('2026-11')} and m.kind = 'thematic'`,
      ),
    );
    const att = (await one<{ a: number; i: number; aa: number; ai: number }>(
      t.database.db,
      sql`select (count(*) filter (where a.status in ('present', 'online')))::int as a, count(*)::int as i,
        (count(*) filter (where a.away_from_home and a.status in ('present', 'online')))::int as aa,
        (count(*) filter (where a.away_from_home))::int as ai
      from meetings m join meeting_attendance a on a.meeting_id = m.id where ${heldIn('2026-11')}`,
    ))!;
    expect(att.i).toBeGreaterThan(0);
    expect(f.attendanceRate.value).toBeCloseTo(att.a / att.i);
    expect(f.awayAttendanceRate.value).toEqual(att.ai ? expect.closeTo(att.aa / att.ai) : null);
    const visited = await n(sql`select count(distinct m.unit_id)::int as n from meetings m
      join meeting_cadres mc on mc.meeting_id = m.id and mc.status = 'attended' where ${heldIn('2026-11')}`);
    expect(visited).toBeGreaterThanOrEqual(1);
    expect(f.coverageRate.value).toBeCloseTo(visited! / branches!);
    // Difficult areas apart: branch A is the commune's only difficult branch, and it had its visit.
    expect(f.coverageDifficultRate.value).toBe(1);
    expect(f.awayMembers.value).toBeGreaterThanOrEqual(1);
    expect(att.ai).toBeGreaterThanOrEqual(1);

    // Voice: items raised in November at units of the commune.
    const raisedIn = sql`i.unit_id in (select id from units where path <@ ${path}::ltree)
      and i.raised_at >= '2026-11-01T00:00:00+07:00' and i.raised_at < '2026-12-01T00:00:00+07:00'`;
    expect(f.voiceReceived.value).toBe(
      await n(sql`select count(*)::int as n from voice_items i where ${raisedIn}`),
    );
    expect(f.voiceResolved.value).toBe(
      await n(
        sql`select count(*)::int as n from voice_items i where ${raisedIn} and i.answered_at is not null`,
      ),
    );
    expect(f.voiceResolved.value).toBeGreaterThanOrEqual(1);
    expect(f.voiceMedianDays.value).not.toBeNull();
    // The same figures as the voice oversight page for the same unit and dates.
    const stats = (
      await t.as('doan.thachkhe', 'GET', `/api/voice/stats?unitId=${r.doanTK}&from=2026-11-01&to=2026-11-30`)
    ).json();
    expect(f.voiceReceived.value).toBe(stats.totals.received);
    expect(f.voiceResolved.value).toBe(stats.totals.resolved);
    expect(f.voiceOverdue.value).toBe(stats.totals.overdue);
    expect(f.voiceMedianDays.value).toBe(stats.totals.medianDaysToAnswer);

    // Branch cadres and the share who are Party members.
    const cadres = (await one<{ c: number; p: number }>(
      t.database.db,
      sql`select count(*)::int as c,
        (count(*) filter (where pe.party_status in ('probationary', 'full')))::int as p
      from memberships m join persons pe on pe.id = m.person_id join units u on u.id = m.unit_id
      where ${live} and u.level = 'branch' and m.position is not null`,
    ))!;
    expect(cadres.p).toBeGreaterThanOrEqual(1);
    expect(f.branchCadres).toEqual({ value: cadres.c, previous: cadres.c });
    expect(f.cadrePartyShare.value).toEqual(cadres.c ? expect.closeTo(cadres.p / cadres.c) : null);
    // the cadre joined the Party in October: the share at the end of October already counts them
    expect(f.cadrePartyShare.previous).toBe(f.cadrePartyShare.value);

    // Members introduced to the Party: distinct persons with an 'introduced' record dated in the month.
    const introducedIn = (month: string) =>
      n(sql`select count(distinct i.person_id)::int as n from party_introductions i join units u on u.id = i.unit_id
        where i.stage = 'introduced' and to_char(i.stage_on, 'YYYY-MM') = ${month} and u.path <@ ${path}::ltree`);
    expect(await introducedIn('2026-11')).toBe(1);
    expect(f.introducedToParty).toEqual({
      value: await introducedIn('2026-11'),
      previous: await introducedIn('2026-10'),
    });
  });

  it('drills down to the branches, whose figures add up to the commune and say which rows they count', async () => {
    const d = await dashboard(`unitId=${r.doanTK}&period=2026-11`);
    const branches = await r.branches(r.doanTK);
    expect(d.children.map((c) => c.unitId).sort()).toEqual(branches.map((b) => b.id).sort());
    const sum = (k: keyof Dashboard['figures']) =>
      d.children.reduce((s, c) => s + (c.figures[k].value ?? 0), 0);
    for (const k of [
      'memberships',
      'admitted',
      'thematic',
      'voiceReceived',
      'branches',
      'introducedToParty',
    ] as const) {
      expect(sum(k), k).toBe(d.figures[k].value);
    }
    const a = d.children.find((c) => c.unitId === branchA)!;
    expect(a.figures.complianceRate.value).toBe(1);
    expect(a.figures.thematic.value).toBeGreaterThanOrEqual(1);
    expect(a.figures.admitted.value).toBeGreaterThanOrEqual(1);
    expect(d.definitions.map((x) => x.key)).toEqual(Object.keys(d.figures));
    expect(d.definitions.find((x) => x.key === 'memberships')!.counts).toContain('unit_member_counts');
    // Clicking through: the branch's own dashboard shows the same figures as its row.
    const own = await dashboard(`unitId=${branchA}&period=2026-11`);
    expect(own.figures.thematic).toEqual(a.figures.thematic);
    expect(own.figures.memberships.value).toBe(a.figures.memberships.value);
    expect(own.unit).toMatchObject({ id: branchA, parentId: r.doanTK });
  });

  it('gives stock figures at the end of earlier months, and none before their recording began', async () => {
    const oct = await dashboard(`unitId=${r.doanTK}&period=2026-10`);
    const nov = await dashboard(`unitId=${r.doanTK}&period=2026-11`);
    const f = oct.figures;
    expect(f.memberships.value).toBe(nov.figures.memberships.previous);
    expect(f.awayMembers.value).toBe(nov.figures.awayMembers.previous);
    // at the end of September neither October's nor November's member was away, nor was the cadre a Party member
    expect(f.awayMembers.previous).toBe(f.awayMembers.value! - 1);
    expect(f.branchCadres.previous).toBe(f.branchCadres.value);
    expect(f.cadrePartyShare.previous).toBeCloseTo(f.cadrePartyShare.value! - 1 / f.branchCadres.value!);
    // recording began in September: the end of August is unknown for them, known for memberships
    const sep = await dashboard(`unitId=${r.doanTK}&period=2026-09`);
    for (const k of ['awayMembers', 'branchCadres', 'cadrePartyShare'] as const) {
      expect(sep.figures[k].previous, k).toBeNull();
      expect(sep.figures[k].value, k).not.toBeNull();
    }
    expect(sep.figures.memberships.previous).not.toBeNull();
    // a branch's figures add up to the commune's at each end
    const sum = (d: Dashboard, which: 'value' | 'previous') =>
      d.children.reduce((s, c) => s + (c.figures.awayMembers[which] ?? 0), 0);
    expect(sum(oct, 'previous')).toBe(f.awayMembers.previous);
    expect(sum(oct, 'value')).toBe(f.awayMembers.value);
  });

  it("hides a few cadres' Party share from a supervisor, who may not read Party membership", async () => {
    const officer = await dashboard(`unitId=${r.doanTK}&period=2026-11`);
    const supervisor = await dashboard(`unitId=${r.doanTK}&period=2026-11`, 'giamsat.tinh');
    expect(supervisor.figures.memberships).toEqual(officer.figures.memberships);
    let hidden = 0;
    for (const c of officer.children) {
      const theirs = supervisor.children.find((x) => x.unitId === c.unitId)!;
      expect(theirs.figures.branchCadres).toEqual(c.figures.branchCadres);
      const few = (c.figures.branchCadres.value ?? 0) < 5 || (c.figures.branchCadres.previous ?? 0) < 5;
      if (few) hidden += 1;
      expect(theirs.figures.cadrePartyShare).toEqual(
        few ? { value: null, previous: null } : c.figures.cadrePartyShare,
      );
    }
    expect(hidden).toBeGreaterThan(0);
    const total = officer.figures.branchCadres;
    const fewInCommune = (total.value ?? 0) < 5 || (total.previous ?? 0) < 5;
    expect(supervisor.figures.cadrePartyShare).toEqual(
      fewInCommune ? { value: null, previous: null } : officer.figures.cadrePartyShare,
    );
    // over the province there are enough cadres for the share to name nobody
    const province = await dashboard('period=2026-11', 'giamsat.tinh');
    expect(province.figures.branchCadres.value).toBeGreaterThanOrEqual(5);
    expect(province.figures.cadrePartyShare.value).not.toBeNull();
  });

  it('compares with the previous period: the quarter before has none of this month’s activity', async () => {
    const q = await dashboard(`unitId=${r.doanTK}&period=2026-Q4`);
    expect(q.previous.key).toBe('2026-Q3');
    expect(q.figures.admitted.value).toBeGreaterThanOrEqual(1);
    const h = await dashboard(`unitId=${r.doanTK}&period=2026-H2`);
    expect(h.previous.key).toBe('2026-H1');
    const y = await dashboard(`unitId=${r.doanTK}&period=2026`);
    expect(y.previous.key).toBe('2025');
    expect(y.figures.voiceReceived.value).toBeGreaterThanOrEqual(q.figures.voiceReceived.value!);
  });

  it('keeps to the scope: a commune officer sees their commune, another commune is 404', async () => {
    const mine = await dashboard('period=2026-11');
    expect(mine.children.map((c) => c.unitId)).toEqual([r.doanTK]);
    const other = await t.as(
      'doan.thachkhe',
      'GET',
      `/api/oversight/dashboard?unitId=${r.doanCX}&period=2026-11`,
    );
    expect(other.statusCode).toBe(404);
    const theirs = await t.as('doan.camxuyen', 'GET', `/api/oversight/dashboard?unitId=${r.doanTK}`);
    expect(theirs.statusCode).toBe(404);
    const province = await dashboard('period=2026-11', 'tinhdoan');
    expect(province.figures.memberships.value!).toBeGreaterThan(mine.figures.memberships.value!);
  });

  it('refuses a malformed period with a Vietnamese message naming the accepted forms', async () => {
    for (const p of ['2026-13', '2026-Q5', 'quy4', '2026-B3']) {
      const res = await t.as('doan.thachkhe', 'GET', `/api/oversight/dashboard?period=${p}`);
      expect(res.statusCode, p).toBe(400);
      expect(res.body).toContain('Kỳ không hợp lệ');
    }
  });

  it('exports the view to .xlsx with Vietnamese headers and the same numbers', async () => {
    const d = await dashboard(`unitId=${r.doanTK}&period=2026-11`);
    const res = await t.as(
      'doan.thachkhe',
      'GET',
      `/api/oversight/dashboard.xlsx?unitId=${r.doanTK}&period=2026-11`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await workbookOf(res);
    const sheet = wb.getWorksheet('Tổng hợp')!;
    expect(sheet.getRow(4).getCell(1).value).toBe('Chỉ tiêu');
    const rowOf = (label: string) => rowWhere(sheet, 1, label);
    expect(rowOf('Lượt sinh hoạt').getCell(2).value).toBe(d.figures.memberships.value);
    expect(rowOf('Kết nạp mới').getCell(2).value).toBe(d.figures.admitted.value);
    const per = wb.getWorksheet('Theo đơn vị')!;
    expect(per.getRow(3).getCell(2).value).toBe('Đơn vị');
    expect(per.rowCount).toBe(3 + d.children.length);
  });
});
