import { sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles';
import type { VoiceItemSummary } from '../../../contracts/voice';
import type { DbOrTx } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import { notFound } from '../../lib/errors';
import type { Actor } from '../../policy/policy';
import { authorVisible, DEFAULT_IDENTITY_ROLES, IDENTITY_ROLES_KEY } from './privacy';
import { findItems, type ItemRow, setting, visibleSql } from './voice.repo';

export const ITEM = 'Ý kiến, kiến nghị';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** An item the actor may see; 404 (existence hidden) otherwise. */
export async function visibleItem(db: DbOrTx, ctx: RequestContext, id: number): Promise<ItemRow> {
  const [item] = await findItems(db, sql`i.id = ${id} and ${visibleSql(ctx.actor)}`);
  if (!item) throw notFound(ITEM);
  return item;
}

export const identityRoles = (db: DbOrTx) => setting<Role[]>(db, IDENTITY_ROLES_KEY, DEFAULT_IDENTITY_ROLES);

/** The API shape of an item as this actor may see it (the author's name only where allowed). */
export function summaryOf(item: ItemRow, actor: Actor, roles: readonly Role[], now: Date): VoiceItemSummary {
  const dueAt = iso(item.dueAt);
  return {
    id: item.id,
    kind: item.kind,
    categoryCode: item.categoryCode,
    categoryName: item.categoryName,
    content: item.content,
    urgency: item.urgency,
    status: item.status,
    effectiveStatus: item.effectiveStatus,
    unitId: item.unitId,
    unitName: item.unitName,
    areaId: item.areaId,
    areaName: item.areaName,
    authorName: authorVisible(actor, item, roles) ? item.authorName : null,
    ownerLevel: item.effectiveStatus === 'open' ? item.ownerLevel : null,
    ownerLabel: item.effectiveStatus === 'open' ? item.ownerLabel : null,
    dueAt: item.effectiveStatus === 'open' ? dueAt : null,
    overdue: item.effectiveStatus === 'open' && dueAt !== null && new Date(dueAt) < now,
    sourceCount: item.sourceCount,
    mergedIntoId: item.mergedIntoId,
    feedback: item.feedback,
    raisedAt: iso(item.raisedAt) as string,
    answeredAt: iso(item.answeredAt),
  };
}
