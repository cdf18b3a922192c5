import { createAuth } from '../../server/auth/auth';
import type { Db } from '../../server/db/client';
import { seedPersonas } from '../../server/demo/personas';
import { seedDemo } from '../../server/seed';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const TEMPLATE_DB = 'doanhoi_test_template';

/** Fills a migrated database with the tiny demo province and every persona account. */
export async function fillTemplate(db: Db): Promise<void> {
  // Integration tests make their own meetings; the seeded meeting history is tested in test/unit.
  await seedDemo(db, { seedNumber: 7, scale: 'tiny', meetings: false });
  await seedPersonas(db, createAuth({ db, secret: TEST_SECRET, baseURL: 'http://localhost:3000' }));
}

/** Admin connection URL (database `test` by default) and a URL for another database on the same server. */
export function pgUrl(database?: string): string {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  if (database) base.pathname = `/${database}`;
  return base.toString();
}
