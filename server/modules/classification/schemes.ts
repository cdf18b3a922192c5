/** Classification schemes per organization: the saved one, or the configurable defaults. */
import { eq, sql } from 'drizzle-orm';
import type { Scheme, SchemeBody } from '../../../contracts/classification';
import type { DbOrTx } from '../../db/client';
import { one } from '../../db/query';
import { classificationSchemes } from '../../db/schema';
import { defaultScheme } from './rules';

export async function organizationExists(db: DbOrTx, code: string) {
  return !!(await one(db, sql`select 1 as x from organizations where code = ${code}`));
}

/** The organization's scheme (the defaults when none was saved). */
export async function loadScheme(db: DbOrTx, code: string): Promise<Scheme> {
  const [row] = await db
    .select()
    .from(classificationSchemes)
    .where(eq(classificationSchemes.organizationCode, code));
  if (!row)
    return {
      organizationCode: code,
      ...defaultScheme(code),
      isDefault: true,
      updatedAt: null,
      updatedBy: null,
    };
  return {
    organizationCode: code,
    levels: row.levels as SchemeBody['levels'],
    criteria: row.criteria as SchemeBody['criteria'],
    isDefault: false,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function saveScheme(db: DbOrTx, code: string, body: SchemeBody, by: string, at: Date) {
  const values = { levels: body.levels, criteria: body.criteria, updatedBy: by, updatedAt: at };
  await db
    .insert(classificationSchemes)
    .values({ organizationCode: code, ...values })
    .onConflictDoUpdate({ target: classificationSchemes.organizationCode, set: values });
}
