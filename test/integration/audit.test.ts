import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay } from '../../server/modules/organizations/rules';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let t: TestApp;
let namId: string;
beforeAll(async () => {
  t = await makeTestApp();
  const ref = await refs(t.database.db);
  namId = await ref.userId('doan.thachkhe');
  // Rows on both sides of midnight in Vietnam on 2 March 2025 (17:00 UTC the day before).
  await t.database.db.execute(sql`insert into audit_log (at, actor_user_id, actor_name, action, entity_type, entity_id)
    values ('2025-03-01T16:59:59Z', 'x', 'Đặng Thị Hằng', 'unit.create', 'unit', '1'),
           ('2025-03-01T17:00:00Z', 'x', 'Đặng Thị Hằng', 'unit.rename', 'unit', '1')`);
  const person = await ref.personIn(ref.doanTK);
  expect((await t.as('doan.thachkhe', 'GET', `/api/people/${person}?reveal=1`)).statusCode).toBe(200);
  const rule = { kind: 'meeting_rhythm', value: { months: 2 }, effectiveFrom: '2030-01-01' };
  expect((await t.as('admin', 'POST', '/api/organizations/PHUNU/rules', rule)).statusCode).toBe(201);
});
afterAll(async () => t.close());

interface Item {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
}
const list = async (query: string) => {
  const res = await t.as('admin', 'GET', `/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};

describe('GET /api/audit', () => {
  it('is for administrators only', async () => {
    expect((await t.as('tinhdoan', 'GET', '/api/audit')).statusCode).toBe(403);
    expect((await t.as('giamsat.tinh', 'GET', '/api/audit')).statusCode).toBe(403);
  });

  it('lists newest first with a total, paged', async () => {
    const all = await list('pageSize=200');
    expect(all.total).toBe(all.items.length);
    const ats = all.items.map((i) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(all.items[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    const page2 = await list('pageSize=1&page=2');
    expect(page2.total).toBe(all.total);
    expect(page2.items[0]?.id).toBe(all.items[1]?.id);
  });

  it('filters by action (exact or prefix) and entity type', async () => {
    const reveal = await list('action=person.reveal_sensitive');
    expect(reveal.total).toBe(1);
    expect(reveal.items[0]).toMatchObject({ entityType: 'person', actorName: 'Lê Văn Nam' });
    expect((await list('action=person')).total).toBe(1);
    expect((await list('action=perso')).total).toBe(0);
    expect((await list('action=unit')).total).toBe(2);
    expect((await list('entityType=organization_rule')).items.map((i) => i.action)).toEqual([
      'organization_rule.create',
    ]);
  });

  it('matches the actor by name without diacritics or by user id', async () => {
    for (const actor of ['le van nam', 'LÊ VĂN', 'Nam', namId]) {
      const res = await list(`actor=${encodeURIComponent(actor)}`);
      expect(res.total, actor).toBe(1);
      expect(res.items[0]?.actorName).toBe('Lê Văn Nam');
    }
    expect((await list('actor=dang thi hang')).total).toBe(2);
  });

  it('reads dates as Vietnam calendar days, with an inclusive end', async () => {
    expect((await list('from=2025-03-02&to=2025-03-02')).items.map((i) => i.action)).toEqual(['unit.rename']);
    expect((await list('to=2025-03-01')).items.map((i) => i.action)).toEqual(['unit.create']);
    expect((await list('from=2025-03-01&to=2025-03-02')).total).toBe(2);
    const today = vietnamDay(new Date());
    expect((await list(`from=${today}&to=${today}`)).total).toBe(2);
  });

  it('validates the query', async () => {
    expect((await t.as('admin', 'GET', '/api/audit?from=2025-03-02&to=2025-03-01')).statusCode).toBe(400);
    expect((await t.as('admin', 'GET', '/api/audit?from=2025-13-01')).statusCode).toBe(400);
    expect((await t.as('admin', 'GET', '/api/audit?pageSize=1000')).statusCode).toBe(400);
  });
});
