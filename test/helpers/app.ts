import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { createDatabase, type Database } from '../../server/db/client';
import { DEMO_PASSWORD } from '../../server/demo/personas';
import type { Clock } from '../../server/lib/clock';
import { pgUrl, TEMPLATE_DB, TEST_SECRET } from './template';

export const CSRF = { 'x-requested-with': 'DoanHoi' };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Signs a persona in and returns its cookie header (cached per username). */
  cookie(username: string, password?: string): Promise<string>;
  /** Sends a request as a persona (or anonymously with null). */
  as(username: string | null, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

/** A fresh app on its own copy of the seeded template database (PGlite by default, PostgreSQL with DATABASE_URL). */
export async function makeTestApp(opts: { clock?: Clock } = {}): Promise<TestApp> {
  let database: Database;
  let dropName: string | null = null;
  if (process.env.DATABASE_URL) {
    dropName = `doanhoi_t_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    await admin.query(`create database ${dropName} template ${TEMPLATE_DB}`);
    await admin.end();
    database = await createDatabase({ url: pgUrl(dropName) });
  } else {
    const file = inject('templateFile');
    database = await createDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
  }
  const app = await buildApp({
    db: database.db,
    dbKind: database.kind,
    authSecret: TEST_SECRET,
    clock: opts.clock,
    logLevel: process.env.TEST_LOG ?? 'silent',
  });
  await app.ready();
  const cookies = new Map<string, string>();

  async function cookie(username: string, password = DEMO_PASSWORD): Promise<string> {
    const cached = cookies.get(username);
    if (cached && password === DEMO_PASSWORD) return cached;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/username',
      headers: CSRF,
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in ${username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = [res.headers['set-cookie']].flat().filter(Boolean) as string[];
    const header = setCookie.map((c) => c.split(';')[0]).join('; ');
    if (password === DEMO_PASSWORD) cookies.set(username, header);
    return header;
  }

  return {
    app,
    database,
    cookie,
    async as(username, method, url, body) {
      const headers: Record<string, string> = { ...CSRF };
      if (username) headers.cookie = await cookie(username);
      return app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    async close() {
      await app.close();
      await database.close();
      if (dropName) {
        const admin = new pg.Client({ connectionString: pgUrl() });
        await admin.connect();
        await admin.query(`drop database if exists ${dropName} with (force)`);
        await admin.end();
      }
    },
  };
}
