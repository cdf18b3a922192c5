import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF, makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const signIn = (username: string, password: string, headers: Record<string, string> = CSRF) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/username',
    headers,
    payload: { username, password },
  });

describe('health and errors', () => {
  it('answers health with the database kind', async () => {
    const res = await t.as(null, 'GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: t.database.kind });
  });

  it('describes every route in OpenAPI', async () => {
    const doc = (await t.as(null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toContain('/api/units/{id}');
  });

  it('answers unknown API paths and bad input with the error envelope', async () => {
    const missing = await t.as('admin', 'GET', '/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await t.as('admin', 'POST', '/api/units', { parentId: 'x', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    expect(bad.json().error.message).toMatch(/Dữ liệu không hợp lệ/);
    expect(bad.json().error.requestId).toBeTruthy();
  });
});

describe('sign-in', () => {
  it('signs in with username and password into an HttpOnly SameSite cookie', async () => {
    const res = await signIn('doan.thachkhe', 'DoanHoi@2026');
    expect(res.statusCode).toBe(200);
    const cookie = String([res.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await t.as('doan.thachkhe', 'GET', '/api/me');
    expect(me.json().user.username).toBe('doan.thachkhe');
    expect(me.json().grants[0]).toMatchObject({ role: 'grassroots_officer' });
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const res = await signIn('bithu.thachkhe', 'sai-mat-khau');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('locks an account after 5 failed attempts, even with the right password then', async () => {
    for (let i = 0; i < 4; i++)
      expect((await signIn('chihoi.thachkhe', 'wrong-password')).statusCode).toBe(401);
    const fifth = await signIn('chihoi.thachkhe', 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await signIn('chihoi.thachkhe', 'DoanHoi@2026');
    expect(right.statusCode).toBe(423);
    // An administrator's password reset unlocks it.
    const id = (await t.as('admin', 'GET', '/api/accounts?q=chihoi.thachkhe')).json().items[0].id;
    expect(
      (await t.as('admin', 'POST', `/api/accounts/${id}/reset-password`, { newPassword: 'MatKhauMoi123' }))
        .statusCode,
    ).toBe(200);
    expect((await signIn('chihoi.thachkhe', 'MatKhauMoi123')).statusCode).toBe(200);
  });

  it('refuses writes without the CSRF header', async () => {
    const res = await signIn('admin', 'DoanHoi@2026', {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });

  it('lets a user change their password and sign out', async () => {
    const cookie = await t.cookie('phunu.tinh');
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { ...CSRF, cookie },
      payload: {
        currentPassword: 'DoanHoi@2026',
        newPassword: 'MatKhauRieng2026',
        revokeOtherSessions: true,
      },
    });
    expect(change.statusCode).toBe(200);
    expect((await signIn('phunu.tinh', 'DoanHoi@2026')).statusCode).toBe(401);
    const fresh = await signIn('phunu.tinh', 'MatKhauRieng2026');
    expect(fresh.statusCode).toBe(200);
    const freshCookie = [fresh.headers['set-cookie']]
      .flat()
      .map((c) => String(c).split(';')[0])
      .join('; ');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { ...CSRF, cookie: freshCookie },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: freshCookie } });
    expect(after.statusCode).toBe(401);
  });

  it('ends the sessions of a disabled account and refuses its sign-in', async () => {
    const cookie = await t.cookie('ubnd.thachkhe');
    const id = (await t.as('admin', 'GET', '/api/accounts?q=ubnd.thachkhe')).json().items[0].id;
    expect((await t.as('admin', 'PATCH', `/api/accounts/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    const again = await signIn('ubnd.thachkhe', 'DoanHoi@2026');
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });
});
