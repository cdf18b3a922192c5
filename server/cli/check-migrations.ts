/**
 * Fails when the Drizzle schema and the committed migrations disagree: generates into a scratch copy of
 * the migrations folder and checks that drizzle-kit finds nothing new to write.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const committed = join(process.cwd(), 'server', 'db', 'migrations');
// drizzle-kit resolves `out` relative to the project, so the scratch copy lives inside it.
const scratch = join('node_modules', '.cache', `doanhoi-migrations-${process.pid}`);
mkdirSync(scratch, { recursive: true });
try {
  cpSync(committed, scratch, { recursive: true });
  const before = readdirSync(scratch).filter((f) => f.endsWith('.sql')).length;
  const out = execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'drift-check'], {
    env: { ...process.env, DRIZZLE_OUT: scratch },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const after = readdirSync(scratch).filter((f) => f.endsWith('.sql')).length;
  if (after !== before || !/No schema changes/i.test(out)) {
    console.error(out);
    console.error('Schema and migrations disagree: run `npm run db:generate` and commit the new migration.');
    process.exitCode = 1;
  } else {
    console.log(`Migrations match the schema (${before} files).`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
