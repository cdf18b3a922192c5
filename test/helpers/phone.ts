import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { one, rows } from '../../server/db/query';
import { CSRF, type TestApp } from './app';

export const SEND_OTP = '/api/auth/phone-number/send-otp';
export const VERIFY = '/api/auth/phone-number/verify';

/** POST to a better-auth path with the CSRF header, anonymously. */
export const post = (t: TestApp, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: CSRF, payload });

/** The cookie header a response sets (empty when none). */
export const cookieOf = (res: LightMyRequestResponse) =>
  ([res.headers['set-cookie']].flat().filter(Boolean) as string[]).map((c) => c.split(';')[0]).join('; ');

/** The latest sign-in code written to the outbox for a phone (10 digits), if any. */
export async function codeFor(t: TestApp, phone: string): Promise<string | undefined> {
  const row = await one<{ body: string }>(
    t.database.db,
    sql`select body from outbox where kind = 'otp' and recipient = ${phone} order by id desc limit 1`,
  );
  return row?.body.match(/ la (\d{6})/)?.[1];
}

/** Gives `n` persons with an active membership of the unit distinct phones 09xx… and returns them. */
export async function givePhones(t: TestApp, unitId: number, n: number, prefix: string) {
  const people = await rows<{ id: number }>(
    t.database.db,
    sql`select distinct person_id as id from memberships where unit_id = ${unitId} and status = 'active'
    order by person_id limit ${n}`,
  );
  const out: { personId: number; phone: string }[] = [];
  for (const [i, p] of people.entries()) {
    const phone = `${prefix}${String(i).padStart(10 - prefix.length, '0')}`;
    await t.database.db.execute(sql`update persons set phone = ${phone} where id = ${p.id}`);
    out.push({ personId: p.id, phone });
  }
  return out;
}

/** Signs a member in by phone over HTTP (code read from the outbox) and returns the session cookie. */
export async function phoneSignIn(t: TestApp, phone: string): Promise<string> {
  const sent = await post(t, SEND_OTP, { phoneNumber: phone });
  if (sent.statusCode !== 200) throw new Error(`send-otp ${phone}: ${sent.statusCode} ${sent.body}`);
  const code = await codeFor(t, phone);
  const res = await post(t, VERIFY, { phoneNumber: phone, code });
  if (res.statusCode !== 200) throw new Error(`verify ${phone}: ${res.statusCode} ${res.body}`);
  return cookieOf(res);
}

/** A request with a given session cookie. */
export const withCookie = (t: TestApp, cookie: string, method: string, url: string, payload?: object) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { ...CSRF, cookie },
    ...(payload === undefined ? {} : { payload }),
  });
