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
}

/**
 * A benchmark scenario. `run` and `floor` run all parts in order; the harness times each part too,
 * so a slow step inside a scenario is visible in the report's `extra.parts`.
 */
export interface Scenario<S = unknown> {
  name: string;
  description: string;
  setup(ctx: BenchContext): Promise<S>;
  run(ctx: ScenarioContext<S>): Promise<unknown>;
  floor(ctx: ScenarioContext<S>): Promise<unknown>;
  parts: ScenarioPart<S>[];
}

/** Builds a scenario from its parts. */
export function defineScenario<S>(def: {
  name: string;
  description: string;
  setup(ctx: BenchContext): Promise<S>;
  parts: ScenarioPart<S>[];
}): Scenario<S> {
  return {
    ...def,
    async run(ctx) {
      const out: unknown[] = [];
      for (const p of def.parts) out.push(await p.run(ctx));
      return out;
    },
    async floor(ctx) {
      const out: unknown[] = [];
      for (const p of def.parts) out.push(await p.floor(ctx));
      return out;
    },
  };
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
