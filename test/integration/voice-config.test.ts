import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

// A fixed clock, so deadlines can be checked to the millisecond.
const now = new Date();
const clock = { now: () => now };
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
const db = () => t.database.db;
const DAY = 86_400_000;

interface Body {
  id: number;
  name: string;
  kind: string;
  areaId: number;
  escalatesToId: number | null;
  active: boolean;
}
const bodiesOf = async (areaId: number, all = false) => {
  const res = await t.as('admin', 'GET', `/api/voice/bodies?areaId=${areaId}${all ? '&all=1' : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Body[];
};
const audits = async (action: string) =>
  (await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where action = ${action}`))!.n;
const create = async (areaId: number, name: string, escalatesToId?: number) => {
  const res = await t.as('admin', 'POST', '/api/voice/bodies', {
    areaId,
    name,
    kind: 'agency',
    escalatesToId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};

beforeAll(async () => {
  t = await makeTestApp({ clock });
  r = await refs(db());
});
afterAll(async () => t.close());

describe('voice configuration: recipient directory per area', () => {
  it('edits a body and its escalation target, refusing loops, other communes and duplicate names', async () => {
    const tk = await r.area('Xã Thạch Khê');
    const cx = await r.area('Xã Cẩm Xuyên');
    const tkBodies = await bodiesOf(tk);
    const ubndTinh = tkBodies.find((b) => b.name === 'UBND tỉnh Hà Tĩnh')!;
    const ubndCX = (await bodiesOf(cx)).find((b) => b.name === 'UBND xã Cẩm Xuyên')!;
    expect(tkBodies.every((b) => b.active)).toBe(true);

    const police = await create(tk, 'Công an xã Thạch Khê', ubndTinh.id);
    const office = await create(tk, 'Văn phòng xã Thạch Khê');
    // A body of another commune is not above Thạch Khê: refused on create, nothing written.
    const before = await audits('voice.body.create');
    const wrong = await t.as('admin', 'POST', '/api/voice/bodies', {
      areaId: tk,
      name: 'Trạm y tế xã Thạch Khê',
      kind: 'agency',
      escalatesToId: ubndCX.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('UBND xã Cẩm Xuyên');
    expect(await audits('voice.body.create')).toBe(before);

    const put = (id: number, body: object) => t.as('admin', 'PUT', `/api/voice/bodies/${id}`, body);
    const edited = await put(office, {
      name: 'Văn phòng HĐND-UBND xã Thạch Khê',
      kind: 'peoples_committee',
      escalatesToId: police,
      active: true,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await bodiesOf(tk)).find((b) => b.id === office)).toMatchObject({
      name: 'Văn phòng HĐND-UBND xã Thạch Khê',
      kind: 'peoples_committee',
      escalatesToId: police,
    });
    expect(await audits('voice.body.update')).toBe(1);

    // Loops (direct or through another body), itself, another commune, a taken name: 400, nothing changed.
    const base = { name: 'Công an xã Thạch Khê', kind: 'agency', active: true };
    for (const [body, text] of [
      [{ ...base, escalatesToId: office }, 'vòng lặp'],
      [{ ...base, escalatesToId: police }, 'chính nó'],
      [{ ...base, escalatesToId: ubndCX.id }, 'địa bàn cấp trên'],
      [{ ...base, name: 'UBND xã Thạch Khê', escalatesToId: ubndTinh.id }, 'đã có cơ quan'],
    ] as const) {
      const res = await put(police, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toContain(text);
    }
    expect((await bodiesOf(tk)).find((b) => b.id === police)).toMatchObject({
      name: 'Công an xã Thạch Khê',
      escalatesToId: ubndTinh.id,
    });
    expect(await audits('voice.body.update')).toBe(1);
    expect((await put(999_999, { ...base, escalatesToId: null })).statusCode).toBe(404);
    // Only administrators configure the directory.
    expect(
      (await t.as('doan.thachkhe', 'PUT', `/api/voice/bodies/${police}`, { ...base, escalatesToId: null }))
        .statusCode,
    ).toBe(403);
  });

  it('deactivates a body only when nothing would reach a dead end; deactivated bodies leave the choices', async () => {
    const tk = await r.area('Xã Thạch Khê');
    const ubnd = (await bodiesOf(tk)).find((b) => b.name === 'UBND xã Thạch Khê')!;
    // UBND xã holds an open item: it cannot be deactivated.
    const item = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      kind: 'kien_nghi',
      categoryCode: 'ha_tang',
      content: 'Đèn đường thôn Nam hỏng đã lâu',
    });
    expect(item.statusCode, item.body).toBe(201);
    const fwd = await t.as('admin', 'POST', `/api/voice/items/${item.json().id}/forward`, {
      bodyId: ubnd.id,
    });
    expect(fwd.statusCode, fwd.body).toBe(200);
    const held = await t.as('admin', 'PUT', `/api/voice/bodies/${ubnd.id}`, {
      name: ubnd.name,
      kind: ubnd.kind,
      escalatesToId: ubnd.escalatesToId,
      active: false,
    });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.message).toContain('1 ý kiến chưa trả lời');

    // A body others escalate to cannot be deactivated either.
    const top = await create(tk, 'Ban Dân vận xã Thạch Khê');
    const low = await create(tk, 'Tổ hòa giải thôn Nam', top);
    const put = (id: number, name: string, escalatesToId: number | null, active: boolean) =>
      t.as('admin', 'PUT', `/api/voice/bodies/${id}`, { name, kind: 'agency', escalatesToId, active });
    const referred = await put(top, 'Ban Dân vận xã Thạch Khê', null, false);
    expect(referred.statusCode).toBe(409);
    expect(referred.json().error.message).toContain('Tổ hòa giải thôn Nam');

    // Deactivated: gone from the choices (and from where an item may be forwarded), still listed with all=1.
    expect((await put(low, 'Tổ hòa giải thôn Nam', top, false)).statusCode).toBe(200);
    expect((await bodiesOf(tk)).some((b) => b.id === low)).toBe(false);
    expect((await bodiesOf(tk, true)).find((b) => b.id === low)?.active).toBe(false);
    const item2 = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      kind: 'kien_nghi',
      categoryCode: 'ha_tang',
      content: 'Mương thoát nước thôn Nam bị tắc',
    });
    const toInactive = await t.as('admin', 'POST', `/api/voice/items/${item2.json().id}/forward`, {
      bodyId: low,
    });
    expect(toInactive.statusCode).toBe(400);
    // An inactive body is not a valid escalation target; reactivated, it is.
    const other = await create(tk, 'Đội quản lý trật tự xã Thạch Khê');
    expect((await put(other, 'Đội quản lý trật tự xã Thạch Khê', low, true)).statusCode).toBe(400);
    expect((await put(low, 'Tổ hòa giải thôn Nam', top, true)).statusCode).toBe(200);
    expect((await bodiesOf(tk)).some((b) => b.id === low)).toBe(true);
    expect((await put(top, 'Ban Dân vận xã Thạch Khê', null, true)).statusCode).toBe(200);
  });
});

