import { type SQL, sql } from 'drizzle-orm';
import type { OutboxItem, OutboxQuery } from '../../../contracts/outbox';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';

/** The filter of an outbox listing (alias o). */
export function outboxWhere(q: OutboxQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (q.channel) parts.push(sql`o.channel = ${q.channel}`);
  if (q.kind) parts.push(sql`o.kind = ${q.kind}`);
  return sql.join(parts, sql` and `);
}

export async function countOutbox(db: DbOrTx, where: SQL): Promise<number> {
  return (await one<{ n: number }>(db, sql`select count(*)::int as n from outbox o where ${where}`))?.n ?? 0;
}

/** Newest first (outbox_created_idx). */
export async function listOutbox(
  db: DbOrTx,
  where: SQL,
  limit: number,
  offset: number,
): Promise<OutboxItem[]> {
  const list = await rows<
    Omit<OutboxItem, 'createdAt' | 'sentAt'> & { createdAt: Date | string; sentAt: Date | string | null }
  >(
    db,
    sql`select o.id, o.channel, o.recipient, o.subject, o.body, o.kind, o.created_at as "createdAt",
      o.sent_at as "sentAt"
    from outbox o where ${where}
    order by o.created_at desc, o.id desc limit ${limit} offset ${offset}`,
  );
  return list.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    sentAt: r.sentAt === null ? null : new Date(r.sentAt).toISOString(),
  }));
}
