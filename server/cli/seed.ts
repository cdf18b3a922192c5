/**
 * Seeds demo data: npx tsx server/cli/seed.ts [--scale demo|province|tiny] [--seed N] [--reset]
 * Database: DATABASE_URL (PostgreSQL) or DOANHOI_DATA_DIR (PGlite; default ./data, or ./.bench-data/province
 * for the province scale). Refuses a non-empty database unless --reset. Creates no user accounts.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createDatabase } from '../db/client';
import { type SeedScale, seedDemo } from '../seed';
import { queryRows } from '../seed/sql';

const SCALES: SeedScale[] = ['demo', 'province', 'tiny'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: process.env.DOANHOI_SEED_NUMBER ?? '42' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: tsx server/cli/seed.ts [--scale demo|province|tiny] [--seed N] [--reset]');
    return;
  }
  const scale = values.scale as SeedScale;
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  const seedNumber = Number(values.seed);
  if (!Number.isInteger(seedNumber)) throw new Error('--seed must be an integer');

  const url = process.env.DATABASE_URL || undefined;
  const dataDir =
    process.env.DOANHOI_DATA_DIR || (scale === 'province' ? './.bench-data/province' : './data');
  const target = url ? url.replace(/\/\/[^@/]*@/, '//***@') : `PGlite at ${dataDir}`;

  if (values.reset) {
    if (url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        'drop schema if exists drizzle cascade; drop schema public cascade; create schema public;',
      );
      await client.end();
    } else {
      rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(`reset ${target}`);
  }

  const database = await createDatabase({ url, dataDir });
  try {
    await database.migrate();
    const [row] = await queryRows<{ n: number | string }>(
      database.db,
      sql`select (select count(*) from areas) + (select count(*) from units) + (select count(*) from persons) as n`,
    );
    if (Number(row?.n ?? 0) > 0) {
      console.error(`${target} is not empty; run again with --reset to wipe it and seed.`);
      process.exitCode = 1;
      return;
    }

    console.log(`seeding ${scale} (seed ${seedNumber}) into ${target}`);
    let lastLine = 0;
    const result = await seedDemo(database.db, {
      seedNumber,
      scale,
      onProgress: (stage, done, total) => {
        const now = Date.now();
        if (stage === 'communes' && (now - lastLine > 2000 || done === total)) {
          lastLine = now;
          const rss = Math.round(process.memoryUsage().rss / 1048576);
          console.log(`  communes ${done}/${total}  rss ${rss} MB`);
        }
      },
    });

    const rows: Array<[string, string]> = [
      ['areas', fmt(result.areas)],
      ['former communes', fmt(result.formerCommunes)],
      ['villages', fmt(result.villages)],
      ['units', fmt(result.units)],
      ['branches', fmt(result.branches)],
      ['persons', fmt(result.persons)],
      ['memberships', fmt(result.memberships)],
      ...Object.entries(result.byOrganization).map(([org, n]): [string, string] => [`  ${org}`, fmt(n)]),
      ['meetings', fmt(result.meetings.meetings)],
      ['attendance rows', fmt(result.meetings.attendance)],
      ['elapsed', `${(result.elapsedMs / 1000).toFixed(1)} s`],
      ['peak RSS', `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v.padStart(12)}`);
  } finally {
    await database.close();
  }
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
