import type { Database, Db, DbKind } from '../../server/db/client';

/** What every scenario gets: the open database. */
export interface BenchContext {
  db: Db;
  kind: DbKind;
  database: Database;
}

/** The context after setup: the scenario's own state (actors, unit ids…) is attached. */
export type ScenarioContext<S> = BenchContext & { state: S };

/** One measured step of a scenario: the product's code path and the hand-written floor for the same answer. */
export interface ScenarioPart<S> {
  label: string;
  run(ctx: ScenarioContext<S>): Promise<unknown>;
  floor(ctx: ScenarioContext<S>): Promise<unknown>;
  /** Untimed, before every run and floor call: e.g. put back the rows the call writes. */
  before?(ctx: ScenarioContext<S>): Promise<void>;
  /**
   * Collect garbage (untimed) before every run and floor call, for calls that allocate hundreds of MB: otherwise
   * one call's garbage is collected, and held resident, during the next — the floor's counted against the product
   * and the other way round, in time and in peak RSS.
   */
  collectBefore?: boolean;
  /**
   * Untimed, after every run and floor call: what the call did, read back from the database. When given, this
   * (not the call's return value) is what the product path and the floor must agree on.
   */
  after?(ctx: ScenarioContext<S>, result: unknown, which: 'run' | 'floor'): Promise<unknown>;
}

/**
 * A benchmark scenario. `run` and `floor` run all parts in order; the harness times each part too,
 * so a slow step inside a scenario is visible in the report's `extra.parts`.
 */
export interface Scenario<S = unknown> {
  name: string;
  description: string;
  /**
   * Untimed, in a process of its own before the measured one: builds large inputs (written to files setup reads),
   * so the measured process's peak RSS is the product's and not the generator's.
   */
  prepare?(ctx: BenchContext): Promise<void>;
  setup(ctx: BenchContext): Promise<S>;
  /** Untimed, after the measured rounds: e.g. reclaim the dead rows rolled-back writes left for later scenarios. */
  cleanup?(ctx: BenchContext): Promise<void>;
  run(ctx: ScenarioContext<S>): Promise<unknown>;
  floor(ctx: ScenarioContext<S>): Promise<unknown>;
  parts: ScenarioPart<S>[];
  /** The databases it runs on (default: all), and why not on the others. */
  databases?: { only: DbKind[]; reason: string };
  /** Figures of its own for the report's extra, after the timed rounds. */
  extra?(
    ctx: ScenarioContext<S>,
    timing: { p50_ms: number; floor_p50_ms: number },
  ): Promise<Record<string, unknown>>;
}

/** Builds a scenario from its parts. */
export function defineScenario<S>(def: {
  name: string;
  description: string;
  prepare?: Scenario<S>['prepare'];
  setup(ctx: BenchContext): Promise<S>;
  cleanup?: Scenario<S>['cleanup'];
  parts: ScenarioPart<S>[];
  databases?: Scenario<S>['databases'];
  extra?: Scenario<S>['extra'];
}): Scenario<S> {
  return {
    ...def,
    async run(ctx) {
      const out: unknown[] = [];
      for (const p of def.parts) out.push((await callPart(p, ctx, 'run')).answer);
      return out;
    },
    async floor(ctx) {
      const out: unknown[] = [];
      for (const p of def.parts) out.push((await callPart(p, ctx, 'floor')).answer);
      return out;
    },
  };
}

/**
 * Calls a part's product path or floor with its untimed hooks around it; returns the answer to compare and the
 * time of the call itself.
 */
export async function callPart<S>(
  part: ScenarioPart<S>,
  ctx: ScenarioContext<S>,
  which: 'run' | 'floor',
): Promise<{ answer: unknown; ms: number }> {
  await part.before?.(ctx);
  if (part.collectBefore) {
    if (!globalThis.gc)
      throw new Error(`${part.label}: collectBefore needs node --expose-gc (bench/run.ts adds it)`);
    globalThis.gc();
  }
  const t0 = performance.now();
  const result = await part[which](ctx);
  const ms = performance.now() - t0;
  return { answer: part.after ? await part.after(ctx, result, which) : result, ms };
}

/** JSON with object keys sorted, numeric strings (bigint counts) left as they are: answers must match exactly. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
    return v;
  });
}

/** Throws, with both answers, when the product path and the floor disagree. */
export function assertSameAnswer(scenario: string, part: string, product: unknown, floor: unknown): void {
  const a = canonical(product);
  const b = canonical(floor);
  if (a === b) return;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 120);
  throw new Error(
    `${scenario} / ${part}: the product path and the floor give different answers (first difference at char ${i})\n` +
      `  product: …${a.slice(from, i + 200)}…\n` +
      `  floor:   …${b.slice(from, i + 200)}…`,
  );
}