describe('voice configuration: categories and deadlines', () => {
  it('adds and deactivates a category; a category deadline applies, and removing it falls back to the default', async () => {
    const put = await t.as('admin', 'PUT', '/api/voice/categories/giao_duc', {
      name: 'Giáo dục',
      sortOrder: 9,
    });
    expect(put.statusCode, put.body).toBe(200);
    const cats = (await t.as('doanvien.thachkhe', 'GET', '/api/voice/categories')).json().items;
    expect(cats.find((c: { code: string }) => c.code === 'giao_duc')).toEqual({
      code: 'giao_duc',
      name: 'Giáo dục',
      active: true,
      sortOrder: 9,
    });

    const rule = await t.as('admin', 'PUT', '/api/voice/deadlines', {
      categoryCode: 'giao_duc',
      level: 'branch',
      days: 5,
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const raise = (content: string) =>
      t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
        kind: 'y_kien',
        categoryCode: 'giao_duc',
        content,
      });
    const dueOf = async (id: number) =>
      new Date(
        (await t.as('doanvien.thachkhe', 'GET', `/api/voice/items/${id}`)).json().item.dueAt,
      ).getTime();
    const first = await raise('Trường tiểu học thiếu phòng học');
    expect(first.statusCode, first.body).toBe(201);
    expect((await dueOf(first.json().id)) - now.getTime()).toBe(5 * DAY);

    // Removing the category's own deadline: new items follow the default of the level (15 days at the branch).
    const del = await t.as('admin', 'DELETE', '/api/voice/deadlines/giao_duc/branch');
    expect(del.statusCode, del.body).toBe(200);
    const list = (await t.as('admin', 'GET', '/api/voice/deadlines')).json().items;
    expect(list.some((d: { categoryCode: string }) => d.categoryCode === 'giao_duc')).toBe(false);
    const second = await raise('Đường đến trường bị ngập');
    expect((await dueOf(second.json().id)) - now.getTime()).toBe(15 * DAY);
    expect(await audits('voice.deadline.delete')).toBe(1);
    // The default of a level cannot be removed, only changed; an absent rule is 404.
    const star = await t.as('admin', 'DELETE', `/api/voice/deadlines/${encodeURIComponent('*')}/branch`);
    expect(star.statusCode).toBe(400);
    expect((await t.as('admin', 'DELETE', '/api/voice/deadlines/giao_duc/branch')).statusCode).toBe(404);
    expect(await audits('voice.deadline.delete')).toBe(1);

    // Deactivated: members can no longer choose it.
    const off = await t.as('admin', 'PUT', '/api/voice/categories/giao_duc', {
      name: 'Giáo dục',
      sortOrder: 9,
      active: false,
    });
    expect(off.statusCode).toBe(200);
    expect((await raise('Thêm một ý kiến giáo dục')).statusCode).toBe(400);
  });
});
