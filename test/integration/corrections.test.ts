/**
 * Self-service: a member signed in by phone sees their own profile and memberships, proposes corrections
 * (checked by the normalisers, refused naming the field), withdraws one; the head of their branch sees the
 * pending ones, approves (applied, audited; a CCCD held by another record → conflict) or rejects with a reason;
 * the member sees the outcome; another member never sees someone else's proposals.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Correction, MyProfile } from '../../contracts/corrections';
import { one } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import { addMember, testClock } from '../helpers/members';
import { phoneSignIn, withCookie } from '../helpers/phone';

let t: TestApp;
let branchA: number;
let doanTK: number;
let me: number;
let other: number;
let myCookie: string;
let otherCookie: string;

const mine = (method: string, url: string, body?: object) => withCookie(t, myCookie, method, url, body);
const profile = async (cookie = myCookie) => {
  const res = await withCookie(t, cookie, 'GET', '/api/me/profile');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MyProfile;
};
const propose = async (field: string, value: string, note?: string) =>
  mine('POST', '/api/me/corrections', { field, value, ...(note ? { note } : {}) });
const person = (id: number) =>
  one<Record<string, unknown>>(
    t.database.db,
    sql`select family_name, given_name, search_text, birth_date::text, birth_year, phone, national_id, occupation
      from persons where id = ${id}`,
  );

beforeAll(async () => {
  t = await makeTestApp({ clock: testClock });
  const r = await refs(t.database.db);
  doanTK = r.doanTK;
  // bithu.thachkhe heads the first branch of Thạch Khê
  branchA = (await r.branches(r.doanTK))[0]!.id;
  me = await addMember(t.database.db, branchA, {
    familyName: 'Trần Thị',
    givenName: 'Hoà',
    birthDate: '2000-01-02',
    phone: '0912555001',
  });
  other = await addMember(t.database.db, branchA, {
    familyName: 'Lê Văn',
    givenName: 'Tám',
    birthDate: '1999-09-09',
    phone: '0912555002',
  });
  myCookie = await phoneSignIn(t, '0912555001');
  otherCookie = await phoneSignIn(t, '0912555002');
});
afterAll(async () => t.close());

describe('a member’s own profile', () => {
  it('shows their own record and memberships, nobody else’s', async () => {
    const p = await profile();
    expect(p.linked).toBe(true);
    expect(p.person?.id).toBe(me);
    expect(p.person?.fullName).toBe('Trần Thị Hoà');
    expect(p.memberships.map((m) => m.unitId)).toEqual([branchA]);
    expect(p.memberships[0]?.unitName).toBeTruthy();
    expect(p.canPropose).toBe(true);
    expect(p.areaOptions.length).toBeGreaterThan(0);
    expect((await profile(otherCookie)).person?.id).toBe(other);
  });

  it('refuses invalid values, naming the field and how to fix it, and writes nothing', async () => {
    const cases: [string, string, RegExp][] = [
      ['phone', '12345', /^Số điện thoại: .*10 chữ số/],
      ['birthDate', '31/02/2000', /^Ngày sinh: /],
      ['birthDate', '', /^Ngày sinh: .*dd\/mm\/yyyy/],
      ['nationalId', '0420990012', /^Số CCCD: /],
      ['nationalId', '123456789', /^Số CCCD: .*CMND/],
      ['fullName', 'Hoà', /^Họ và tên: /],
      ['awayFromHome', 'maybe', /^Đi làm ăn xa: /],
      ['homeAreaId', '999999', /^Thôn\/Tổ dân phố: /],
      ['phone', '0912555001', /giống giá trị đang lưu/],
    ];
    for (const [field, value, message] of cases) {
      const res = await propose(field, value);
      expect(res.statusCode, `${field}=${value}: ${res.body}`).toBe(400);
      expect(res.json().error.message, field).toMatch(message);
    }
    const unknown = await propose('partyStatus', 'full');
    expect(unknown.statusCode).toBe(400);
    const n = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from profile_corrections where person_id = ${me}`,
    );
    expect(n?.n).toBe(0);
  });
});

describe('propose → decide', () => {
  let phoneFix: Correction;
  let birthFix: Correction;
  let jobFix: Correction;

  it('stores proposals normalised, one pending per field, and the head sees them (with a count)', async () => {
    const a = await propose('phone', '+84 912 555 009', 'Em đổi số');
    expect(a.statusCode, a.body).toBe(201);
    phoneFix = a.json();
    expect(phoneFix).toMatchObject({
      field: 'phone',
      oldValue: '0912555001',
      newValue: '0912555009',
      status: 'pending',
      unitId: branchA,
    });
    const b = await propose('birthDate', '12/01/2000');
    expect(b.statusCode, b.body).toBe(201);
    birthFix = b.json();
    expect(birthFix.newValue).toBe('2000-01-12');
    const c = await propose('occupation', 'công nhân may');
    jobFix = c.json();
    expect(jobFix.newValue).toBe('Công nhân may');
    const again = await propose('phone', '0912555010');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/^Số điện thoại: .*đang chờ duyệt/);

    const count = await t.as('bithu.thachkhe', 'GET', '/api/corrections/count');
    expect(count.statusCode).toBe(200);
    expect(count.json().pending).toBeGreaterThanOrEqual(3);
    const list = await t.as('bithu.thachkhe', 'GET', `/api/corrections?unitId=${branchA}`);
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().items.map((x: Correction) => x.id);
    expect(ids).toEqual(expect.arrayContaining([phoneFix.id, birthFix.id, jobFix.id]));
    // the officer's profile page shows what is pending for the person
    const forPerson = await t.as('doan.thachkhe', 'GET', `/api/people/${me}/corrections`);
    expect(forPerson.json().items.filter((x: Correction) => x.status === 'pending')).toHaveLength(3);
    // another commune's officer sees neither the list nor the person's proposals
    expect((await t.as('doan.camxuyen', 'GET', `/api/corrections?unitId=${branchA}`)).statusCode).toBe(404);
    expect((await t.as('doan.camxuyen', 'GET', `/api/people/${me}/corrections`)).statusCode).toBe(404);
  });

  it('another member cannot see or withdraw yours', async () => {
    const theirs = await profile(otherCookie);
    expect(theirs.corrections).toEqual([]);
    const res = await withCookie(t, otherCookie, 'POST', `/api/me/corrections/${phoneFix.id}/withdraw`);
    expect(res.statusCode).toBe(404);
  });

  it('approve applies the value in one audited transaction and tells the member', async () => {
    const res = await t.as('bithu.thachkhe', 'POST', `/api/corrections/${phoneFix.id}/approve`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', decidedByName: 'Hoàng Minh Tuấn' });
    expect((await person(me))?.phone).toBe('0912555009');
    const audit = await one<{ before: unknown; after: { phone: string } }>(
      t.database.db,
      sql`select before, after from audit_log where action = 'person.correction_approved' and entity_id = ${String(me)}`,
    );
    expect(audit).toMatchObject({ before: { phone: '0912555001' }, after: { phone: '0912555009' } });
    // deciding twice is refused
    const twice = await t.as('bithu.thachkhe', 'POST', `/api/corrections/${phoneFix.id}/approve`);
    expect(twice.statusCode).toBe(409);
    const birth = await t.as('bithu.thachkhe', 'POST', `/api/corrections/${birthFix.id}/approve`);
    expect(birth.statusCode, birth.body).toBe(200);
    expect((await person(me))?.birth_date).toBe('2000-01-12');
  });

  it('reject leaves the profile unchanged and the member reads the reason', async () => {
    const empty = await t.as('bithu.thachkhe', 'POST', `/api/corrections/${jobFix.id}/reject`, {
      reason: '',
    });
    expect(empty.statusCode).toBe(400);
    const res = await t.as('bithu.thachkhe', 'POST', `/api/corrections/${jobFix.id}/reject`, {
      reason: 'Chưa đúng, em đang làm ở xưởng mộc',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await person(me))?.occupation).toBeNull();
    const p = await profile();
    const seen = p.corrections.find((c) => c.id === jobFix.id);
    expect(seen).toMatchObject({ status: 'rejected', decisionReason: 'Chưa đúng, em đang làm ở xưởng mộc' });
    expect(p.person?.phone).toBe('0912555009');
    const note = await one<{ title: string }>(
      t.database.db,
      sql`select n.title from notifications n join "user" u on u.id = n.user_id
        where u.person_id = ${me} and n.kind = 'correction_rejected'`,
    );
    expect(note?.title).toMatch(/Nghề nghiệp/);
  });

  it('withdraw takes back a pending proposal; a decided one cannot be withdrawn', async () => {
    const name = await propose('fullName', '  trần thị   hòa  ');
    expect(name.statusCode, name.body).toBe(201);
    const w = await mine('POST', `/api/me/corrections/${name.json().id}/withdraw`);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    expect((await person(me))?.given_name).toBe('Hoà');
    const late = await mine('POST', `/api/me/corrections/${phoneFix.id}/withdraw`);
    expect(late.statusCode).toBe(409);
    // withdrawn ones cannot be decided
    const approve = await t.as('bithu.thachkhe', 'POST', `/api/corrections/${name.json().id}/approve`);
    expect(approve.statusCode).toBe(409);
  });

  it('a name correction updates the search text; a CCCD held by another record is a conflict pointing to duplicates', async () => {
    const name = await propose('fullName', 'Trần Thị Hòa Bình');
    const ok = await t.as('doan.thachkhe', 'POST', `/api/corrections/${name.json().id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await person(me)).toMatchObject({
      family_name: 'Trần Thị Hòa',
      given_name: 'Bình',
      search_text: 'tran thi hoa binh',
    });
    await t.database.db.execute(sql`update persons set national_id = '042099001234' where id = ${other}`);
    const id = await propose('nationalId', '042099001234');
    expect(id.statusCode, id.body).toBe(201);
    const clash = await t.as('bithu.thachkhe', 'POST', `/api/corrections/${id.json().id}/approve`);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/Trùng lặp/);
    expect((await person(me))?.national_id).toBeNull();
  });

  it('the head of another branch and a supervisor cannot decide', async () => {
    const p = await propose('education', '12/12');
    expect(p.statusCode, p.body).toBe(201);
    // chihoi.thachkhe heads a Women's Union branch: the Đoàn branch is not hers to read → 404
    expect(
      (await t.as('chihoi.thachkhe', 'POST', `/api/corrections/${p.json().id}/approve`)).statusCode,
    ).toBe(404);
    expect((await t.as('dangu.thachkhe', 'POST', `/api/corrections/${p.json().id}/approve`)).statusCode).toBe(
      403,
    );
    expect((await t.as('bithu.thachkhe', 'GET', `/api/corrections?unitId=${doanTK}`)).statusCode).toBe(404);
  });
});
