import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { one } from '../db/query';
import type { Clock } from '../lib/clock';

/** What every job function takes: the database, the clock, and the id of the running server instance. */
export interface JobDeps {
  db: Db;
  clock: Clock;
  /** who claims the run; defaults to this process */
  instance?: string;
}

/** This process's id in job_runs.instance. */
export const PROCESS_INSTANCE = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** A claimed run left unfinished this long (its instance crashed) may be taken over by another instance. */
export const STALE_MINUTES = 30;

export type RunOutcome<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `fn` once per (job, runKey) across every server instance sharing the database: the instance whose
 * insert into job_runs succeeds runs it, the others skip. A run that crashed (never finished) can be taken
 * over after STALE_MINUTES; the jobs' dedupe keys make such a retry send nothing twice.
 */
export async function runOnce<T>(
  deps: JobDeps,
  job: string,
  runKey: string,
  fn: () => Promise<T>,
): Promise<RunOutcome<T>> {
  const instance = deps.instance ?? PROCESS_INSTANCE;
  const now = deps.clock.now().toISOString();
  const claimed = await one<{ instance: string }>(
    deps.db,
    sql`insert into job_runs (job, run_key, instance, started_at) values (${job}, ${runKey}, ${instance}, ${now}::timestamptz)
    on conflict (job, run_key) do update set instance = excluded.instance, started_at = excluded.started_at, result = null
      where job_runs.finished_at is null
        and job_runs.started_at < excluded.started_at - ${sql.raw(`interval '${STALE_MINUTES} minutes'`)}
    returning instance`,
  );
  if (!claimed) return { ran: false };
  const mine = sql`job = ${job} and run_key = ${runKey} and instance = ${instance}`;
  try {
    const result = await fn();
    await deps.db.execute(sql`update job_runs set finished_at = ${deps.clock.now().toISOString()}::timestamptz,
      result = ${JSON.stringify(result)} where ${mine}`);
    return { ran: true, result };
  } catch (err) {
    // Left unfinished on purpose: another tick (or instance) retries it once it is stale.
    const message = err instanceof Error ? err.message : String(err);
    await deps.db.execute(
      sql`update job_runs set result = ${`error: ${message}`.slice(0, 1000)} where ${mine}`,
    );
    throw err;
  }
}
