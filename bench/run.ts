/**
 * npm run bench [-- --json] [--only a,b] [--iterations 30] [--warmup 5] [--db pglite|postgres|all]
 *               [--scale province|demo|tiny] [--seed 42] [--regenerate] [--list]
 *
 * Runs each scenario on the generated province-scale dataset, on PGlite and (when DATABASE_URL is set) on
 * PostgreSQL, comparing the product's code path with the best hand-written SQL for the same answer (the floor).
 * Dataset generation and each (database, scenario) run in a child process of their own, so every peak RSS
 * figure belongs to one thing. Results go to stdout (a table, or one JSON document with --json);
 * progress goes to stderr.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DbKind } from '../server/db/client';
import type { SeedScale } from '../server/seed';
import { type DatasetInfo, type DatasetSpec, ensureDataset, liveCounts, openDataset } from './lib/dataset';
import { measure, type ScenarioResult } from './lib/measure';
import type { BenchContext } from './lib/scenario';
import { table } from './lib/stats';
import { SCENARIOS } from './scenarios';

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
/** The keys every result's extra has; any other key is a scenario's own figure (printed under the table). */
const STANDARD_EXTRA = new Set(['iterations', 'floor_p50_ms', 'parts']);
const SCALES: SeedScale[] = ['province', 'demo', 'tiny'];

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    iterations: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    db: { type: 'string' },
    scale: { type: 'string', default: 'province' },
    seed: { type: 'string', default: '42' },
    regenerate: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    // internal: what a child process does
    worker: { type: 'string' },
  },
});

const scale = values.scale as SeedScale;
if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
const seed = Number(values.seed);
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
if (!Number.isInteger(iterations) || iterations < 1)
  throw new Error('--iterations must be a positive integer');
if (!Number.isInteger(warmup) || warmup < 1) throw new Error('--warmup must be a positive integer');
const url = process.env.DATABASE_URL || undefined;
const spec = (kind: DbKind): DatasetSpec => ({
  kind,
  scale,
  seed,
  url: kind === 'postgres' ? url : undefined,
});

/**
 * Runs this script again in a child process; its stdout is one JSON value. The child can collect garbage between
 * calls (ScenarioPart.collectBefore).
 */
function child<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const argv = [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), ...args];
    const p = spawn(process.execPath, argv, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    let out = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d: string) => {
      out += d;
    });
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench child (${args.join(' ')}) exited with ${code}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch {
        reject(new Error(`bench child (${args.join(' ')}) printed no JSON: ${out.slice(0, 500)}`));
      }
    });
  });
}

const passthrough = () => [
  '--scale',
  scale,
  '--seed',
  String(seed),
  '--iterations',
  String(iterations),
  '--warmup',
  String(warmup),
];

/** Child: make sure the dataset exists (generating it when missing or stale) and describe it. */
async function workerGenerate(kind: DbKind): Promise<DatasetInfo> {
  const info = await ensureDataset(spec(kind), values.regenerate);
  if (!info.generated) {
    // A reused dataset: check it still holds what the marker says (someone may have written to it).
    const database = await openDataset(spec(kind));
    try {
      const live = await liveCounts(database);
      for (const k of ['persons', 'memberships', 'units', 'branches'] as const) {
        if (live[k] !== info[k]) {
          throw new Error(
            `${kind} dataset has ${live[k]} ${k}, its marker says ${info[k]}: run with --regenerate`,
          );
        }
      }
    } finally {
      await database.close();
    }
  }
  return info;
}

/** Child: a scenario's untimed preparation (its large inputs), apart from the measured process. */
async function workerPrepare(kind: DbKind, name: string): Promise<{ prepared: string }> {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario?.prepare) throw new Error(`scenario ${name} has nothing to prepare`);
  const database = await openDataset(spec(kind));
  try {
    await scenario.prepare({ db: database.db, kind, database });
    return { prepared: name };
  } finally {
    await database.close();
  }
}

/** Child: one scenario on one database. */
async function workerScenario(kind: DbKind, name: string): Promise<ScenarioResult> {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new Error(`unknown scenario ${name}`);
  const database = await openDataset(spec(kind));
  try {
    const base: BenchContext = { db: database.db, kind, database };
    const state = await scenario.setup(base);
    log(`${kind} ${name}: ${warmup} warm-up + ${iterations} rounds`);
    const r = await measure(scenario, { ...base, state }, { iterations, warmup, log });
    if (scenario.cleanup) {
      log(`${kind} ${name}: cleaning up`);
      await scenario.cleanup(base);
    }
    return { ...r, db: kind };
  } finally {
    await database.close();
  }
}

