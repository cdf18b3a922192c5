/**
 * The sign-in surface over a real socket (app.inject normalises paths, a real client need not): only the
 * better-auth endpoints the app uses are reachable, and none of them bypasses the lockout.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await makeTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => t.close());

/** A raw HTTP request: the path is sent exactly as written. */
function raw(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          'x-requested-with': 'DoanHoi',
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

describe('auth surface', () => {
  it('answers 404 for better-auth endpoints the app does not use', async () => {
    for (const path of [
      '/api/auth/sign-in/email',
      '/api/auth/update-user',
      '/api/auth/is-username-available',
      '/api/auth/sign-up/email',
    ]) {
      const res = await raw('POST', path, {
        email: 'admin@doanhoi.invalid',
        username: 'admin',
        password: 'x',
        name: 'Quản trị',
      });
      expect(res.status, path).toBe(404);
    }
  });

  it('refuses dot-segment paths that would skip the lockout', async () => {
    for (const path of [
      '/api/auth/./sign-in/username',
      '/api/auth/%2e/sign-in/username',
      '/api/auth/x/../sign-in/username',
    ]) {
      const res = await raw('POST', path, { username: 'doan.camxuyen', password: 'wrong-password' });
      expect(res.status, path).toBe(404);
    }
  });

  it('keeps the session token out of the sign-in response body', async () => {
    const res = await raw('POST', '/api/auth/sign-in/username', {
      username: 'tinhdoan',
      password: 'DoanHoi@2026',
    });
    expect(res.status).toBe(200);
    expect(res.json.token).toBeUndefined();
    expect((res.json.user as { username?: string }).username).toBe('tinhdoan');
  });

  it('does not tell a stranger that an account is disabled', async () => {
    const id = (await t.as('admin', 'GET', '/api/accounts?q=giamsat.tinh')).json().items[0].id;
    expect((await t.as('admin', 'PATCH', `/api/accounts/${id}`, { disabled: true })).statusCode).toBe(200);
    const wrong = await raw('POST', '/api/auth/sign-in/username', {
      username: 'giamsat.tinh',
      password: 'doan-sai-mat-khau',
    });
    expect(wrong.status).toBe(401);
    const right = await raw('POST', '/api/auth/sign-in/username', {
      username: 'giamsat.tinh',
      password: 'DoanHoi@2026',
    });
    expect(right.status).toBe(403);
    expect((right.json.error as { code: string }).code).toBe('ACCOUNT_DISABLED');
  });
});
