/**
 * Implementation plans (issue 6, point 4): a commune's plan with targets cascaded to its branches, a target
 * adjusted for one branch, progress read from the oversight dashboard, and who may read or write.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../contracts/oversight';
import type { PlanDetail, PlanList } from '../../contracts/plans';
import { one, rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import { rowWhere, workbookOf } from '../helpers/workbook';

const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: number;
let plan: number;

const TARGETS = [
  { indicator: 'complianceRate', target: 0.8 },
  { indicator: 'admitted', target: 5 },
  { indicator: 'voiceOverdue', target: 0 },
];
const create = (who: string, body: Record<string, unknown>) =>
  t.as(who, 'POST', '/api/plans', {
    title: 'Kế hoạch thực hiện Chỉ thị',
    periodKey: '2026-Q4',
    targets: TARGETS,
    ...body,
  });
const targetsOf = (planId: number) =>
  rows<{ unitId: number; indicator: string; target: string }>(
    t.database.db,
    sql`select unit_id as "unitId", indicator, target::text as target from plan_targets where plan_id = ${planId}
    order by unit_id, indicator`,
  );

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  branchA = (await r.branches(r.doanTK))[0]!.id;
  // An admission in the plan's quarter, so branch A's actual count is not zero.
  const admitted = await t.as('doan.thachkhe', 'POST', `/api/units/${branchA}/admissions`, {
    person: { fullName: 'Phạm Thị Kế Hoạch', birth: '12/05/2004', gender: 'F' },
    joinedOn: '2026-11-05',
  });
  expect(admitted.statusCode, admitted.body).toBe(201);
  const res = await create('doan.thachkhe', {
    unitId: r.doanTK,
    number: '12-KH/ĐTN',
    issuedOn: '2026-10-01',
    body: 'Triển khai đến các chi đoàn.',
  });
  expect(res.statusCode, res.body).toBe(201);
  plan = res.json().id;
});
afterAll(async () => t.close());

describe('implementation plans', () => {
  it('cascades every target to the commune and each of its active branches, in one write', async () => {
    const branches = await rows<{ id: number }>(
      t.database.db,
      sql`select id from units where parent_id = ${r.doanTK} and level = 'branch' and active order by id`,
    );
    expect(branches.length).toBeGreaterThan(1);
    const got = await targetsOf(plan);
    const units = [r.doanTK, ...branches.map((b) => b.id)].sort((a, b) => a - b);
    expect([...new Set(got.map((g) => g.unitId))].sort((a, b) => a - b)).toEqual(units);
    expect(got.length).toBe(units.length * TARGETS.length);
    for (const g of got)
      expect(Number(g.target)).toBe(TARGETS.find((x) => x.indicator === g.indicator)!.target);
    const audit = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'plan.create' and entity_id = ${String(plan)}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('refuses a plan at a branch, an unknown indicator and an out-of-range rate, naming what is wrong', async () => {
    const branch = await create('doan.thachkhe', { unitId: branchA });
    expect(branch.statusCode).toBe(400);
    expect(branch.json().error.message).toContain('Kế hoạch chỉ lập ở cấp xã hoặc tỉnh');
    const unknown = await create('doan.thachkhe', {
      unitId: r.doanTK,
      targets: [{ indicator: 'happiness', target: 1 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('happiness');
    const rate = await create('doan.thachkhe', {
      unitId: r.doanTK,
      targets: [{ indicator: 'attendanceRate', target: 1.5 }],
    });
    expect(rate.statusCode).toBe(400);
    expect(rate.json().error.message).toContain('Tỷ lệ tham dự');
    const month = await create('doan.thachkhe', { unitId: r.doanTK, periodKey: '2026-11' });
    expect(month.statusCode).toBe(400);
  });

  it('a province plan reaches every commune and branch below it, never the groups', async () => {
    const prov = await one<{ id: number; path: string }>(
      t.database.db,
      sql`select id, path::text as path from units where organization_code = 'DOAN' and level = 'province' limit 1`,
    );
    const res = await create('tinhdoan', {
      unitId: prov!.id,
      targets: [{ indicator: 'admitted', target: 100 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const expected = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from units where path <@ ${prov!.path}::ltree
        and (id = ${prov!.id} or (active and level in ('grassroots', 'branch')))`,
    );
    expect((await targetsOf(res.json().id)).length).toBe(expected!.n);
  });

  it('adjusts one branch target only, audited', async () => {
    const res = await t.as('doan.thachkhe', 'PUT', `/api/plans/${plan}/targets`, {
      unitId: branchA,
      indicator: 'complianceRate',
      target: 0.5,
    });
    expect(res.statusCode, res.body).toBe(200);
    const got = await targetsOf(plan);
    const rates = got.filter((g) => g.indicator === 'complianceRate');
    expect(Number(rates.find((g) => g.unitId === branchA)!.target)).toBe(0.5);
    expect(rates.filter((g) => g.unitId !== branchA).every((g) => Number(g.target) === 0.8)).toBe(true);
    const put = (who: string, unitId: number) =>
      t.as(who, 'PUT', `/api/plans/${plan}/targets`, { unitId, indicator: 'complianceRate', target: 0.5 });
    // A unit of another commune (or none at all) is not the officer's to see: 404, existence hidden.
    const cxBranch = (await r.branches(r.doanCX))[0]!.id;
    for (const unitId of [r.doanCX, cxBranch, 99_999_999])
      expect((await put('doan.thachkhe', unitId)).statusCode, `unit ${unitId}`).toBe(404);
    // The province officer sees Cẩm Xuyên, but it is outside this plan: 400 naming the field.
    const outside = await put('tinhdoan', r.doanCX);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toContain('không thuộc phạm vi của kế hoạch');
    const audit = await one<{ after: { target: number } }>(
      t.database.db,
      sql`select after from audit_log where action = 'plan.target' and entity_id = ${String(plan)}`,
    );
    expect(audit!.after.target).toBe(0.5);
  });

  it("shows progress with the dashboard's own figures for the unit and each child", async () => {
    const res = await t.as('doan.thachkhe', 'GET', `/api/plans/${plan}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as PlanDetail;
    const dash = (
      await t.as('doan.thachkhe', 'GET', `/api/oversight/dashboard?unitId=${r.doanTK}&period=2026-Q4`)
    ).json() as Dashboard;
    expect(d.unit.unitId).toBe(r.doanTK);
    expect(d.unit.rows.map((x) => x.indicator)).toEqual(['admitted', 'complianceRate', 'voiceOverdue']);
    for (const row of d.unit.rows) {
      expect(row.actual).toBe(dash.figures[row.indicator].value);
      const target = TARGETS.find((x) => x.indicator === row.indicator)!.target;
      expect(row.target).toBe(target);
      const a = row.actual!;
      expect(row.attained).toBe(row.indicator === 'voiceOverdue' ? a <= target : a >= target);
    }
    expect(d.children.map((c) => c.unitId)).toEqual(dash.children.map((c) => c.unitId));
    for (const c of d.children) {
      const dc = dash.children.find((x) => x.unitId === c.unitId)!;
      for (const row of c.rows) expect(row.actual).toBe(dc.figures[row.indicator].value);
    }
    const a = d.children.find((c) => c.unitId === branchA)!;
    expect(a.rows.find((x) => x.indicator === 'complianceRate')!.target).toBe(0.5);
    expect(a.rows.find((x) => x.indicator === 'admitted')!.actual).toBeGreaterThanOrEqual(1);
  });

  it('exports the progress to .xlsx with the same targets and actual figures, in scope only', async () => {
    const d = (await t.as('doan.thachkhe', 'GET', `/api/plans/${plan}`)).json() as PlanDetail;
    const res = await t.as('doan.thachkhe', 'GET', `/api/plans/${plan}.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('Tiến độ kế hoạch'));
    const wb = await workbookOf(res);
    const sheet = wb.getWorksheet('Tiến độ')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Kế hoạch thực hiện Chỉ thị');
    const rowOf = (label: string) => rowWhere(sheet, 2, label);
    for (const r of d.unit.rows) {
      const row = rowOf(r.label);
      expect(row.getCell(3).value, r.indicator).toBe(r.target);
      expect(row.getCell(4).value, r.indicator).toBe(r.actual ?? '');
      expect(row.getCell(5).value).toBe(r.attained === null ? '' : r.attained ? 'Đạt' : 'Chưa đạt');
    }
    expect(rowOf(d.unit.rows.find((r) => r.format === 'percent')!.label).getCell(3).numFmt).toBe('0.0%');
    const per = wb.getWorksheet('Theo đơn vị')!;
    expect(per.getRow(3).getCell(2).value).toBe('Đơn vị');
    expect(per.rowCount).toBe(3 + d.children.length);
    // branch A's adjusted compliance target (0.5) is in its row
    const names = d.children.map((c) => c.name);
    const a = d.children.find((c) => c.unitId === branchA)!;
    const rowA = per.getRow(4 + names.indexOf(a.name));
    const k = d.unit.rows.findIndex((r) => r.indicator === 'complianceRate');
    expect(rowA.getCell(4 + 2 * k).value).toBe(0.5);
    expect((await t.as('doan.camxuyen', 'GET', `/api/plans/${plan}.xlsx`)).statusCode).toBe(404);
  });

  it('lets the branch head follow the targets cascaded to the branch', async () => {
    const list = await t.as('bithu.thachkhe', 'GET', `/api/plans?unitId=${branchA}`);
    expect(list.statusCode, list.body).toBe(200);
    const item = (list.json() as PlanList).items.find((p) => p.id === plan)!;
    expect(item.unitId).toBe(r.doanTK);
    expect(item.canManage).toBe(false);
    expect(item.targets.find((x) => x.indicator === 'complianceRate')!.target).toBe(0.5);
    const prog = await t.as('bithu.thachkhe', 'GET', `/api/plans/${plan}?unitId=${branchA}`);
    expect(prog.statusCode, prog.body).toBe(200);
    expect((prog.json() as PlanDetail).unit.isPlanUnit).toBe(false);
    // The commune's own figures are not the branch head's to see.
    expect((await t.as('bithu.thachkhe', 'GET', `/api/plans/${plan}`)).statusCode).toBe(404);
  });

  it('answers 404 outside the scope; the supervisor reads but cannot write', async () => {
    for (const [m, url, body] of [
      ['GET', `/api/plans/${plan}`, undefined],
      ['GET', `/api/plans?unitId=${r.doanTK}`, undefined],
      ['PUT', `/api/plans/${plan}/targets`, { unitId: branchA, indicator: 'admitted', target: 1 }],
      ['DELETE', `/api/plans/${plan}`, undefined],
    ] as const)
      expect((await t.as('doan.camxuyen', m, url, body)).statusCode, `${m} ${url}`).toBe(404);
    expect((await create('doan.camxuyen', { unitId: r.doanTK })).statusCode).toBe(404);
    expect((await t.as('giamsat.tinh', 'GET', `/api/plans/${plan}`)).statusCode).toBe(200);
    const seen = (await t.as('giamsat.tinh', 'GET', `/api/plans?unitId=${r.doanTK}`)).json() as PlanList;
    // The commune's own plan and the province's plan cascaded to it.
    expect(seen.items.map((p) => p.unitLevel).sort()).toEqual(['grassroots', 'province']);
    expect(seen.items.some((p) => p.id === plan && !p.canManage)).toBe(true);
    expect((await create('giamsat.tinh', { unitId: r.doanTK })).statusCode).toBe(403);
    expect((await t.as('giamsat.tinh', 'DELETE', `/api/plans/${plan}`)).statusCode).toBe(403);
  });

  it('deletes a plan with its targets', async () => {
    const res = await create('doan.thachkhe', { unitId: r.doanTK, title: 'Kế hoạch nhầm' });
    const id = res.json().id;
    expect((await t.as('bithu.thachkhe', 'DELETE', `/api/plans/${id}`)).statusCode).toBe(403);
    expect((await t.as('doan.thachkhe', 'DELETE', `/api/plans/${id}`)).statusCode).toBe(200);
    expect((await t.as('doan.thachkhe', 'GET', `/api/plans/${id}`)).statusCode).toBe(404);
    expect(await targetsOf(id)).toEqual([]);
  });
});
