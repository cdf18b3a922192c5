import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { one } from '../db/query';

/** A message to deliver outside the app. */
export interface OutgoingMessage {
  channel: 'sms' | 'email';
  /** a phone number (10 digits starting with 0) or an email address */
  recipient: string;
  subject?: string;
  body: string;
  /** why it is sent: otp | meeting_reminder | period_reminder … */
  kind: string;
  /** the same key twice sends once (a job that runs again, a retried request) */
  dedupeKey?: string;
}

/**
 * Delivers SMS and email. Pass the caller's transaction as `db` so the message is recorded with the change
 * that caused it. Returns the outbox row id, or null when a message with the same dedupe key already exists.
 */
export interface Sender {
  send(db: DbOrTx, message: OutgoingMessage): Promise<{ id: number | null }>;
}

/** What the default sender logs with (Fastify's or pino's logger fits). */
export interface SenderLog {
  info(obj: object, msg: string): void;
}

/** Writes the message to the outbox table (recorded for the administrator). */
export async function writeOutbox(db: DbOrTx, m: OutgoingMessage): Promise<{ id: number | null }> {
  const row = await one<{ id: number }>(
    db,
    sql`insert into outbox (channel, recipient, subject, body, kind, dedupe_key)
    values (${m.channel}, ${m.recipient}, ${m.subject ?? null}, ${m.body}, ${m.kind}, ${m.dedupeKey ?? null})
    on conflict (dedupe_key) do nothing returning id`,
  );
  return { id: row?.id ?? null };
}

/**
 * The default sender, used until an SMS gateway or mail server is configured: it writes the outbox row and
 * logs the message, so an administrator can read it (Quản trị → Hộp thư đi) and pass it on by hand.
 */
export function makeOutboxSender(log?: SenderLog): Sender {
  return {
    async send(db, message) {
      const res = await writeOutbox(db, message);
      if (res.id !== null) {
        log?.info(
          { outboxId: res.id, channel: message.channel, recipient: message.recipient, kind: message.kind },
          `outbox: ${message.body}`,
        );
      }
      return res;
    },
  };
}
