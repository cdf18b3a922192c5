/**
 * The benchmark dataset: generated once with the real seed generator (seedDemo) and reused.
 * PGlite keeps it in .bench-data/pglite-<scale>/ with a marker.json; PostgreSQL keeps a marker row in bench_meta.
 * The marker holds the seed number, scale and a hash of the generator and migrations, so a changed generator
 * regenerates the data instead of benchmarking stale rows.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createDatabase, type Database, type DbKind, migrationsFolder } from '../../server/db/client';
import { rows } from '../../server/db/query';
import { type SeedScale, seedDemo } from '../../server/seed';
import { peakRssMb } from './stats';

/** Bump when the harness changes what it does to a generated dataset (indexes, analyze…). */
const HARNESS_DATASET_FORMAT = 3;
const ROOT = resolve(import.meta.dirname, '../..');

export interface DatasetSpec {
  kind: DbKind;
  scale: SeedScale;
  seed: number;
  /** PostgreSQL only */
  url?: string;
}

export interface DatasetMarker {
  seed: number;
  scale: SeedScale;
  version: string;
  persons: number;
  memberships: number;
  units: number;
  branches: number;
  /** the year of branch meetings (seedDemo's meetings phase) */
  meetings: number;
  attendance: number;
  discussions: number;
  /** the migrations the dataset's schema has (name:hash); later ones are applied on top when reused */
  migrations: string[];
  /** wall time of migrate + seedDemo */
  seedSeconds: number;
  /** of which the meetings phase (plan, bulk insert, foreign key checks, aggregates) */
  meetingsSeconds: number;
  /** wall time of VACUUM ANALYZE afterwards */
  analyzeSeconds: number;
  /** peak RSS of the generating Node process (for PGlite this includes the database itself) */
  seedPeakRssMb: number;
  generatedAt: string;
}

