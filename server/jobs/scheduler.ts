import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { type Clock, systemClock } from '../lib/clock';
import { vietnamHour } from '../lib/vn-time';
import { remindMeetingsTomorrow } from './meeting-reminders';
import { remindPeriodEnd } from './period-end-reminders';
import { escalateOverdue } from './voice-escalation';

export interface SchedulerOptions {
  db: Db;
  clock?: Clock;
  log: Pick<FastifyBaseLogger, 'info' | 'error'>;
  /** period-end reminders go out this many days before a period ends */
  daysBefore: number;
  /** reminders are sent from this hour of the Vietnam day on (nobody wants an SMS at midnight) */
  fromHour: number;
  intervalMs?: number;
  /** delay of the first tick after start (30 s by default, so start-up is not slowed) */
  firstDelayMs?: number;
}

/**
 * Starts the reminder jobs: a tick every `intervalMs` (10 minutes by default, and once shortly after start)
 * runs each job, which claims its run for the day in job_runs, so with several server instances only one
 * sends. Timers are unref'd so they never keep the process alive. stop() waits for a running tick.
 */
export function startScheduler(opts: SchedulerOptions): { stop(): Promise<void> } {
  const clock = opts.clock ?? systemClock;
  const deps = { db: opts.db, clock };
  let running: Promise<void> | null = null;

  async function tick() {
    if (vietnamHour(clock.now()) < opts.fromHour) return;
    for (const [name, job] of [
      ['period-end-reminders', () => remindPeriodEnd({ ...deps, daysBefore: opts.daysBefore })],
      ['meeting-reminders', () => remindMeetingsTomorrow(deps)],
      ['voice-escalation', () => escalateOverdue(deps)],
    ] as const) {
      try {
        const outcome = await job();
        if (outcome.ran) opts.log.info({ job: name, result: outcome.result }, 'reminder job ran');
      } catch (err) {
        opts.log.error({ err, job: name }, 'reminder job failed; it will be retried');
      }
    }
  }
  const run = () => {
    if (running) return;
    running = tick().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(run, opts.firstDelayMs ?? 30_000);
  const every = setInterval(run, opts.intervalMs ?? 10 * 60_000);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
