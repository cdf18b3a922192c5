import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rows } from '../db/query';
import type { Clock } from '../lib/clock';

/** One sign-in code per phone per minute, and at most this many per hour. */
export const OTP_GAP_SECONDS = 60;
export const OTP_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

const hhmm = (ms: number) =>
  new Date(ms).toLocaleTimeString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * Per-phone limit on sending sign-in codes, kept in the rate_limit table (keys "doanhoi:otp-…", apart from
 * better-auth's per-IP keys). Known and unknown phones are limited alike, so the answer reveals nothing.
 */
export function makePhoneLimiter(db: Db, clock: Clock) {
  return {
    /** Counts one code request for the phone; returns null when allowed, else why and until when to wait. */
    async take(phone: string): Promise<string | null> {
      const gapKey = `doanhoi:otp-gap:${phone}`;
      const hourKey = `doanhoi:otp-hour:${phone}`;
      return db.transaction(async (tx) => {
        const now = clock.now().getTime();
        await tx.execute(sql`insert into rate_limit (id, key, count, last_request)
          values (${gapKey}, ${gapKey}, 0, 0), (${hourKey}, ${hourKey}, 0, 0) on conflict (key) do nothing`);
        const found = await rows<{ key: string; count: number; last: number | string }>(
          tx,
          sql`select key, count, last_request as last from rate_limit where key in (${gapKey}, ${hourKey})
          order by key for update`,
        );
        const gap = found.find((r) => r.key === gapKey);
        const hour = found.find((r) => r.key === hourKey);
        const lastSent = Number(gap?.last ?? 0);
        const wait = Math.ceil((lastSent + OTP_GAP_SECONDS * 1000 - now) / 1000);
        if (wait > 0) {
          return `Bạn vừa yêu cầu mã cho số điện thoại này. Hãy đợi ${wait} giây rồi yêu cầu lại.`;
        }
        const hourStart = Number(hour?.last ?? 0);
        const inHour = now - hourStart < HOUR_MS ? (hour?.count ?? 0) : 0;
        if (inHour >= OTP_PER_HOUR) {
          return `Số điện thoại này đã yêu cầu ${OTP_PER_HOUR} mã trong một giờ. Hãy thử lại sau ${hhmm(hourStart + HOUR_MS)}.`;
        }
        await tx.execute(sql`update rate_limit set count = 1, last_request = ${now} where key = ${gapKey}`);
        await tx.execute(sql`update rate_limit set count = ${inHour + 1},
          last_request = ${inHour === 0 ? now : hourStart} where key = ${hourKey}`);
        return null;
      });
    },
  };
}
export type PhoneLimiter = ReturnType<typeof makePhoneLimiter>;