function databases(): DbKind[] {
  const want = values.db ?? 'all';
  if (want === 'pglite') return ['pglite'];
  if (want === 'postgres') {
    if (!url) throw new Error('--db postgres needs DATABASE_URL');
    return ['postgres'];
  }
  if (want !== 'all') throw new Error('--db must be pglite, postgres or all');
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

async function main(): Promise<void> {
  if (values.worker) {
    const [mode, kind, name] = values.worker.split(':') as [string, DbKind, string | undefined];
    const out =
      mode === 'generate'
        ? await workerGenerate(kind)
        : mode === 'prepare'
          ? await workerPrepare(kind, name ?? '')
          : await workerScenario(kind, name ?? '');
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  if (values.help) {
    process.stdout.write(
      `${fileURLToPath(import.meta.url)}\n${(await import('node:fs')).readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]}*/\n`,
    );
    return;
  }
  if (values.list) {
    for (const s of SCENARIOS) process.stdout.write(`${s.name.padEnd(24)} ${s.description}\n`);
    return;
  }
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((n) => !SCENARIOS.some((s) => s.name === n)) ?? [];
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')} (see --list)`);
  const chosen = SCENARIOS.filter((s) => !only || only.includes(s.name));

  const datasets: DatasetInfo[] = [];
  const results: ScenarioResult[] = [];
  const skipped: Array<{ scenario: string; db: DbKind; reason: string }> = [];
  for (const kind of databases()) {
    const regen = values.regenerate ? ['--regenerate'] : [];
    const info = await child<DatasetInfo>(['--worker', `generate:${kind}`, ...passthrough(), ...regen]);
    log(
      `${kind} dataset: ${info.persons} persons, ${info.memberships} memberships, ${info.units} units, ${info.branches} branches, ` +
        `${info.meetings} meetings, ${info.attendance} attendance rows` +
        (info.generated
          ? ` (generated in ${info.seedSeconds} s, meetings ${info.meetingsSeconds} s of it, + analyze ${info.analyzeSeconds} s, peak RSS ${info.seedPeakRssMb} MB)`
          : ' (reused)'),
    );
    datasets.push(info);
    for (const s of chosen) {
      if (s.databases && !s.databases.only.includes(kind)) {
        log(`${kind} ${s.name}: skipped (${s.databases.reason})`);
        skipped.push({ scenario: s.name, db: kind, reason: s.databases.reason });
        continue;
      }
      if (s.prepare) await child(['--worker', `prepare:${kind}:${s.name}`, ...passthrough()]);
      results.push(await child<ScenarioResult>(['--worker', `scenario:${kind}:${s.name}`, ...passthrough()]));
    }
  }

  const first = datasets[0]!;
  for (const d of datasets.slice(1)) {
    for (const k of ['persons', 'memberships', 'units', 'branches', 'meetings', 'attendance'] as const) {
      if (d[k] !== first[k]) throw new Error(`datasets differ: ${k} ${first.db}=${first[k]} ${d.db}=${d[k]}`);
    }
  }
  const generated = datasets.filter((d) => d.generated);
  const dataset = {
    persons: first.persons,
    memberships: first.memberships,
    units: first.units,
    branches: first.branches,
    meetings: first.meetings,
    attendance: first.attendance,
    discussions: first.discussions,
    db: datasets.map((d) => d.db).join(','),
    ...(generated.length === 1 ? { generatedInSeconds: generated[0]!.seedSeconds } : {}),
    seed,
    scale,
    generator: first.version,
    perDatabase: datasets.map((d) => ({
      db: d.db,
      generated: d.generated,
      generatedAt: d.generatedAt,
      seedSeconds: d.seedSeconds,
      meetingsSeconds: d.meetingsSeconds,
      analyzeSeconds: d.analyzeSeconds,
      seedPeakRssMb: d.seedPeakRssMb,
    })),
  };

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ dataset, results, skipped }, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(
    `dataset (${scale}, seed ${seed}): ${first.persons.toLocaleString('en-US')} persons, ${first.memberships.toLocaleString('en-US')} memberships, ` +
      `${first.units.toLocaleString('en-US')} units, ${first.branches.toLocaleString('en-US')} branches, ` +
      `${first.meetings.toLocaleString('en-US')} meetings, ${first.attendance.toLocaleString('en-US')} attendance rows; ${iterations} rounds after ${warmup} warm-up`,
  );
  for (const d of datasets) {
    out.push(
      `  ${d.db}: seeded in ${d.seedSeconds} s (meetings ${d.meetingsSeconds} s of it; + vacuum analyze ${d.analyzeSeconds} s), seeding peak RSS ${d.seedPeakRssMb} MB${d.generated ? '' : ` [cached, ${d.generatedAt}]`}`,
    );
  }
  out.push('');
  const body: Array<Array<string | number>> = [];
  for (const r of results) {
    body.push([r.scenario, r.db, r.p50_ms, r.p95_ms, r.floor_p95_ms, `${r.ratio}`, r.peak_rss_mb]);
    const parts = (r.extra?.parts ?? {}) as Record<
      string,
      { p50_ms: number; p95_ms: number; floor_p95_ms: number; ratio: number }
    >;
    if (Object.keys(parts).length > 1) {
      for (const [label, p] of Object.entries(parts))
        body.push([`  · ${label}`, '', p.p50_ms, p.p95_ms, p.floor_p95_ms, `${p.ratio}`, '']);
    }
  }
  out.push(table(['scenario', 'db', 'p50 ms', 'p95 ms', 'floor p95 ms', 'ratio', 'peak RSS MB'], body));
  for (const k of skipped) out.push(`${k.scenario} skipped on ${k.db}: ${k.reason}`);
  const own = results.filter((r) => Object.keys(r.extra ?? {}).some((k) => !STANDARD_EXTRA.has(k)));
  for (const r of own) {
    const mine = Object.entries(r.extra ?? {}).filter(([k]) => !STANDARD_EXTRA.has(k));
    out.push(`${r.scenario} (${r.db}): ${mine.map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')}`);
  }
  const slow = results.filter((r) => r.ratio > 3);
  if (slow.length)
    out.push('', `ratio > 3: ${slow.map((r) => `${r.scenario} (${r.db}, ${r.ratio}×)`).join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
