import { sql } from 'drizzle-orm';
import type { NotificationItem } from '../../../contracts/notifications';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  /** unique per account: a second insert with the same key is ignored */
  dedupeKey: string;
}

export interface NewOutboxMessage {
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  kind: string;
  /** unique across the outbox: a second insert with the same key is ignored */
  dedupeKey: string;
}

const BATCH = 500;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

/** Inserts in-app notifications, skipping those already sent (same account and dedupe key). Returns how many were new. */
export async function insertNotifications(tx: DbOrTx, items: readonly NewNotification[]): Promise<number> {
  let added = 0;
  for (const chunk of batches(items)) {
    const values = sql.join(
      chunk.map((n) => sql`(${n.userId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link}, ${n.dedupeKey})`),
      sql`, `,
    );
    const res = await rows<{ id: number }>(
      tx,
      sql`insert into notifications (user_id, kind, title, body, link, dedupe_key) values ${values}
      on conflict (user_id, dedupe_key) do nothing returning id`,
    );
    added += res.length;
  }
  return added;
}

/** Queues SMS / email messages, skipping those already queued (same dedupe key). Returns how many were new. */
export async function enqueueOutbox(tx: DbOrTx, items: readonly NewOutboxMessage[]): Promise<number> {
  let added = 0;
  for (const chunk of batches(items)) {
    const values = sql.join(
      chunk.map(
        (m) => sql`(${m.channel}, ${m.recipient}, ${m.subject}, ${m.body}, ${m.kind}, ${m.dedupeKey})`,
      ),
      sql`, `,
    );
    const res = await rows<{ id: number }>(
      tx,
      sql`insert into outbox (channel, recipient, subject, body, kind, dedupe_key) values ${values}
      on conflict (dedupe_key) do nothing returning id`,
    );
    added += res.length;
  }
  return added;
}

/** An account's e-mail when it is a real address (accounts created without one get a placeholder *.invalid). */
export const realEmail = (email: string | null | undefined) =>
  email && !/\.invalid$/i.test(email) ? email : null;

interface Row extends Omit<NotificationItem, 'createdAt' | 'readAt'> {
  createdAt: Date | string;
  readAt: Date | string | null;
}

/** One page of an account's notifications, newest first, with the total and the unread count. */
export async function listNotifications(
  db: DbOrTx,
  userId: string,
  q: { page: number; pageSize: number; unreadOnly: boolean },
) {
  const filter = q.unreadOnly ? sql`and read_at is null` : sql``;
  const items = await rows<Row>(
    db,
    sql`select id, kind, title, body, link, created_at as "createdAt", read_at as "readAt"
    from notifications where user_id = ${userId} ${filter}
    order by created_at desc, id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const counts = await one<{ total: number; unread: number }>(
    db,
    sql`select count(*)::int as total, (count(*) filter (where read_at is null))::int as unread
    from notifications where user_id = ${userId}`,
  );
  return {
    items: items.map((n) => ({
      ...n,
      createdAt: new Date(n.createdAt).toISOString(),
      readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
    })),
    total: q.unreadOnly ? (counts?.unread ?? 0) : (counts?.total ?? 0),
    unread: counts?.unread ?? 0,
  };
}

/** Marks one of the account's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: DbOrTx, userId: string, id: number, at: Date): Promise<boolean> {
  const res = await rows<{ id: number }>(
    db,
    sql`update notifications set read_at = coalesce(read_at, ${at.toISOString()}::timestamptz)
    where id = ${id} and user_id = ${userId} returning id`,
  );
  return res.length > 0;
}

export async function markAllRead(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db.execute(
    sql`update notifications set read_at = ${at.toISOString()}::timestamptz where user_id = ${userId} and read_at is null`,
  );
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
  );
  return r?.n ?? 0;
}
