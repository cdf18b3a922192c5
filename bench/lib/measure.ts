import { assertSameAnswer, callPart, type Scenario, type ScenarioContext } from './scenario';
import { peakRssMb, percentile, round } from './stats';

export interface PartResult {
  p50_ms: number;
  p95_ms: number;
  floor_p50_ms: number;
  floor_p95_ms: number;
  ratio: number;
}

export interface ScenarioResult {
  scenario: string;
  db: 'pglite' | 'postgres';
  p50_ms: number;
  p95_ms: number;
  floor_p95_ms: number;
  ratio: number;
  peak_rss_mb: number;
  extra?: Record<string, unknown>;
}

const now = () => performance.now();

function summarize(run: number[], floor: number[]): PartResult {
  const p95 = percentile(run, 95);
  const f95 = percentile(floor, 95);
  return {
    p50_ms: round(percentile(run, 50)),
    p95_ms: round(p95),
    floor_p50_ms: round(percentile(floor, 50)),
    floor_p95_ms: round(f95),
    ratio: round(p95 / f95),
  };
}

/**
 * Checks that every part's product path and floor agree, warms up, then times `iterations` rounds. In each round
 * every part runs its product path and its floor back to back (which goes first alternates between rounds);
 * a round's product time is the sum of its parts' product times, likewise for the floor.
 */
export async function measure<S>(
  scenario: Scenario<S>,
  ctx: ScenarioContext<S>,
  opts: { iterations: number; warmup: number; log: (msg: string) => void },
): Promise<Omit<ScenarioResult, 'db'>> {
  const { parts } = scenario;
  const check = async () => {
    for (const p of parts) {
      const product = await callPart(p, ctx, 'run');
      const floor = await callPart(p, ctx, 'floor');
      assertSameAnswer(scenario.name, p.label, product.answer, floor.answer);
    }
  };
  await check();
  for (let i = 1; i < opts.warmup; i++) {
    for (const p of parts) {
      await callPart(p, ctx, 'run');
      await callPart(p, ctx, 'floor');
    }
  }

  const runs = parts.map(() => [] as number[]);
  const floors = parts.map(() => [] as number[]);
  const totalRun: number[] = [];
  const totalFloor: number[] = [];
  let lastLog = now();
  for (let i = 0; i < opts.iterations; i++) {
    let r = 0;
    let f = 0;
    for (const [k, p] of parts.entries()) {
      const order = i % 2 === 0 ? (['run', 'floor'] as const) : (['floor', 'run'] as const);
      for (const which of order) {
        const { ms: dt } = await callPart(p, ctx, which);
        if (which === 'run') {
          runs[k]!.push(dt);
          r += dt;
        } else {
          floors[k]!.push(dt);
          f += dt;
        }
      }
    }
    totalRun.push(r);
    totalFloor.push(f);
    if (now() - lastLog > 10_000) {
      lastLog = now();
      opts.log(`  ${scenario.name}: ${i + 1}/${opts.iterations}`);
    }
  }
  await check(); // still the same answer after the timed rounds (no cache drift)

  const total = summarize(totalRun, totalFloor);
  const own = scenario.extra
    ? await scenario.extra(ctx, { p50_ms: total.p50_ms, floor_p50_ms: total.floor_p50_ms })
    : {};
  return {
    scenario: scenario.name,
    p50_ms: total.p50_ms,
    p95_ms: total.p95_ms,
    floor_p95_ms: total.floor_p95_ms,
    ratio: total.ratio,
    peak_rss_mb: peakRssMb(),
    extra: {
      iterations: opts.iterations,
      floor_p50_ms: total.floor_p50_ms,
      parts: Object.fromEntries(parts.map((p, k) => [p.label, summarize(runs[k]!, floors[k]!)])),
      ...own,
    },
  };
}