export interface DatasetInfo extends DatasetMarker {
  db: DbKind;
  /** true when this run generated it */
  generated: boolean;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A hash of everything that decides the generated rows: the seed generator and its data files. */
export function generatorVersion(): string {
  const h = createHash('sha256');
  h.update(`format ${HARNESS_DATASET_FORMAT}\n`);
  for (const f of filesUnder(join(ROOT, 'server/seed'))) {
    if (f.includes('.test.')) continue;
    h.update(f.slice(ROOT.length));
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

/** The migrations, in order, each with a hash of its SQL. */
export function migrationList(): string[] {
  return filesUnder(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .map(
      (f) =>
        `${f.slice(migrationsFolder.length + 1)}:${createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 12)}`,
    );
}

export const pgliteDir = (scale: SeedScale) => join(ROOT, '.bench-data', `pglite-${scale}`);

/**
 * A dataset can be reused when the same generator made it with the same seed and scale, and its migrations are
 * the first of today's (unchanged): the new ones are applied on top. The seed writes none of the tables later
 * migrations add, and a migration that changes existing rows does so in its own SQL, as it would in production.
 * A changed or removed migration, or any change under server/seed, regenerates.
 */
const matches = (m: DatasetMarker | undefined, spec: DatasetSpec, version: string): m is DatasetMarker => {
  if (!m || m.seed !== spec.seed || m.scale !== spec.scale || m.version !== version || !m.migrations)
    return false;
  const now = migrationList();
  return m.migrations.length <= now.length && m.migrations.every((x, i) => x === now[i]);
};

/** Applies the migrations a reused dataset does not have yet; returns the marker to keep. */
async function migrateForward(database: Database, marker: DatasetMarker): Promise<DatasetMarker> {
  const now = migrationList();
  if (marker.migrations.length === now.length) return marker;
  log(`applying ${now.length - marker.migrations.length} new migration(s) to the reused dataset`);
  await database.migrate();
  // As after generating: statistics, and the visibility map (index-only scans) of tables a migration filled.
  await database.db.execute(sql`vacuum analyze`);
  return { ...marker, migrations: now };
}

function readPgliteMarker(scale: SeedScale): DatasetMarker | undefined {
  const file = join(pgliteDir(scale), 'marker.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DatasetMarker;
  } catch {
    return undefined;
  }
}

async function readPgMarker(url: string): Promise<DatasetMarker | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ value: DatasetMarker }>(
      `select value from bench_meta where key = 'dataset'`,
    );
    return res.rows[0]?.value;
  } catch {
    return undefined; // no bench_meta table: never generated
  } finally {
    await client.end();
  }
}

/** Opens the dataset's database (which must exist). */
export function openDataset(spec: DatasetSpec): Promise<Database> {
  return spec.kind === 'postgres'
    ? createDatabase({ url: spec.url })
    : createDatabase({ dataDir: pgliteDir(spec.scale) });
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** Migrates and seeds an empty database, then analyzes it; returns the marker to store. */
async function generateInto(database: Database, spec: DatasetSpec, version: string): Promise<DatasetMarker> {
  const started = performance.now();
  await database.migrate();
  let last = 0;
  let meetingsStarted = 0;
  let meetingsEnded = 0;
  const result = await seedDemo(database.db, {
    seedNumber: spec.seed,
    scale: spec.scale,
    meetings: true,
    onProgress: (stage, done, total) => {
      const now = Date.now();
      if (stage === 'meetings' && done === 0) meetingsStarted = performance.now();
      if (stage === 'counting' && done === 0) meetingsEnded = performance.now();
      if ((stage === 'communes' || stage === 'meetings') && (now - last > 10_000 || done === total)) {
        last = now;
        const rss = Math.round(process.memoryUsage().rss / 1048576);
        log(
          `  ${spec.kind}: ${stage} ${done}/${total}, rss ${rss} MB, ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    },
  });
  const seedSeconds = (performance.now() - started) / 1000;
  // PGlite has no autovacuum, and a production database would have statistics: give both fresh ones.
  const analyzeStarted = performance.now();
  await database.db.execute(sql`vacuum analyze`);
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
  return {
    seed: spec.seed,
    scale: spec.scale,
    version,
    persons: result.persons,
    memberships: result.memberships,
    units: result.units,
    branches: result.branches,
    meetings: result.meetings.meetings,
    attendance: result.meetings.attendance,
    discussions: result.meetings.discussions,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    meetingsSeconds: Math.round(((meetingsEnded - meetingsStarted) / 1000) * 10) / 10,
    analyzeSeconds: Math.round(analyzeSeconds * 10) / 10,
    seedPeakRssMb: peakRssMb(),
    migrations: migrationList(),
    generatedAt: new Date().toISOString(),
  };
}

/** Makes sure the dataset exists and is current, generating it when not. Run it in its own process. */
export async function ensureDataset(spec: DatasetSpec, force = false): Promise<DatasetInfo> {
  const version = generatorVersion();
  if (spec.kind === 'pglite') {
    const existing = readPgliteMarker(spec.scale);
    if (!force && matches(existing, spec, version)) {
      const database = await createDatabase({ dataDir: pgliteDir(spec.scale) });
      try {
        const marker = await migrateForward(database, existing);
        writeFileSync(join(pgliteDir(spec.scale), 'marker.json'), `${JSON.stringify(marker, null, 2)}\n`);
        return { ...marker, db: 'pglite', generated: false };
      } finally {
        await database.close();
      }
    }
    const dir = pgliteDir(spec.scale);
    const tmp = `${dir}.tmp`;
    log(
      existing
        ? `PGlite dataset at ${dir} is stale (seed ${existing.seed}, ${existing.scale}, ${existing.version}); regenerating`
        : `no PGlite dataset at ${dir}; generating ${spec.scale} (seed ${spec.seed}, generator ${version})`,
    );
    rmSync(tmp, { recursive: true, force: true });
    const database = await createDatabase({ dataDir: tmp });
    let marker: DatasetMarker;
    try {
      marker = await generateInto(database, spec, version);
    } finally {
      await database.close();
    }
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    writeFileSync(join(dir, 'marker.json'), `${JSON.stringify(marker, null, 2)}\n`);
    return { ...marker, db: 'pglite', generated: true };
  }

  const url = spec.url;
  if (!url) throw new Error('PostgreSQL dataset needs DATABASE_URL');
  const existing = await readPgMarker(url);
  if (!force && matches(existing, spec, version)) {
    const database = await createDatabase({ url });
    try {
      const marker = await migrateForward(database, existing);
      await database.db.execute(
        sql`update bench_meta set value = ${JSON.stringify(marker)}::jsonb where key = 'dataset'`,
      );
      return { ...marker, db: 'postgres', generated: false };
    } finally {
      await database.close();
    }
  }
  const dbName = new URL(url).pathname.slice(1);
  if (!dbName || dbName === 'test' || dbName === 'postgres') {
    throw new Error(
      `refusing to reset database "${dbName}": use a dedicated benchmark database such as doanhoi_bench`,
    );
  }
  log(
    `PostgreSQL database ${dbName}: ${existing ? 'dataset is stale' : 'no dataset'}; resetting schema public and seeding`,
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    'drop schema if exists drizzle cascade; drop schema public cascade; create schema public;',
  );
  await client.end();
  const database = await createDatabase({ url });
  try {
    const marker = await generateInto(database, spec, version);
    await database.db.execute(sql`create table bench_meta (key text primary key, value jsonb not null)`);
    await database.db.execute(
      sql`insert into bench_meta values ('dataset', ${JSON.stringify(marker)}::jsonb)`,
    );
    return { ...marker, db: 'postgres', generated: true };
  } finally {
    await database.close();
  }
}

/** Live counts, to check that a reused dataset still holds what its marker says. */
export async function liveCounts(database: Database) {
  const [c] = await rows<Record<string, number | string>>(
    database.db,
    sql`select (select count(*) from persons) as persons, (select count(*) from memberships) as memberships,
      (select count(*) from units) as units, (select count(*) from units where level = 'branch') as branches`,
  );
  return {
    persons: Number(c?.persons),
    memberships: Number(c?.memberships),
    units: Number(c?.units),
    branches: Number(c?.branches),
  };
}
