import { sql } from 'drizzle-orm';
import type { Auth } from '../auth/auth';
import type { Db } from '../db/client';
import { one } from '../db/query';
import { seedDemo } from '../seed';
import { seedDemoActivity } from './activity';
import { DEMO_PASSWORD, PERSONAS, seedPersonas } from './personas';

/** True when the database holds no units and no accounts yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await one<{ n: number }>(
    db,
    sql`select (select count(*) from units)::int + (select count(*) from "user")::int as n`,
  );
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo province and its persona accounts; logs progress and the demo logins. */
export async function seedDemoProvince(db: Db, auth: Auth, seedNumber: number, log: (line: string) => void) {
  log('Đang tạo dữ liệu mẫu tỉnh Hà Tĩnh (lần đầu khởi động)…');
  let lastLog = 0;
  const result = await seedDemo(db, {
    seedNumber,
    scale: 'demo',
    onProgress: (stage, done, total) => {
      // At most one progress line every 2 seconds, plus the end of each stage.
      if (Date.now() - lastLog < 2000 && done !== total) return;
      lastLog = Date.now();
      log(`  ${stage}: ${done}/${total}`);
    },
  });
  await seedPersonas(db, auth);
  await seedDemoActivity(db, log);
  log(
    `Đã tạo ${result.persons.toLocaleString('vi-VN')} người, ${result.memberships.toLocaleString('vi-VN')} lượt hội viên, ${result.units.toLocaleString('vi-VN')} đơn vị, ${result.meetings.meetings.toLocaleString('vi-VN')} buổi sinh hoạt trong ${(result.elapsedMs / 1000).toFixed(1)} giây.`,
  );
  return result;
}

/** The demo logins, printed at start (they are also listed in the README). */
export function demoLoginsText(): string {
  const rows = PERSONAS.map((p) => `  ${p.username.padEnd(20)} ${p.description}`);
  return [`Tài khoản mẫu (mật khẩu chung: ${DEMO_PASSWORD}):`, ...rows].join('\n');
}
