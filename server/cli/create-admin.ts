/**
 * Creates an administrator account: `npm run create-admin -- --username ten --name "Họ Tên"`.
 * The password comes from DOANHOI_ADMIN_PASSWORD (never from the command line, which shells keep in history).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { CreateAccountBody } from '../../contracts/accounts';
import { createAuth } from '../auth/auth';
import { loadConfig } from '../config';
import { createDatabase } from '../db/client';
import { one } from '../db/query';
import { roleGrants } from '../db/schema';
import { resolveAuthSecret } from '../lib/secret';
import { insertAccount } from '../modules/accounts/accounts.service';

const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' } } });
const input = CreateAccountBody.safeParse({
  username: values.username,
  name: values.name ?? values.username,
  password: process.env.DOANHOI_ADMIN_PASSWORD,
});
if (!input.success) {
  console.error(
    'Dùng: DOANHOI_ADMIN_PASSWORD=... npm run create-admin -- --username <tên> --name "<Họ tên>"',
  );
  for (const issue of input.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const config = loadConfig();
const dataDir = resolve(config.DOANHOI_DATA_DIR);
const database = await createDatabase({ url: config.DATABASE_URL, dataDir });
await database.migrate();
const { db } = database;
if (await one(db, sql`select 1 from "user" where username = ${input.data.username}`)) {
  console.error(`Tên đăng nhập "${input.data.username}" đã tồn tại.`);
  await database.close();
  process.exit(1);
}
const auth = createAuth({
  db,
  secret: resolveAuthSecret(config.AUTH_SECRET, dataDir),
  baseURL: 'http://localhost',
});
const passwordHash = await (await auth.$context).password.hash(input.data.password);
await db.transaction(async (tx) => {
  const userId = await insertAccount(tx, {
    username: input.data.username,
    name: input.data.name,
    passwordHash,
  });
  await tx.insert(roleGrants).values({ userId, role: 'admin' });
});
console.log(`Đã tạo tài khoản quản trị "${input.data.username}".`);
await database.close();
