import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: number;
let branchB: number;
let branchC: number;
beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  const [a, b] = await r.branches(r.doanTK);
  branchA = a!.id;
  branchB = b!.id;
  // Branch A holds its November meeting; branch B holds nothing.
  const created = await t.as('doan.thachkhe', 'POST', `/api/units/${branchA}/meetings`, {
    kind: 'thematic',
    scheduledAt: '2026-11-08T19:00:00+07:00',
    mode: 'in_person',
  });
  expect(created.statusCode).toBe(201);
  const id = created.json().id;
  const d = (await t.as('doan.thachkhe', 'GET', `/api/meetings/${id}`)).json();
  const roll = await t.as('doan.thachkhe', 'PUT', `/api/meetings/${id}/attendance`, {
    entries: d.attendance.map((a: { personId: number }, i: number) => ({
      personId: a.personId,
      status: i % 2 === 0 ? 'present' : 'absent_unexcused',
    })),
  });
  expect(roll.statusCode).toBe(200);
  // Branch C plans its November meeting but never records attendance.
  const c = (await r.branches(r.doanTK))[2]!;
  branchC = c.id;
  const planned = await t.as('doan.thachkhe', 'POST', `/api/units/${branchC}/meetings`, {
    kind: 'regular',
    scheduledAt: '2026-11-20T19:00:00+07:00',
    mode: 'in_person',
  });
  expect(planned.statusCode).toBe(201);
  now = new Date('2026-12-05T03:00:00Z');
});
afterAll(async () => t.close());

