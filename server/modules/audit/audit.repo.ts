import { type SQL, sql } from 'drizzle-orm';
import type { AuditItem } from '../../../contracts/audit';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { unaccent } from '../../lib/text';

// Every precomposed Vietnamese letter (both cases) and what unaccent() makes of it, for translate() in SQL:
// the unaccent extension is not loaded on PGlite, and this keeps SQL and JS folding identical.
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const LETTERS = [...'aăâeêioôơuưy'].flatMap((b) => TONES.map((t) => (b + t).normalize('NFC'))).concat('đ');
const FOLD_FROM = [...LETTERS, ...LETTERS.map((c) => c.toUpperCase())].filter((c) => c.charCodeAt(0) > 127);
const FOLD_TO = FOLD_FROM.map((c) => unaccent(c));

/** SQL expression: the text column folded like unaccent() (no diacritics, đ→d, lowercase). */
export function foldSql(column: SQL): SQL {
  return sql`lower(translate(${column}, ${FOLD_FROM.join('')}, ${FOLD_TO.join('')}))`;
}

export async function countAudit(db: DbOrTx, where: SQL): Promise<number> {
  return (
    (await one<{ n: number }>(db, sql`select count(*)::int as n from audit_log l where ${where}`))?.n ?? 0
  );
}

export async function listAudit(db: DbOrTx, where: SQL, limit: number, offset: number): Promise<AuditItem[]> {
  const list = await rows<AuditItem & { id: number | string; at: Date | string }>(
    db,
    sql`
    select l.id, l.at, l.actor_name as "actorName", l.action, l.entity_type as "entityType", l.entity_id as "entityId",
      l.before, l.after, l.request_id as "requestId"
    from audit_log l where ${where}
    order by l.at desc, l.id desc limit ${limit} offset ${offset}`,
  );
  return list.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() }));
}
