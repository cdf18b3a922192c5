import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const rulesOf = async (code: string) =>
  (await t.as('admin', 'GET', `/api/organizations/${code}/rules`)).json();

describe('GET /api/organizations', () => {
  it('lists the organizations in their order, with only the whitelisted fields', async () => {
    const res = await t.as('doanvien.thachkhe', 'GET', '/api/organizations');
    expect(res.statusCode).toBe(200);
    const orgs = res.json();
    expect(orgs.map((o: { code: string }) => o.code).slice(0, 3)).toEqual(['DOAN', 'PHUNU', 'NONGDAN']);
    expect(Object.keys(orgs[0]).sort()).toEqual([
      'branchTerm',
      'code',
      'memberTerm',
      'nameEn',
      'nameVi',
      'shortNameVi',
    ]);
    expect(orgs[0]).toMatchObject({ nameVi: 'Đoàn TNCS Hồ Chí Minh', memberTerm: 'đoàn viên' });
  });

  it('requires sign-in', async () => {
    expect((await t.as(null, 'GET', '/api/organizations')).statusCode).toBe(401);
  });
});

describe('GET /api/organizations/:code/rules', () => {
  it('lists rule versions newest first', async () => {
    const res = await t.as('doanvien.thachkhe', 'GET', '/api/organizations/DOAN/rules');
    expect(res.statusCode).toBe(200);
    const rules = res.json();
    const rhythm = rules.find((r: { kind: string }) => r.kind === 'meeting_rhythm');
    expect(rhythm).toMatchObject({
      unitKind: null,
      value: { months: 1 },
      effectiveFrom: '2022-01-01',
      effectiveTo: null,
    });
    expect(rhythm.source).toMatch(/Điều lệ Đoàn/);
    const starts = rules.map((r: { effectiveFrom: string }) => r.effectiveFrom);
    expect([...starts].sort().reverse()).toEqual(starts);
  });

  it('answers 404 for an unknown organization', async () => {
    const res = await t.as('admin', 'GET', '/api/organizations/KHONGCO/rules');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/không tồn tại/);
  });
});

describe('POST /api/organizations/:code/rules', () => {
  const post = (user: string, code: string, body: unknown) =>
    t.as(user, 'POST', `/api/organizations/${code}/rules`, body);

  it('is for administrators only', async () => {
    const res = await post('tinhdoan', 'DOAN', {
      kind: 'meeting_rhythm',
      value: { months: 2 },
      effectiveFrom: '2026-01-01',
    });
    expect(res.statusCode).toBe(403);
  });

  it('adds a version and closes the open one in the same transaction, with an audit row', async () => {
    const before = (await rulesOf('NCT')).find((r: { kind: string }) => r.kind === 'meeting_rhythm');
    const res = await post('admin', 'NCT', {
      kind: 'meeting_rhythm',
      value: { months: 3 },
      effectiveFrom: '2026-01-01',
      source: 'Nghị quyết mới',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      kind: 'meeting_rhythm',
      unitKind: null,
      value: { months: 3 },
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      source: 'Nghị quyết mới',
    });
    const after = await rulesOf('NCT');
    const rhythms = after.filter((r: { kind: string }) => r.kind === 'meeting_rhythm');
    expect(rhythms[0].id).toBe(created.id);
    expect(rhythms.find((r: { id: number }) => r.id === before.id)).toMatchObject({
      effectiveTo: '2026-01-01',
    });
    const audit = await rows<{ entity_id: string; after: { closedRule: { id: number } } }>(
      t.database.db,
      sql`select entity_id, after from audit_log where action = 'organization_rule.create'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity_id: String(created.id),
      after: { closedRule: { id: before.id } },
    });
  });

  it('refuses a start not after the current version, in Vietnamese', async () => {
    await post('admin', 'CCB', { kind: 'meeting_rhythm', value: { months: 6 }, effectiveFrom: '2026-03-01' });
    for (const day of ['2026-03-01', '2025-12-31']) {
      const res = await post('admin', 'CCB', {
        kind: 'meeting_rhythm',
        value: { months: 1 },
        effectiveFrom: day,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/Ngày hiệu lực phải sau ngày bắt đầu.*01\/03\/2026/);
    }
    const open = (await rulesOf('CCB')).filter(
      (r: { kind: string; effectiveTo: null }) => r.kind === 'meeting_rhythm' && !r.effectiveTo,
    );
    expect(open).toHaveLength(1);
  });

  it('keeps a unit-kind rule apart from the general one', async () => {
    const res = await post('admin', 'DOAN', {
      kind: 'meeting_rhythm',
      unitKind: 'school',
      value: { months: 2 },
      effectiveFrom: '2026-09-01',
    });
    expect(res.statusCode).toBe(201);
    const general = (await rulesOf('DOAN')).find(
      (r: { kind: string; unitKind: null }) => r.kind === 'meeting_rhythm' && r.unitKind === null,
    );
    expect(general.effectiveTo).toBeNull();
  });

  it('validates the value per kind', async () => {
    const bad = [
      { kind: 'meeting_rhythm', value: { months: 4 }, effectiveFrom: '2027-01-01' },
      { kind: 'meeting_rhythm', value: { months: 1, extra: true }, effectiveFrom: '2027-01-01' },
      { kind: 'eligibility', value: { minAge: 40, maxAge: 30 }, effectiveFrom: '2027-01-01' },
      { kind: 'eligibility', value: { gender: 'X' }, effectiveFrom: '2027-01-01' },
      { kind: 'eligibility', value: { minAge: 16 }, effectiveFrom: '2027-02-30' },
      { kind: 'Bad Kind', value: {}, effectiveFrom: '2027-01-01' },
    ];
    for (const body of bad) {
      const res = await post('admin', 'DOAN', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    const ok = await post('admin', 'DOAN', {
      kind: 'eligibility',
      value: { minAge: 16, maxAge: 35, gender: 'M', veteran: false, occupation: 'x' },
      effectiveFrom: '2027-01-01',
    });
    expect(ok.statusCode).toBe(201);
    const other = await post('admin', 'DOAN', {
      kind: 'awards',
      value: { anything: [1, 2] },
      effectiveFrom: '2027-01-01',
    });
    expect(other.statusCode).toBe(201);
  });

  it('answers 404 for an unknown organization', async () => {
    const res = await post('admin', 'KHONGCO', {
      kind: 'meeting_rhythm',
      value: { months: 1 },
      effectiveFrom: '2027-01-01',
    });
    expect(res.statusCode).toBe(404);
  });
});