type Row = {
  unitId: number;
  status: string;
  required: number;
  held: number;
  unreported: number;
  attendanceRate: number | null;
};
const report = async (query: string, who = 'doan.thachkhe') => {
  const res = await t.as(who, 'GET', `/api/compliance?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    period: { key: string; label: string };
    summary: { branches: number; met: number; missed: number; pending: number; rate: number };
    rows: Row[];
  };
};
const rowOf = (rep: { rows: Row[] }, id: number) => rep.rows.find((x) => x.unitId === id);

describe('compliance', () => {
  it('shows a branch that met in a past month as met and one without a meeting as missed', async () => {
    const rep = await report(`unitId=${r.doanTK}&period=2026-11`);
    expect(rep.period).toMatchObject({ key: '2026-11', label: 'Tháng 11/2026' });
    expect(rowOf(rep, branchA)).toMatchObject({ required: 1, held: 1, status: 'met' });
    expect(rowOf(rep, branchA)!.attendanceRate).toBeGreaterThan(0);
    expect(rowOf(rep, branchB)).toMatchObject({
      required: 1,
      held: 0,
      status: 'missed',
      attendanceRate: null,
    });
    const branches = await r.branches(r.doanTK);
    expect(rep.summary.branches).toBe(branches.length);
    expect(rep.summary.met + rep.summary.missed + rep.summary.pending).toBe(rep.summary.branches);
    expect(rep.summary.rate).toBeCloseTo(rep.summary.met / rep.summary.branches);
    expect(rep.rows[0]!.status).toBe('missed');
  });

  it('pages the branches and filters them by status while the summary still counts every branch', async () => {
    const all = await report(`unitId=${r.doanTK}&period=2026-11&pageSize=200`);
    const n = all.summary.branches;
    expect(n).toBeGreaterThanOrEqual(3);
    expect((all as { total?: number }).total).toBe(n);
    const first = await report(`unitId=${r.doanTK}&period=2026-11&pageSize=1`);
    const second = await report(`unitId=${r.doanTK}&period=2026-11&pageSize=1&page=2`);
    expect(first.rows.map((x) => x.unitId)).toEqual(all.rows.slice(0, 1).map((x) => x.unitId));
    expect(second.rows.map((x) => x.unitId)).toEqual(all.rows.slice(1, 2).map((x) => x.unitId));
    expect(first.summary).toEqual(all.summary);
    const missed = await report(`unitId=${r.doanTK}&period=2026-11&status=missed&pageSize=200`);
    expect(missed.rows.length).toBe(all.summary.missed);
    expect(missed.rows.every((x) => x.status === 'missed')).toBe(true);
    expect(missed.summary).toEqual(all.summary);
    // The last meeting is filled in for the rows shown.
    expect(rowOf(all, branchA)).toHaveProperty('lastMeetingAt', expect.any(String));
    const bad = await t.as('doan.thachkhe', 'GET', `/api/compliance?unitId=${r.doanTK}&pageSize=5000`);
    expect(bad.statusCode).toBe(400);
  });

  it('flags a period that ended with a meeting planned but never reported', async () => {
    const rep = await report(`unitId=${r.doanTK}&period=2026-11`);
    expect(rowOf(rep, branchC)).toMatchObject({ required: 1, held: 0, status: 'missed', unreported: 1 });
    expect(rowOf(rep, branchA)).toMatchObject({ unreported: 0 });
    expect(rowOf(rep, branchB)).toMatchObject({ unreported: 0 });
  });

  it('counts the rhythm periods inside a quarter and leaves the running month pending', async () => {
    const q = await report(`unitId=${r.doanTK}`);
    expect(q.period.key).toBe('2026-Q4');
    expect(rowOf(q, branchA)).toMatchObject({ required: 3, held: 1, status: 'missed' });
    const dec = await report(`unitId=${r.doanTK}&period=2026-12`);
    expect(rowOf(dec, branchA)).toMatchObject({ required: 1, held: 0, status: 'pending' });
    expect(dec.summary.pending).toBe(dec.summary.branches);
  });

  it('counts thematic meetings and rolls the branches up per commune and organization', async () => {
    const rep = await report(`unitId=${r.doanTK}&period=2026-11`);
    const a = rowOf(rep, branchA) as Row & Record<string, unknown>;
    expect(a).toMatchObject({ thematic: 1, cadreVisited: 0 });
    expect(a.attended).toBeGreaterThan(0);
    expect(a.attendanceRate).toBeCloseTo((a.attended as number) / (a.invited as number));
    const [commune] = (rep as unknown as { rollups: { communes: Record<string, unknown>[] } }).rollups
      .communes;
    expect(commune).toMatchObject({
      unitId: r.doanTK,
      branches: rep.summary.branches,
      met: rep.summary.met,
      missed: rep.summary.missed,
      pending: rep.summary.pending,
    });
    expect(commune!.rate).toBeCloseTo(rep.summary.rate);
  });

  it('scopes the report and refuses bad periods', async () => {
    const other = await t.as('doan.camxuyen', 'GET', `/api/compliance?unitId=${r.doanTK}&period=2026-11`);
    expect(other.statusCode).toBe(404);
    const own = await report('period=2026-11', 'doan.camxuyen');
    expect(rowOf(own, branchA)).toBeUndefined();
    expect(own.rows.length).toBeGreaterThan(0);
    const party = await report(`unitId=${r.doanTK}&period=2026-11`, 'dangu.thachkhe');
    expect(rowOf(party, branchA)?.status).toBe('met');
    const head = await report('period=2026-11', 'bithu.thachkhe');
    expect(head.rows.map((x) => x.unitId)).toEqual([branchA]);
    const bad = await t.as('doan.thachkhe', 'GET', '/api/compliance?period=2026-Q5');
    expect(bad.statusCode).toBe(400);
  });

  it('counts minutes locked more than 10 days after the period ended as reported late', async () => {
    const before = await report(`unitId=${r.doanTK}&period=2026-11`);
    expect(rowOf(before, branchA)).toMatchObject({ status: 'met', late: 0 });
    const list = (await t.as('doan.thachkhe', 'GET', `/api/units/${branchA}/meetings?year=2026`)).json();
    const id = list.items[0].id as number;
    now = new Date('2026-12-15T03:00:00Z');
    expect((await t.as('doan.thachkhe', 'POST', `/api/meetings/${id}/lock`)).statusCode).toBe(200);
    const after = await report(`unitId=${r.doanTK}&period=2026-11`);
    expect(rowOf(after, branchA)).toMatchObject({ status: 'met', held: 1, late: 1 });
    expect(rowOf(after, branchB)).toMatchObject({ late: 0 });
    now = new Date('2026-12-05T03:00:00Z');
  });
});
