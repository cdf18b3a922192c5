import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginFailures } from '../db/schema';
import type { Clock } from '../lib/clock';

export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;

/** Per-account lockout after repeated failed sign-ins (on top of better-auth's per-IP rate limit). */
export function makeLockout(db: Db, clock: Clock) {
  return {
    /** The time until which the username is locked, or null. */
    async lockedUntil(username: string): Promise<Date | null> {
      const [row] = await db
        .select()
        .from(loginFailures)
        .where(eq(loginFailures.username, username.toLowerCase()));
      if (!row?.lockedUntil) return null;
      return row.lockedUntil > clock.now() ? row.lockedUntil : null;
    },
    async recordFailure(username: string): Promise<void> {
      const now = clock.now();
      const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      await db
        .insert(loginFailures)
        .values({ username: username.toLowerCase(), failedCount: 1, lastFailedAt: now })
        .onConflictDoUpdate({
          target: loginFailures.username,
          set: {
            // A failure after an expired lock starts a new count.
            failedCount: sql`case when ${loginFailures.lockedUntil} is not null and ${loginFailures.lockedUntil} <= ${now.toISOString()}::timestamptz then 1 else ${loginFailures.failedCount} + 1 end`,
            lastFailedAt: now,
            lockedUntil: sql`case when (case when ${loginFailures.lockedUntil} is not null and ${loginFailures.lockedUntil} <= ${now.toISOString()}::timestamptz then 1 else ${loginFailures.failedCount} + 1 end) >= ${LOCKOUT_AFTER} then ${until.toISOString()}::timestamptz else null end`,
          },
        });
    },
    async clear(username: string): Promise<void> {
      await db.delete(loginFailures).where(eq(loginFailures.username, username.toLowerCase()));
    },
  };
}
export type Lockout = ReturnType<typeof makeLockout>;
