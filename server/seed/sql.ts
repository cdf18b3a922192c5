import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

type Cell = string | number | boolean | null | undefined;

/** Rows of a raw query, on PGlite and node-postgres alike. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

function arrayLiteral(values: Cell[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else out += `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}

/**
 * Fast bulk insert: one parameter per column (a PostgreSQL array literal) expanded with unnest,
 * so a batch of thousands of rows is a single statement with a handful of parameters.
 * columns are [name, sql type]; an "id" column is written with OVERRIDING SYSTEM VALUE.
 */
export async function bulkInsert(
  db: DbOrTx,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: Cell[][],
  batchSize = 5000,
): Promise<void> {
  const overriding = columns.some(([name]) => name === 'id') ? sql.raw(' overriding system value') : sql``;
  const names = sql.raw(columns.map(([n]) => `"${n}"`).join(', '));
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = columns.map(([, type], c) => {
      const literal = arrayLiteral(batch.map((r) => r[c]));
      return sql`${literal}::${sql.raw(type)}[]`;
    });
    await db.execute(
      sql`insert into ${sql.raw(`"${table}"`)} (${names})${overriding} select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}

/** Reserves n ids from a table's identity sequence, so paths can be computed before inserting. */
export async function reserveIds(db: DbOrTx, table: string, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const rows = await queryRows<{ id: number | string }>(
    db,
    sql`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n})`,
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
