import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../server/db/client';
import { fillTemplate, pgUrl, TEMPLATE_DB } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    templateFile: string;
  }
}

/** Migrates and seeds one template database per run; each test file then starts from a copy of it. */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const database = await createDatabase({ url: pgUrl(TEMPLATE_DB) });
    await database.migrate();
    await fillTemplate(database.db);
    await database.close();
    project.provide('templateFile', '');
    return;
  }
  const database = await createDatabase({});
  await database.migrate();
  await fillTemplate(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  const file = join(tmpdir(), `doanhoi-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('templateFile', file);
}
