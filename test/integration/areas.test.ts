import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

interface Item {
  id: number;
  name: string;
  kind: string;
  level: number;
  active: boolean;
  validTo: string | null;
  successors: { id: number; name: string }[];
  formerAreas: { id: number; name: string; whole: boolean }[];
}
const list = async (user: string, query: string) => {
  const res = await t.as(user, 'GET', `/api/areas?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Item[];
};

describe('GET /api/areas', () => {
  it('searches without diacritics and lists the former communes a commune was formed from', async () => {
    const items = await list('ubnd.thachkhe', 'q=thach khe');
    const tk = items.find((a) => a.name === 'Xã Thạch Khê');
    expect(tk).toMatchObject({ kind: 'xa', level: 2, active: true, validTo: null, successors: [] });
    expect(tk?.formerAreas.map((f) => f.name).sort()).toEqual([
      'Xã Thạch Hải',
      'Xã Thạch Khê',
      'Xã Đỉnh Bàn',
    ]);
    expect(tk?.formerAreas.every((f) => f.whole)).toBe(true);
    expect(items.every((a) => a.active)).toBe(true);
  });

  it('includes former communes only when asked, linked to their successors', async () => {
    expect(await list('tinhdoan', 'q=Đỉnh Bàn')).toEqual([]);
    const former = await list('tinhdoan', 'q=dinh ban&includeFormer=true');
    expect(former).toHaveLength(1);
    expect(former[0]).toMatchObject({
      name: 'Xã Đỉnh Bàn',
      kind: 'former_commune',
      active: false,
      validTo: '2025-06-30',
    });
    expect(former[0]?.successors.map((s) => s.name)).toEqual(['Xã Thạch Khê']);
  });

  it('lists the children of a parent, limited', async () => {
    const [province] = await list('admin', 'q=tinh ha tinh');
    expect(province).toMatchObject({ level: 1 });
    const communes = await list('admin', `parentId=${province?.id}&limit=500`);
    expect(communes.length).toBe(69);
    expect(communes.every((c) => c.level === 2)).toBe(true);
    expect(await list('admin', `parentId=${province?.id}&limit=5`)).toHaveLength(5);
  });

  it('is refused to roles without area.read, and validates the query', async () => {
    expect((await t.as('doanvien.thachkhe', 'GET', '/api/areas')).statusCode).toBe(403);
    expect((await t.as('admin', 'GET', '/api/areas?limit=0')).statusCode).toBe(400);
    expect((await t.as('admin', 'GET', '/api/areas?includeFormer=maybe')).statusCode).toBe(400);
  });
});

describe('GET /api/areas/:id', () => {
  it('returns the area with its parent and history links', async () => {
    const [tk] = await list('admin', 'q=xa thach khe');
    const res = await t.as('giamsat.tinh', 'GET', `/api/areas/${tk?.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: tk?.id, name: 'Xã Thạch Khê', parent: { name: 'Tỉnh Hà Tĩnh' } });
    expect(body.formerAreas).toHaveLength(3);
    const province = await t.as('admin', 'GET', `/api/areas/${body.parent.id}`);
    expect(province.json().parent).toBeNull();
  });

  it('answers 404 for an unknown area', async () => {
    expect((await t.as('admin', 'GET', '/api/areas/99999999')).statusCode).toBe(404);
  });
});
