/**
 * Meeting rhythm for one special unit: an administrator adds an effective-dated override, meetings take
 * their period from it and compliance requires meetings by it (unit > unit kind > general); bad input is
 * refused with nothing written.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

const now = new Date('2026-11-20T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let special: number;
let plain: number;
let plainKind: string;

const post = (body: Record<string, unknown>, who = 'admin', code = 'PHUNU') =>
  t.as(who, 'POST', `/api/organizations/${code}/rules`, body);
const written = async () =>
  (await one<{ rules: number; audit: number }>(
    t.database.db,
    sql`select (select count(*) from organization_rules)::int as rules,
      (select count(*) from audit_log where action = 'organization_rule.create')::int as audit`,
  ))!;
const rowOf = async (period: string, unitId: number) => {
  const res = await t.as('phunu.thachkhe', 'GET', `/api/compliance?unitId=${r.phunuTK}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().rows.find((x: { unitId: number }) => x.unitId === unitId);
};

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  const [a, b] = await r.branches(r.phunuTK);
  special = a!.id;
  plain = b!.id;
  plainKind = (await one<{ kind: string }>(t.database.db, sql`select kind from units where id = ${plain}`))!
    .kind;
  // Make the two branches differ in kind, so a unit-kind rule for `plain` does not reach `special`.
  await t.database.db.execute(
    sql`update units set kind = 'workplace' where id = ${special} and kind = ${plainKind}`,
  );
});
afterAll(async () => t.close());

describe('a rhythm for one special unit', () => {
  it('is added by an administrator, effective-dated, and listed with the unit name', async () => {
    const monthly = {
      kind: 'meeting_rhythm',
      unitId: special,
      value: { months: 1 },
      effectiveFrom: '2026-10-01',
    };
    expect((await post(monthly, 'phunu.thachkhe')).statusCode).toBe(403);
    const res = await post({ ...monthly, source: 'Đơn vị đặc thù: chi hội doanh nghiệp' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      unitId: special,
      unitKind: null,
      effectiveTo: null,
      value: { months: 1 },
    });
    const list = (await t.as('admin', 'GET', '/api/organizations/PHUNU/rules')).json();
    const mine = list.find((x: { unitId: number | null }) => x.unitId === special);
    expect(mine.unitName).toBe((await r.branches(r.phunuTK))[0]!.name);
    // The general quarterly rule is left open.
    const general = list.find(
      (x: { kind: string; unitId: number | null; unitKind: string | null }) =>
        x.kind === 'meeting_rhythm' && x.unitId === null && x.unitKind === null,
    );
    expect(general).toMatchObject({ value: { months: 3 }, effectiveTo: null });
  });

  it('makes compliance require three meetings in a quarter while its organization requires one', async () => {
    expect(await rowOf('2026-Q4', special)).toMatchObject({ required: 3, held: 0 });
    expect(await rowOf('2026-Q4', plain)).toMatchObject({ required: 1, held: 0, status: 'pending' });
    // Before the override the special unit was quarterly like the others.
    expect(await rowOf('2026-Q3', special)).toMatchObject({ required: 1 });
    expect(await rowOf('2026-10', special)).toMatchObject({ required: 1, status: 'missed' });
    expect(await rowOf('2026-10', plain)).toMatchObject({ required: 0, status: 'met' });
  });

  it('beats a rule for its unit kind, which beats the general rule', async () => {
    const kindRule = await post({
      kind: 'meeting_rhythm',
      unitKind: plainKind,
      value: { months: 2 },
      effectiveFrom: '2026-11-01',
    });
    expect(kindRule.statusCode, kindRule.body).toBe(201);
    await t.database.db.execute(sql`update units set kind = ${plainKind} where id = ${special}`);
    try {
      expect(await rowOf('2026-Q4', special)).toMatchObject({ required: 3 });
      // October stays quarterly-cut for the plain branch, then November–December is one two-month period.
      expect(await rowOf('2026-Q4', plain)).toMatchObject({ required: 2 });
    } finally {
      await t.database.db.execute(sql`update units set kind = 'workplace' where id = ${special}`);
    }
  });

  it('gives a meeting of the special unit a monthly period', async () => {
    const plan = async (unitId: number, who: string) => {
      const res = await t.as(who, 'POST', `/api/units/${unitId}/meetings`, {
        kind: 'regular',
        scheduledAt: '2026-11-25T19:00:00+07:00',
        mode: 'in_person',
      });
      expect(res.statusCode, res.body).toBe(201);
      return (await t.as(who, 'GET', `/api/meetings/${res.json().id}`)).json().meeting.periodKey;
    };
    expect(await plan(special, 'phunu.thachkhe')).toBe('2026-11');
    expect(await plan(plain, 'phunu.thachkhe')).toBe('2026-B6');
  });

  it('closes the unit rule when a new version for the same unit starts, and may end on a given day', async () => {
    const next = await post({
      kind: 'meeting_rhythm',
      unitId: special,
      value: { months: 2 },
      effectiveFrom: '2027-01-01',
      effectiveTo: '2027-07-01',
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ effectiveFrom: '2027-01-01', effectiveTo: '2027-07-01' });
    const list = (await t.as('admin', 'GET', '/api/organizations/PHUNU/rules')).json();
    const versions = list.filter((x: { unitId: number | null }) => x.unitId === special);
    expect(
      versions.map((v: { effectiveFrom: string; effectiveTo: string | null }) => [
        v.effectiveFrom,
        v.effectiveTo,
      ]),
    ).toEqual([
      ['2027-01-01', '2027-07-01'],
      ['2026-10-01', '2027-01-01'],
    ]);
    // From July 2027 the unit falls back to the general quarterly rule.
    expect(await rowOf('2027-Q3', special)).toMatchObject({ required: 1 });
    expect(await rowOf('2027-Q1', special)).toMatchObject({ required: 1 });
    expect(await rowOf('2027-Q2', special)).toMatchObject({ required: 2 });
  });
});

describe('bad input for a rule', () => {
  const cases: [string, Record<string, unknown>, RegExp, string?][] = [
    ['an unknown unit', { unitId: 999999 }, /Không tìm thấy đơn vị có mã 999999/],
    ['a unit of another organization', { unitId: -1 }, /không thuộc PHUNU/],
    ['a grassroots unit', { unitId: -2 }, /chỉ đặt cho chi đoàn\/chi hội hoặc tổ/],
    ['a rhythm of 4 months', { unitId: -3, value: { months: 4 } }, /1, 2, 3, 6 hoặc 12 tháng/],
    ['both a unit kind and a unit', { unitId: -3, unitKind: 'school' }, /không chọn cả hai/],
    [
      'a start not after the current version',
      { unitId: -3, effectiveFrom: '2026-12-01' },
      /phải sau ngày bắt đầu.*01\/01\/2027/,
    ],
    [
      'an end before the start',
      { unitId: -3, effectiveFrom: '2028-01-01', effectiveTo: '2027-12-31' },
      /hết hiệu lực phải sau/,
    ],
    [
      'a start inside the last version',
      { unitId: -3, effectiveFrom: '2027-03-01' },
      /phải sau ngày bắt đầu|không được trước ngày kết thúc/,
    ],
    [
      'a start before the last version ends',
      { unitId: -3, effectiveFrom: '2027-06-01' },
      /không được trước ngày kết thúc.*01\/07\/2027/,
    ],
  ];

  it.each(cases)('refuses %s with a clear message, writing nothing', async (_, patch, message) => {
    const ids: Record<number, number> = {
      [-1]: (await r.branches(r.doanTK))[0]!.id,
      [-2]: r.phunuTK,
      [-3]: special,
    };
    const unitId = patch.unitId as number;
    const body = {
      kind: 'meeting_rhythm',
      value: { months: 1 },
      effectiveFrom: '2028-01-01',
      ...patch,
      unitId: ids[unitId] ?? unitId,
    };
    const before = await written();
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message + JSON.stringify(res.json().error.details ?? '')).toMatch(message);
    expect(await written()).toEqual(before);
  });
});
