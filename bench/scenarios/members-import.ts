/**
 * members.import: a commune's Đoàn officer imports a generated 100,000-row member list (.xlsx, ~5% rows with a
 * known problem) end to end through ImportsService: upload (header detection, row count), check (streaming
 * parse, every row normalised and validated, repeats within the file, one set-based pass against the
 * database's persons), commit (persons and memberships in one transaction). Each run happens inside a
 * transaction that is rolled back, so every run sees the same database and the dataset stays as generated.
 * The floor writes the same persons and memberships raw: COPY on PostgreSQL, multi-row inserts on PGlite.
 * BENCH_IMPORT_ROWS changes the list size (default 100,000). Run it with few rounds:
 *   npm run bench -- --only members.import --iterations 3 --warmup 1
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../server/db/client';
import { rows } from '../../server/db/query';
import { makeImportsService } from '../../server/modules/imports/imports.service';
import { MEMBERSHIP_COLUMNS, PERSON_COLUMNS } from '../../server/seed';
import { bulkInsert } from '../../server/seed/sql';
import { ctxFor, unitActor } from '../lib/actors';
import { type BenchContext, defineScenario } from '../lib/scenario';
import { buildList, type KnownPerson, type ListPlan, type Village } from './members-import.list';

const SIZE = Number(process.env.BENCH_IMPORT_ROWS || 100_000);
const CLOCK = { now: () => new Date('2026-11-27T03:00:00Z') };
const log = (msg: string) => process.stderr.write(`[bench] members.import: ${msg}\n`);
const mb = (bytes: number) => Math.round(bytes / 1048576);
/** PGlite's WebAssembly memory (0 on PostgreSQL). */
let wasm: () => number = () => 0;
/** The process's resident memory now and its peak so far, with its main parts. */
const memory = () => {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)} MB (peak ${mb(process.resourceUsage().maxRSS * 1024)} MB; JS heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, buffers ${mb(m.arrayBuffers)} MB, wasm ${mb(wasm())} MB)`;
};

/** Samples memory every 50 ms and keeps each phase's highest RSS and JS heap. */
function phasePeaks() {
  const peaks: Array<{ phase: string; rss: number; heap: number; wasm: number }> = [];
  let cur: (typeof peaks)[number] | null = null;
  const sample = () => {
    if (!cur) return;
    const m = process.memoryUsage();
    cur.rss = Math.max(cur.rss, m.rss);
    cur.heap = Math.max(cur.heap, m.heapUsed);
    cur.wasm = Math.max(cur.wasm, wasm());
  };
  const timer = setInterval(sample, 50);
  return {
    phase(name: string) {
      sample();
      cur = { phase: name, rss: 0, heap: 0, wasm: 0 };
      peaks.push(cur);
      sample();
    },
    end() {
      sample();
      clearInterval(timer);
      return peaks
        .map((p) => `${p.phase} rss ${mb(p.rss)} / heap ${mb(p.heap)} / wasm ${mb(p.wasm)} MB`)
        .join('; ');
    },
  };
}

class Rollback extends Error {}

/** Runs fn in a transaction that is always rolled back; returns what fn returned. */
async function rolledBack<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await db.transaction(async (tx) => {
      out = await fn(tx as unknown as Db);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return out as T;
}

/** Where prepare leaves the generated list for setup: the workbook, and what the import must find. */
const listFiles = (kind: string) => {
  const dir = join(import.meta.dirname, '..', '..', '.bench-data', 'members-import');
  return { dir, xlsx: join(dir, `${kind}-${SIZE}.xlsx`), plan: join(dir, `${kind}-${SIZE}.json`) };
};
type StoredPlan = Omit<ListPlan, 'data'> & { unitId: number };

/** The Đoàn of the commune with the most village branches. */
async function importingUnit(db: Db) {
  const [unit] = await rows<{ id: number }>(
    db,
    sql`select g.id from units g join units b on b.parent_id = g.id and b.level = 'branch' and b.active
      where g.organization_code = 'DOAN' and g.level = 'grassroots' and g.kind = 'residential' and g.active
      group by g.id order by count(*) desc, g.id limit 1`,
  );
  if (!unit) throw new Error('members.import: no Đoàn commune unit');
  return unit.id;
}

/**
 * Generates the list against the dataset (its villages, people to plant as repeats) in a process of its own: the
 * workbook writer's memory (≈ 300 MB, which glibc and V8 keep resident afterwards) stays out of the measured
 * process's peak RSS.
 */
async function prepare({ db, kind }: BenchContext) {
  const unitId = await importingUnit(db);
  const villages = await rows<Village>(
    db,
    sql`select a.id as "areaId", a.name, min(b.id) as "branchId" from units b join areas a on a.id = b.area_id
      where b.parent_id = ${unitId} and b.level = 'branch' and b.active group by a.id, a.name order by a.name`,
  );
  const known = (doan: boolean, n: number) =>
    rows<KnownPerson>(
      db,
      sql`select p.id, p.family_name as "familyName", p.given_name as "givenName", p.birth_date::text as "birthDate",
        p.gender, p.national_id as "nationalId"
      from persons p
      where p.national_id is not null and p.birth_date between '1998-01-01' and '2008-11-30'
        and ${doan ? sql`` : sql`not`} exists (select 1 from memberships m where m.person_id = p.id
          and m.organization_code = 'DOAN' and m.status in ('active', 'transferring'))
        and not exists (select 1 from persons q where q.id <> p.id and q.sort_key = p.sort_key and q.birth_date = p.birth_date)
      order by p.id limit ${n}`,
    );
  const per = Math.ceil(SIZE / 20 / 11) + 1;
  const started = performance.now();
  const { data, ...plan } = await buildList(db, {
    size: SIZE,
    seed: 42,
    villages,
    linkable: await known(false, per),
    members: await known(true, per),
  });
  const files = listFiles(kind);
  await mkdir(files.dir, { recursive: true });
  await writeFile(files.xlsx, data);
  await writeFile(files.plan, JSON.stringify({ ...plan, unitId } satisfies StoredPlan));
  log(
    `list of ${SIZE.toLocaleString('en-US')} rows, ${(data.length / 1048576).toFixed(1)} MB, generated in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s; expected ${JSON.stringify(plan.expected)}`,
  );
}

async function setup({ db, kind }: BenchContext) {
  const client = (db as unknown as { $client: { mod?: { HEAPU8?: Uint8Array } } }).$client;
  wasm = () => client.mod?.HEAPU8?.byteLength ?? 0;
  const files = listFiles(kind);
  const stored = JSON.parse(await readFile(files.plan, 'utf8')) as StoredPlan;
  if (stored.unitId !== (await importingUnit(db)))
    throw new Error('members.import: the prepared list is stale');
  const { unitId, ...rest } = stored;
  const plan: ListPlan = { ...rest, data: await readFile(files.xlsx) };
  log(`setup: ${memory()}`);
  return { unitId, plan, ctx: ctxFor(await unitActor(db, 'grassroots_officer', unitId)), runs: 0 };
}
type State = Awaited<ReturnType<typeof setup>>;

/**
 * Every rolled-back round leaves ≈ 95,000 dead rows in persons and memberships and ≈ 600,000 in the name keys;
 * until they are reclaimed, search and list on the dataset run 1.5–10× slower (docs/performance.md). VACUUM FULL
 * gives the space back but drops the visibility map, which index-only scans need: a plain VACUUM follows.
 */
async function cleanup({ db }: BenchContext) {
  const tables = sql.raw(
    'persons, memberships, person_name_keys, person_live, import_rows, import_jobs, unit_month_flows, unit_member_counts, unit_stock_changes',
  );
  await db.execute(sql`vacuum full analyze ${tables}`);
  await db.execute(sql`vacuum analyze ${tables}`);
}

/** The whole import through the product's service, timed stage by stage (stages go to stderr). */
async function run({ db, state }: { db: Db; state: State }) {
  return rolledBack(db, async (tx) => {
    const svc = makeImportsService({ db: tx, clock: CLOCK });
    const peaks = phasePeaks();
    peaks.phase('upload');
    const t0 = performance.now();
    const up = await svc.upload(state.ctx, state.unitId, async () => ({
      fileName: 'danh-sach-100k.xlsx',
      data: state.plan.data,
    }));
    const t1 = performance.now();
    peaks.phase('check');
    const mapping = Object.fromEntries(up.columns.map((c) => [String(c.index), c.field]));
    await svc.check(state.ctx, up.id, mapping);
    await svc.drain();
    const checked = await svc.get(state.ctx, up.id);
    if (checked.status !== 'checked')
      throw new Error(`members.import: check ended ${checked.status}: ${checked.error}`);
    const t2 = performance.now();
    peaks.phase('commit');
    await svc.commit(state.ctx, up.id, { mode: 'valid_only', linkDuplicates: true });
    await svc.drain();
    const done = await svc.get(state.ctx, up.id);
    if (done.status !== 'committed' || !done.result)
      throw new Error(`members.import: commit ended ${done.status}: ${done.error}`);
    const t3 = performance.now();
    const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
    log(
      `run ${++state.runs}: upload ${s(t0, t1)} s, check ${s(t1, t2)} s, commit ${s(t2, t3)} s, total ${s(t0, t3)} s, ` +
        memory(),
    );
    log(`run ${state.runs} peaks: ${peaks.end()}`);
    return {
      total: checked.counts.total,
      valid: checked.counts.valid,
      invalid: checked.counts.invalid,
      duplicate: checked.counts.duplicate,
      persons: done.result.persons,
      memberships: done.result.memberships,
      linked: done.result.linked,
    };
  });
}

/** The rows the import writes, with person ids taken from the sequence now. */
async function rawRows(tx: Db, plan: ListPlan) {
  const ids = await rows<{ id: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('persons', 'id'))::int as id from generate_series(1, ${plan.fresh.length})`,
  );
  const persons = plan.fresh.map((p, k) => [
    ids[k]?.id as number,
    p.familyName,
    p.givenName,
    p.searchText,
    p.sortKey,
    p.birthDate,
    p.birthYear,
    p.gender,
    'Kinh',
    'Không',
    p.phone,
    p.nationalId,
    p.occupation,
    p.education,
    p.partyStatus,
    false, // veteran
    p.homeAreaId,
    false, // away_from_home
    null, // away_place
    null, // away_since
    null, // away_contact
  ]);
  // left_on and position stay empty: the import adds active members without a cadre position.
  const memberships = [
    ...plan.fresh.map((p, k) => [ids[k]?.id as number, 'DOAN', p.unitId, 'active', p.joinedOn, null, null]),
    ...plan.linked.map((l) => [l.personId, 'DOAN', l.unitId, 'active', null, null, null]),
  ];
  return { persons, memberships };
}

