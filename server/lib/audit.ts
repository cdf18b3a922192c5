import type { DbOrTx } from '../db/client';
import { auditLog } from '../db/schema';
import type { Actor } from '../policy/policy';

/** Who is acting and on which request; passed to every service method. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  ip?: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes an audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(tx: DbOrTx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip ?? null,
  });
}
