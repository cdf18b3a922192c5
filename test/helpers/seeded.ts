import type { SQL } from 'drizzle-orm';
import { createDatabase, type Database } from '../../server/db/client';
import { rows as queryRows } from '../../server/db/query';
import { type SeedResult, seedDemo } from '../../server/seed';

/** A fresh in-memory PGlite, migrated and seeded at tiny scale. */
export async function seededTiny(seedNumber: number): Promise<{ database: Database; result: SeedResult }> {
  const database = await createDatabase({});
  await database.migrate();
  const result = await seedDemo(database.db, { seedNumber, scale: 'tiny' });
  return { database, result };
}

/** Raw SQL rows from a test database. */
export const rows = <T>(database: Database, query: SQL): Promise<T[]> => queryRows<T>(database.db, query);
