import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { personSortKey, unaccent } from '../../server/lib/text';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let t: TestApp;
let ref: Awaited<ReturnType<typeof refs>>;
beforeAll(async () => {
  t = await makeTestApp();
  ref = await refs(t.database.db);
});
afterAll(async () => t.close());

interface Membership {
  organizationCode: string;
  unitId: number;
  unitName: string;
  status: string;
}
interface Person {
  id: number;
  fullName: string;
  familyName: string;
  givenName: string;
  phone: string | null;
  memberships: Membership[];
}
const get = async (user: string, url: string, status = 200) => {
  const res = await t.as(user, 'GET', url);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
/** Ids of the units in a subtree. */
const subtreeIds = async (unitId: number) =>
  new Set(
    (
      await rows<{ id: number }>(
        t.database.db,
        sql`select s.id from units s join units r on s.path <@ r.path where r.id = ${unitId}`,
      )
    ).map((r) => r.id),
  );
const liveCounts = async (unitId: number) =>
  one<{ people: number; memberships: number }>(
    t.database.db,
    sql`
    select count(distinct m.person_id)::int as people, count(*)::int as memberships
    from memberships m join units u on u.id = m.unit_id join units r on u.path <@ r.path
    where r.id = ${unitId} and m.status in ('active', 'transferring')`,
  );

describe('GET /api/people', () => {
  it('lists only people with a live membership in scope, and only those memberships', async () => {
    const body = await get('doan.thachkhe', '/api/people?pageSize=200');
    const inScope = await subtreeIds(ref.doanTK);
    const expected = (await liveCounts(ref.doanTK))!;
    expect(body.total).toBe(expected?.people);
    expect(body.totalMemberships).toBe(expected?.memberships);
    expect(body.items.length).toBe(Math.min(200, body.total));
    for (const p of body.items as Person[]) {
      expect(p.memberships.length).toBeGreaterThan(0);
      for (const m of p.memberships) {
        expect(inScope.has(m.unitId)).toBe(true);
        expect(m.organizationCode).toBe('DOAN');
      }
    }
  });

  it('sorts the Vietnamese way: given name, then family name', async () => {
    const body = await get('dangu.thachkhe', '/api/people?pageSize=200');
    const keys = (body.items as Person[]).map((p) => personSortKey(p.familyName, p.givenName));
    expect(keys).toEqual([...keys].sort());
  });

  it('pages without overlap and with stable totals', async () => {
    const p1 = await get('dangu.thachkhe', '/api/people?pageSize=10&page=1');
    const p2 = await get('dangu.thachkhe', '/api/people?pageSize=10&page=2');
    expect(p2.total).toBe(p1.total);
    const ids1 = new Set((p1.items as Person[]).map((p) => p.id));
    expect((p2.items as Person[]).some((p) => ids1.has(p.id))).toBe(false);
  });

  it('searches names without diacritics, and phone numbers by digits', async () => {
    const [first] = (await get('doan.thachkhe', '/api/people?pageSize=1')).items as Person[];
    for (const q of [unaccent(first!.fullName), first!.fullName.toUpperCase()]) {
      const found = await get('doan.thachkhe', `/api/people?q=${encodeURIComponent(q)}`);
      expect((found.items as Person[]).map((p) => p.id)).toContain(first!.id);
      expect((found.items as Person[]).every((p) => unaccent(p.fullName).includes(unaccent(q)))).toBe(true);
    }
    const withPhone = ((await get('doan.thachkhe', '/api/people?pageSize=200')).items as Person[]).find(
      (p) => p.phone,
    );
    const digits = withPhone!.phone!.slice(-6);
    const byPhone = await get('doan.thachkhe', `/api/people?q=${digits.slice(0, 3)}%20${digits.slice(3)}`);
    expect((byPhone.items as Person[]).map((p) => p.id)).toContain(withPhone!.id);
    expect((byPhone.items as Person[]).every((p) => p.phone?.includes(digits))).toBe(true);
  });

  it('narrows to a readable unit subtree and an organization', async () => {
    const [branch] = await ref.branches(ref.doanTK);
    const inBranch = await get('doan.thachkhe', `/api/people?unitId=${branch!.id}&pageSize=200`);
    expect(inBranch.total).toBe((await liveCounts(branch!.id))?.people);
    expect(
      (inBranch.items as Person[]).every((p) => p.memberships.every((m) => m.unitId === branch!.id)),
    ).toBe(true);
    const phunu = await get('dangu.thachkhe', '/api/people?organization=PHUNU&pageSize=200');
    expect(phunu.total).toBeGreaterThan(0);
    expect(
      (phunu.items as Person[]).every((p) => p.memberships.every((m) => m.organizationCode === 'PHUNU')),
    ).toBe(true);
  });

  it('hides units outside the scope (404) and refuses roles without person.read (403)', async () => {
    const res = await t.as('doan.thachkhe', 'GET', `/api/people?unitId=${ref.doanCX}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/không tồn tại hoặc bạn không có quyền xem/);
    expect((await t.as('doanvien.thachkhe', 'GET', '/api/people')).statusCode).toBe(403);
    expect((await t.as(null, 'GET', '/api/people')).statusCode).toBe(401);
  });
});

describe('GET /api/people/:id', () => {
  const auditCount = async (personId: number) =>
    (
      await one<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log
      where action = 'person.reveal_sensitive' and entity_id = ${String(personId)}`,
      )
    )?.n ?? 0;

  it('masks sensitive fields by default and says whether they can be revealed', async () => {
    const id = await ref.personIn(ref.doanTK);
    const p = await get('doan.thachkhe', `/api/people/${id}`);
    expect(p).toMatchObject({
      id,
      sensitiveHidden: true,
      ethnicity: null,
      religion: null,
      partyStatus: null,
    });
    expect(p.abilities).toEqual({ revealSensitive: true });
    const raw = await one<{ national_id: string | null }>(
      t.database.db,
      sql`select national_id from persons where id = ${id}`,
    );
    expect(p.nationalId).toBe(
      raw?.national_id ? `${raw.national_id.slice(0, 3)}*******${raw.national_id.slice(-2)}` : null,
    );
    expect(p.memberships.every((m: Membership) => m.organizationCode === 'DOAN')).toBe(true);
    expect(p.memberships[0]).toHaveProperty('joinedOn');
    // A supervisor (no right to reveal) sees no digit of the national ID.
    const sup = await get('dangu.thachkhe', `/api/people/${id}`);
    expect(sup).toMatchObject({
      nationalId: null,
      sensitiveHidden: true,
      abilities: { revealSensitive: false },
    });
  });

  it('reveals and audits the read when asked by an allowed actor', async () => {
    const id = await ref.personIn(ref.doanTK);
    const before = await auditCount(id);
    const p = await get('doan.thachkhe', `/api/people/${id}?reveal=1`);
    const raw = await one<{ national_id: string | null; ethnicity: string | null }>(
      t.database.db,
      sql`select national_id, ethnicity from persons where id = ${id}`,
    );
    expect(p).toMatchObject({
      sensitiveHidden: false,
      nationalId: raw?.national_id,
      ethnicity: raw?.ethnicity,
    });
    expect(p.partyStatus).not.toBeNull();
    expect(await auditCount(id)).toBe(before + 1);
    const row = await one<{ after: unknown; actor_name: string }>(
      t.database.db,
      sql`select after, actor_name from audit_log
      where action = 'person.reveal_sensitive' and entity_id = ${String(id)} order by id desc limit 1`,
    );
    expect(row).toEqual({
      after: ['nationalId', 'ethnicity', 'religion', 'partyStatus'],
      actor_name: 'Lê Văn Nam',
    });
  });

  it('refuses a reveal without the right (403), without an audit row', async () => {
    const id = await ref.personIn(ref.doanTK);
    const before = await auditCount(id);
    const plain = await get('giamsat.tinh', `/api/people/${id}`);
    expect(plain.abilities.revealSensitive).toBe(false);
    const res = await t.as('giamsat.tinh', 'GET', `/api/people/${id}?reveal=1`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/không có quyền xem thông tin nhạy cảm/);
    expect(await auditCount(id)).toBe(before);
  });

  it('answers 404 for a person outside the scope or unknown', async () => {
    const id = await ref.personIn(ref.doanTK);
    const elsewhere = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from memberships m
      join units u on u.id = m.unit_id join units r on u.path <@ r.path where r.id = ${ref.doanCX} and m.person_id = ${id}`,
    );
    expect(elsewhere?.n).toBe(0);
    await get('doan.camxuyen', `/api/people/${id}`, 404);
    await get('doan.camxuyen', `/api/people/${id}?reveal=1`, 404);
    await get('admin', '/api/people/99999999', 404);
  });
});

describe('GET /api/stats/counts', () => {
  it('counts distinct people and live memberships in scope or under a unit', async () => {
    const expected = (await liveCounts(ref.doanTK))!;
    expect(await get('doan.thachkhe', '/api/stats/counts')).toEqual({
      ...expected,
      byOrganization: [{ organizationCode: 'DOAN', memberships: expected.memberships }],
    });
    expect(await get('admin', `/api/stats/counts?unitId=${ref.doanTK}`)).toMatchObject(expected);
    const all = await get('admin', '/api/stats/counts');
    const doan = await get('admin', '/api/stats/counts?organization=DOAN');
    expect(doan.memberships).toBeLessThan(all.memberships);
    expect(all.people).toBeLessThanOrEqual(all.memberships);
    const listed = await get('admin', '/api/people?pageSize=1');
    expect({ people: listed.total, memberships: listed.totalMemberships }).toEqual({
      people: all.people,
      memberships: all.memberships,
    });
    // The per-organization bars add up to the total.
    const sum = all.byOrganization.reduce((s: number, b: { memberships: number }) => s + b.memberships, 0);
    expect(sum).toBe(all.memberships);
  });

  it('hides units outside the scope', async () => {
    await get('doan.thachkhe', `/api/stats/counts?unitId=${ref.doanCX}`, 404);
    await get('ubnd.thachkhe', '/api/stats/counts', 403);
  });
});
