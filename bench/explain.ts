/**
 * npx tsx bench/explain.ts <scenario> [--db pglite|postgres] [--scale province] [--part label]
 *
 * Prints EXPLAIN (ANALYZE) for every SQL statement a scenario's product path and floor send, part by part,
 * on the cached benchmark dataset (run `npm run bench` first to generate it). For finding why a ratio is high.
 */
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import type { DbKind } from '../server/db/client';
import { rows } from '../server/db/query';
import type { SeedScale } from '../server/seed';
import { openDataset } from './lib/dataset';
import type { BenchContext } from './lib/scenario';
import { SCENARIOS } from './scenarios';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: 'pglite' },
    scale: { type: 'string', default: 'province' },
    seed: { type: 'string', default: '42' },
    part: { type: 'string' },
  },
});
const scenario = SCENARIOS.find((s) => s.name === positionals[0]);
if (!scenario) throw new Error(`usage: explain.ts <${SCENARIOS.map((s) => s.name).join('|')}>`);
const kind = values.db as DbKind;
const database = await openDataset({
  kind,
  scale: values.scale as SeedScale,
  seed: Number(values.seed),
  url: process.env.DATABASE_URL,
});
try {
  const db = database.db;
  const base: BenchContext = { db, kind, database };
  const state = await scenario.setup(base);
  const ctx = { ...base, state };
  const execute = db.execute.bind(db);
  let captured: SQL[] = [];
  (db as { execute: unknown }).execute = (q: SQL) => {
    captured.push(q);
    return execute(q);
  };
  for (const part of scenario.parts) {
    if (values.part && part.label !== values.part) continue;
    for (const which of ['run', 'floor'] as const) {
      (db as { execute: unknown }).execute = execute;
      await part.before?.(ctx);
      (db as { execute: unknown }).execute = (q: SQL) => {
        captured.push(q);
        return execute(q);
      };
      captured = [];
      await part[which](ctx);
      const queries = captured;
      (db as { execute: unknown }).execute = execute;
      for (const [i, q] of queries.entries()) {
        const plan = await rows<Record<string, string>>(db, sql`explain (analyze, buffers, costs off) ${q}`);
        console.log(
          `\n=== ${scenario.name} / ${part.label} / ${which === 'run' ? 'product' : 'floor'} #${i + 1}`,
        );
        console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
      }
      (db as { execute: unknown }).execute = (q: SQL) => {
        captured.push(q);
        return execute(q);
      };
    }
  }
} finally {
  await database.close();
}
