/**
 * Members sign in with their phone and a one-time code: the code goes through the default sender (the outbox
 * table), unknown phones get the same answer and no code, wrong codes run out, sending is limited per phone.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../server/db/query';
import { CSRF, makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import {
  codeFor,
  cookieOf,
  givePhones,
  phoneSignIn,
  post,
  SEND_OTP,
  VERIFY,
  withCookie,
} from '../helpers/phone';

let nowMs = Date.parse('2026-11-10T03:00:00Z');
const tick = (seconds: number) => {
  nowMs += seconds * 1000;
};
let t: TestApp;
let branch: number;
let members: { personId: number; phone: string }[];
const UNKNOWN = '0999888777';

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => new Date(nowMs) } });
  const r = await refs(t.database.db);
  branch = (await r.branches(r.doanTK))[0]!.id;
  // The member persona's person is kept apart for the account test below.
  const persona = await one<{ personId: number }>(
    t.database.db,
    sql`select person_id as "personId" from "user" where username = 'doanvien.thachkhe'`,
  );
  members = (await givePhones(t, branch, 5, '0912'))
    .filter((m) => m.personId !== persona!.personId)
    .slice(0, 4);
});
afterAll(async () => t.close());

const outboxCount = async () =>
  (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from outbox`))!.n;

describe('phone sign-in', () => {
  it('signs a member in with the code from the outbox, creating a linked member account once', async () => {
    const m = members[0]!;
    const local = `+84 ${m.phone.slice(1, 4)} ${m.phone.slice(4, 7)} ${m.phone.slice(7)}`;
    const sent = await post(t, SEND_OTP, { phoneNumber: local });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().message).toMatch(/^Nếu số điện thoại đã được chi đoàn\/chi hội đăng ký/);
    const code = await codeFor(t, m.phone);
    expect(code).toMatch(/^\d{6}$/);

    const res = await post(t, VERIFY, { phoneNumber: m.phone, code });
    expect(res.statusCode).toBe(200);
    expect(res.json().token).toBeUndefined();
    const cookie = cookieOf(res);
    expect(cookie).toContain('doanhoi.session_token=');

    const me = await withCookie(t, cookie, 'GET', '/api/me');
    expect(me.statusCode).toBe(200);
    const person = await one<{ name: string }>(
      t.database.db,
      sql`select trim(family_name || ' ' || given_name) as name from persons where id = ${m.personId}`,
    );
    expect(me.json().user.name).toBe(person!.name);
    // One 'member' grant per unit where the person has a live membership (here Đoàn and maybe Hội).
    const units = await one<{ n: number }>(
      t.database.db,
      sql`select count(distinct unit_id)::int as n from memberships where person_id = ${m.personId} and status = 'active'`,
    );
    const grants = me.json().grants as { role: string; unitId: number }[];
    expect(grants).toHaveLength(units!.n);
    expect(grants.every((g) => g.role === 'member')).toBe(true);
    expect(grants.map((g) => g.unitId)).toContain(branch);
    const mine = await withCookie(t, cookie, 'GET', '/api/me/meetings');
    expect(mine.json()).toMatchObject({ linked: true, personName: person!.name });

    // A second sign-in reuses the account: one user, one live grant.
    tick(61);
    expect((await post(t, SEND_OTP, { phoneNumber: m.phone })).statusCode).toBe(200);
    const again = await post(t, VERIFY, { phoneNumber: m.phone, code: await codeFor(t, m.phone) });
    expect(again.statusCode).toBe(200);
    const acc = await one<{ users: number; grants: number }>(
      t.database.db,
      sql`select count(distinct u.id)::int as users, count(g.id)::int as grants from "user" u
      left join role_grants g on g.user_id = u.id and g.revoked_at is null where u.phone_number = ${m.phone}`,
    );
    expect(acc).toEqual({ users: 1, grants: units!.n });
    const user = await one<{ personId: number; verified: boolean }>(
      t.database.db,
      sql`select person_id as "personId", phone_number_verified as verified from "user" where phone_number = ${m.phone}`,
    );
    expect(user).toEqual({ personId: m.personId, verified: true });
  });

  it("uses a member's existing account, never an officer's", async () => {
    const db = t.database.db;
    const persona = await one<{ id: string; personId: number }>(
      db,
      sql`select id, person_id as "personId" from "user" where username = 'doanvien.thachkhe'`,
    );
    await db.execute(sql`update persons set phone = '0912777001' where id = ${persona!.personId}`);
    const cookie = await phoneSignIn(t, '0912777001');
    expect((await withCookie(t, cookie, 'GET', '/api/me')).json().user).toMatchObject({
      id: persona!.id,
      username: 'doanvien.thachkhe',
    });
    // A branch head linked to a person keeps the password: the phone makes a separate member account.
    const head = await one<{ id: string }>(db, sql`select id from "user" where username = 'bithu.thachkhe'`);
    const other = members[1]!;
    await db.execute(sql`update "user" set person_id = ${other.personId} where id = ${head!.id}`);
    tick(61);
    const mine = await phoneSignIn(t, other.phone);
    const me = (await withCookie(t, mine, 'GET', '/api/me')).json();
    expect(me.user.id).not.toBe(head!.id);
    expect(me.grants.every((g: { role: string }) => g.role === 'member')).toBe(true);
    await db.execute(sql`update "user" set person_id = null where id = ${head!.id}`);
  });

  it('answers an unknown phone the same way and sends nothing', async () => {
    tick(61);
    const before = await outboxCount();
    const known = await post(t, SEND_OTP, { phoneNumber: members[1]!.phone });
    const unknown = await post(t, SEND_OTP, { phoneNumber: UNKNOWN });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    expect(await outboxCount()).toBe(before + 1);
    // Any code for it is refused like a wrong code, and no account appears.
    const guess = await post(t, VERIFY, { phoneNumber: UNKNOWN, code: '123456' });
    const wrong = await post(t, VERIFY, { phoneNumber: members[1]!.phone, code: '000000' });
    expect(guess.statusCode).toBe(400);
    expect(guess.json().error.message).toBe(wrong.json().error.message);
    expect(
      await one(t.database.db, sql`select 1 from "user" where phone_number = ${UNKNOWN}`),
    ).toBeUndefined();
  });

  it('refuses a phone whose owner has left the organization', async () => {
    const gone = members[3]!;
    await t.database.db.execute(
      sql`update memberships set status = 'left' where person_id = ${gone.personId}`,
    );
    const before = await outboxCount();
    expect((await post(t, SEND_OTP, { phoneNumber: gone.phone })).statusCode).toBe(200);
    expect(await outboxCount()).toBe(before);
  });

  it('lets three wrong codes use the code up', async () => {
    tick(61);
    const m = members[2]!;
    expect((await post(t, SEND_OTP, { phoneNumber: m.phone })).statusCode).toBe(200);
    const code = (await codeFor(t, m.phone))!;
    const other = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 3; i++) {
      const res = await post(t, VERIFY, { phoneNumber: m.phone, code: other });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/^Mã không đúng hoặc đã hết hạn/);
      expect(cookieOf(res)).toBe('');
    }
    const right = await post(t, VERIFY, { phoneNumber: m.phone, code });
    expect(right.statusCode).toBe(400);
    expect(cookieOf(right)).toBe('');
  });

  it('refuses an expired code', async () => {
    tick(61);
    const m = members[2]!;
    expect((await post(t, SEND_OTP, { phoneNumber: m.phone })).statusCode).toBe(200);
    await t.database.db.execute(
      sql`update verification set expires_at = now() - interval '1 minute' where identifier = ${`phone-number-otp-${m.phone}`}`,
    );
    const res = await post(t, VERIFY, { phoneNumber: m.phone, code: await codeFor(t, m.phone) });
    expect(res.statusCode).toBe(400);
  });

  it('limits codes per phone: one a minute, five an hour, known or not', async () => {
    tick(3600);
    for (const phone of [members[1]!.phone, UNKNOWN]) {
      expect((await post(t, SEND_OTP, { phoneNumber: phone })).statusCode).toBe(200);
      const soon = await post(t, SEND_OTP, { phoneNumber: phone });
      expect(soon.statusCode).toBe(429);
      expect(soon.json().error.message).toMatch(/Hãy đợi \d+ giây/);
    }
    for (let i = 0; i < 4; i++) {
      tick(61);
      expect((await post(t, SEND_OTP, { phoneNumber: UNKNOWN })).statusCode).toBe(200);
    }
    tick(61);
    const sixth = await post(t, SEND_OTP, { phoneNumber: UNKNOWN });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toMatch(/đã yêu cầu 5 mã trong một giờ\. Hãy thử lại sau \d\d:\d\d/);
  });

  it('refuses a bad phone, a bad code and the plugin endpoints the app does not use', async () => {
    const bad = await post(t, SEND_OTP, { phoneNumber: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Số điện thoại không hợp lệ/);
    expect((await post(t, VERIFY, { phoneNumber: members[0]!.phone, code: '12ab' })).statusCode).toBe(400);
    for (const path of [
      '/api/auth/sign-in/phone-number',
      '/api/auth/phone-number/request-password-reset',
      '/api/auth/phone-number/reset-password',
    ]) {
      expect((await post(t, path, { phoneNumber: members[0]!.phone, password: 'x' })).statusCode).toBe(404);
    }
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: SEND_OTP,
      payload: { phoneNumber: members[0]!.phone },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(CSRF).toBeTruthy();
  });

  it('gives a disabled member account no session', async () => {
    tick(3600);
    const m = members[0]!;
    const u = await one<{ id: string }>(
      t.database.db,
      sql`select id from "user" where phone_number = ${m.phone}`,
    );
    expect((await t.as('admin', 'PATCH', `/api/accounts/${u!.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await post(t, SEND_OTP, { phoneNumber: m.phone })).statusCode).toBe(200);
    const res = await post(t, VERIFY, { phoneNumber: m.phone, code: await codeFor(t, m.phone) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
    expect(cookieOf(res)).toBe('');
  });

  it('shows the codes to the administrator in the outbox, newest first', async () => {
    const res = await t.as('admin', 'GET', '/api/outbox?pageSize=5&channel=sms');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBeGreaterThanOrEqual(5);
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ channel: 'sms', kind: 'otp', recipient: members[0]!.phone });
    const ids = items.map((i: { id: number }) => i.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect((await t.as('bithu.thachkhe', 'GET', '/api/outbox')).statusCode).toBe(403);
  });
});
