import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { createAuth } from './auth/auth';
import { loadConfig, trustProxyOf } from './config';
import { createDatabase } from './db/client';
import { demoLoginsText, isEmpty, seedDemoProvince } from './demo/bootstrap';
import { startScheduler } from './jobs/scheduler';
import { clockStartingAt, systemClock } from './lib/clock';
import { resolveAuthSecret } from './lib/secret';

const here = dirname(fileURLToPath(import.meta.url));

async function main() {
  const config = loadConfig();
  const dataDir = resolve(config.DOANHOI_DATA_DIR);
  const database = await createDatabase({ url: config.DATABASE_URL, dataDir });
  await database.migrate();
  const authSecret = resolveAuthSecret(config.AUTH_SECRET, dataDir);
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const clock = config.DOANHOI_NOW ? clockStartingAt(new Date(config.DOANHOI_NOW)) : systemClock;

  if (config.DOANHOI_SEED === 'demo' && (await isEmpty(database.db))) {
    await seedDemoProvince(
      database.db,
      createAuth({ db: database.db, secret: authSecret, baseURL: publicUrl }),
      config.DOANHOI_SEED_NUMBER,
      print,
    );
  }

  const app = await buildApp({
    db: database.db,
    dbKind: database.kind,
    clock,
    authSecret,
    publicUrl,
    webDir: join(here, '..', 'dist', 'web'),
    logLevel: config.LOG_LEVEL,
    trustProxy: trustProxyOf(config.TRUST_PROXY),
  });
  const scheduler =
    config.REMINDERS === 'on'
      ? startScheduler({
          db: database.db,
          clock,
          log: app.log,
          daysBefore: config.REMINDER_DAYS_BEFORE_PERIOD_END,
          fromHour: config.REMINDER_HOUR,
        })
      : null;
  const close = async () => {
    await scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.PORT, host: config.HOST });
  print(
    `\nDoanHoi đang chạy tại ${publicUrl} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite, ${dataDir}` : 'PostgreSQL'})`,
  );
  if (config.DOANHOI_NOW)
    print(`Đồng hồ máy chủ bắt đầu từ ${config.DOANHOI_NOW} (DOANHOI_NOW, chỉ dùng cho demo/kiểm thử).`);
  if (config.DOANHOI_SEED === 'demo') print(demoLoginsText());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
