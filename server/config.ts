import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DOANHOI_DATA_DIR: z.string().default('./data'),
  /** demo: seed the demo province on an empty database; none: start empty */
  DOANHOI_SEED: z.enum(['demo', 'none']).default('demo'),
  DOANHOI_SEED_NUMBER: z.coerce.number().int().default(42),
  AUTH_SECRET: z.string().min(32).optional(),
  PUBLIC_URL: z.string().url().optional(),
  /** behind a reverse proxy: 'true', a hop count, or the proxy addresses (comma-separated) whose X-Forwarded-For to trust */
  TRUST_PROXY: z.string().optional(),
  /** demo / browser tests only: the server's clock starts at this instant (ISO 8601) and runs forward */
  DOANHOI_NOW: z.iso.datetime({ offset: true }).optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** reminder jobs (period end, day before a meeting): 'off' on instances that should not run them */
  REMINDERS: z.enum(['on', 'off']).default('on'),
  REMINDER_DAYS_BEFORE_PERIOD_END: z.coerce.number().int().min(0).max(60).default(7),
  /** reminders go out from this hour of the Vietnam day on */
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

export type Config = z.infer<typeof Env>;

/** Reads configuration from the environment; fails fast with the names of bad variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  if (parsed.data.DOANHOI_NOW && parsed.data.NODE_ENV === 'production') {
    throw new Error(
      'Invalid configuration: DOANHOI_NOW (a shifted clock) is refused when NODE_ENV=production',
    );
  }
  return parsed.data;
}

/**
 * Fastify's trustProxy from TRUST_PROXY, so rate limits and the audit log see the real client address:
 * a hop count or the proxies' addresses. 'true' is refused: it would trust a client-written X-Forwarded-For.
 */
export function trustProxyOf(
  value: string | undefined,
): false | string | ((address: string, hop: number) => boolean) {
  if (!value || value === 'false') return false;
  if (value === 'true') {
    throw new Error(
      'Invalid configuration: TRUST_PROXY=true would trust any client; give a hop count or the proxy addresses',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}