const csvValue = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);

async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  data: unknown[][],
) {
  const stream = client.query(
    copyFrom(`copy ${table} (${columns.map(([c]) => c).join(', ')}) from stdin with (format csv)`),
  );
  const done = new Promise<void>((ok, fail) => {
    stream.on('finish', ok);
    stream.on('error', fail);
  });
  for (let i = 0; i < data.length; i += 5000) {
    stream.write(
      `${data
        .slice(i, i + 5000)
        .map((r) => r.map(csvValue).join(','))
        .join('\n')}\n`,
    );
  }
  stream.end();
  await done;
}

/** The same persons and memberships written raw, in a transaction rolled back afterwards. */
async function floor({ db, kind, state }: { db: Db; kind: string; state: State }) {
  const { expected } = state.plan;
  const answer = { ...expected, persons: 0, memberships: 0 };
  if (kind === 'postgres') {
    const pool = (db as unknown as { $client: pg.Pool }).$client;
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { persons, memberships } = await rawRows(db, state.plan);
      await copyRows(client, 'persons', PERSON_COLUMNS, persons);
      await copyRows(client, 'memberships', MEMBERSHIP_COLUMNS, memberships);
      answer.persons = persons.length;
      answer.memberships = memberships.length;
    } finally {
      await client.query('rollback');
      client.release();
    }
    return answer;
  }
  return rolledBack(db, async (tx) => {
    const { persons, memberships } = await rawRows(tx, state.plan);
    await bulkInsert(tx, 'persons', PERSON_COLUMNS, persons as never);
    await bulkInsert(tx, 'memberships', MEMBERSHIP_COLUMNS, memberships as never);
    log(`floor: ${memory()}`);
    return { ...answer, persons: persons.length, memberships: memberships.length };
  });
}

export default defineScenario({
  name: 'members.import',
  description: `import a ${SIZE.toLocaleString('en-US')}-row member list end to end (upload, check, commit)`,
  prepare,
  setup,
  cleanup,
  parts: [{ label: 'import', run, floor, collectBefore: true }],
});
