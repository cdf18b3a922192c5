import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
beforeAll(async () => {
  t = await makeTestApp();
  r = await refs(t.database.db);
});
afterAll(async () => t.close());

describe('unit tree', () => {
  it('shows each officer the top of their own scope only', async () => {
    const roots = (await t.as('doan.thachkhe', 'GET', '/api/units/roots')).json();
    expect(roots.map((u: { id: number }) => u.id)).toEqual([r.doanTK]);
    expect(roots[0]).toMatchObject({ level: 'grassroots', organizationCode: 'DOAN' });
    expect(roots[0].memberCount).toBeGreaterThan(0);
    // The commune Party committee sees every organization of its commune.
    const party = (await t.as('dangu.thachkhe', 'GET', '/api/units/roots')).json();
    const orgs = new Set(party.map((u: { organizationCode: string }) => u.organizationCode));
    expect(orgs.has('DOAN') && orgs.has('PHUNU') && orgs.has('NCT')).toBe(true);
    expect(party.every((u: { areaName: string }) => u.areaName === 'Xã Thạch Khê')).toBe(true);
  });

  it('counts members of the whole subtree, equal to the branches added up', async () => {
    const [root] = (await t.as('doan.thachkhe', 'GET', '/api/units/roots')).json();
    const children = (await t.as('doan.thachkhe', 'GET', `/api/units/${r.doanTK}/children`)).json();
    expect(children.length).toBeGreaterThan(0);
    const sum = children.reduce((s: number, c: { memberCount: number }) => s + c.memberCount, 0);
    expect(root.memberCount).toBe(sum);
    const counted = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from memberships m join units u on u.id = m.unit_id
      where u.path <@ (select path from units where id = ${r.doanTK}) and m.status in ('active','transferring')`,
    );
    expect(root.memberCount).toBe(counted!.n);
  });

  it('finds units without diacritics, within scope', async () => {
    const res = (await t.as('tinhdoan', 'GET', '/api/units?q=thach%20khe')).json();
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((u: { organizationCode: string }) => u.organizationCode === 'DOAN')).toBe(true);
    expect(res.items.map((u: { name: string }) => u.name)).toContain('Đoàn xã Thạch Khê');
    const upper = (await t.as('tinhdoan', 'GET', '/api/units?q=TH%E1%BA%A0CH%20KH%C3%8A')).json();
    expect(upper.items.length).toBe(res.items.length);
    const other = (await t.as('doan.camxuyen', 'GET', '/api/units?q=thach%20khe')).json();
    expect(other.items).toEqual([]);
  });

  it('hides units of another commune as if they did not exist', async () => {
    const res = await t.as('doan.camxuyen', 'GET', `/api/units/${r.doanTK}`);
    expect(res.statusCode).toBe(404);
    const missing = await t.as('doan.camxuyen', 'GET', '/api/units/99999999');
    expect(missing.statusCode).toBe(404);
    expect(res.json().error.message).toBe(missing.json().error.message);
  });
});

describe('changing the tree keeps history', () => {
  it('creates, renames, moves and merges branches with events and audit rows', async () => {
    const [a, b] = await r.branches(r.doanTK);
    const create = await t.as('doan.thachkhe', 'POST', '/api/units', {
      parentId: r.doanTK,
      name: '  Chi đoàn Xóm Mới ',
      kind: 'residential',
      areaId: a!.areaId,
    });
    expect(create.statusCode).toBe(201);
    const id = create.json().id;
    const detail = (await t.as('doan.thachkhe', 'GET', `/api/units/${id}`)).json();
    expect(detail.unit).toMatchObject({ name: 'Chi đoàn Xóm Mới', level: 'branch', parentId: r.doanTK });
    expect(detail.abilities).toMatchObject({ update: true, merge: true });

    expect(
      (await t.as('doan.thachkhe', 'PATCH', `/api/units/${id}`, { name: 'Chi đoàn Xóm Đông' })).statusCode,
    ).toBe(200);
    const group = (
      await t.as('doan.thachkhe', 'POST', '/api/units', {
        parentId: a!.id,
        name: 'Phân đoàn Một',
        areaId: a!.areaId,
      })
    ).json().id;
    expect(
      (await t.as('doan.thachkhe', 'POST', `/api/units/${group}/move`, { newParentId: id })).statusCode,
    ).toBe(200);
    const moved = await one<{ path: string }>(
      t.database.db,
      sql`select path::text as path from units where id = ${group}`,
    );
    const parent = await one<{ path: string }>(
      t.database.db,
      sql`select path::text as path from units where id = ${id}`,
    );
    expect(moved!.path).toBe(`${parent!.path}.${group}`);

    const before = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from memberships where unit_id = ${b!.id}`,
    );
    const merge = await t.as('doan.thachkhe', 'POST', `/api/units/${b!.id}/merge`, { targetUnitId: id });
    expect(merge.statusCode).toBe(200);
    expect(merge.json().movedMemberships).toBe(before!.n);
    const old = (await t.as('doan.thachkhe', 'GET', `/api/units/${b!.id}`)).json();
    expect(old.unit).toMatchObject({ active: false, mergedIntoId: id });
    expect(old.history[0].kind).toBe('merged_into');
    const history = (await t.as('doan.thachkhe', 'GET', `/api/units/${id}`))
      .json()
      .history.map((h: { kind: string }) => h.kind);
    expect(history).toEqual(['merged_from', 'renamed', 'created']);
    const audit = await rows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_type = 'unit' and entity_id in (${String(id)}, ${String(b!.id)}, ${String(group)}) order by id`,
    );
    expect(audit.map((x) => x.action)).toEqual([
      'unit.create',
      'unit.rename',
      'unit.create',
      'unit.move',
      'unit.merge',
    ]);
  });

  it('refuses impossible changes with a clear message and writes nothing', async () => {
    const [a] = await r.branches(r.doanTK);
    const count = async () =>
      (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log`))!.n;
    const n = await count();
    const self = await t.as('doan.thachkhe', 'POST', `/api/units/${a!.id}/merge`, { targetUnitId: a!.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.message).toMatch(/chính nó/);
    const intoChild = await t.as('doan.thachkhe', 'POST', `/api/units/${r.doanTK}/move`, {
      newParentId: a!.id,
    });
    expect(intoChild.statusCode).toBe(400);
    const crossOrg = await t.as('admin', 'POST', `/api/units/${a!.id}/merge`, {
      targetUnitId: (await r.branches(r.phunuTK))[0]!.id,
    });
    expect(crossOrg.statusCode).toBe(400);
    expect(crossOrg.json().error.message).toMatch(/cùng tổ chức/);
    const outside = await t.as('doan.thachkhe', 'POST', '/api/units', {
      parentId: r.doanCX,
      name: 'Chi đoàn Lạ',
      areaId: a!.areaId,
    });
    expect(outside.statusCode).toBe(404);
    expect(await count()).toBe(n);
  });

  it('lets a supervisor read but not change', async () => {
    const seen = (await t.as('dangu.thachkhe', 'GET', `/api/units/${r.doanTK}`)).json().abilities;
    // nor open the Party development records (sensitive), which the commune officer may
    expect({ update: seen.update, readParty: seen.readParty }).toEqual({ update: false, readParty: false });
    expect((await t.as('doan.thachkhe', 'GET', `/api/units/${r.doanTK}`)).json().abilities.readParty).toBe(
      true,
    );
    expect(
      (await t.as('dangu.thachkhe', 'PATCH', `/api/units/${r.doanTK}`, { name: 'Không được' })).statusCode,
    ).toBe(403);
  });
});
