import { type SQL, sql } from 'drizzle-orm';
import type { VoiceKind, VoiceLevel, VoiceStatus } from '../../../contracts/voice';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import type { Actor } from '../../policy/policy';
import { grantsFor } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';

/** An item with what scope checks, privacy and presenters need (origin branch, owner, effective status). */
export interface ItemRow {
  id: number;
  kind: VoiceKind;
  categoryCode: string;
  categoryName: string;
  content: string;
  searchText: string;
  urgency: 'normal' | 'urgent';
  status: VoiceStatus;
  effectiveStatus: VoiceStatus;
  unitId: number;
  unitName: string;
  unitPath: string;
  organizationCode: string;
  unitAreaPath: string;
  areaId: number;
  areaName: string;
  areaPath: string;
  authorPersonId: number | null;
  authorUserId: string | null;
  authorName: string;
  hideName: boolean;
  source: 'member' | 'branch' | 'meeting';
  meetingId: number | null;
  stepId: number | null;
  ownerLevel: VoiceLevel | null;
  ownerUnitId: number | null;
  ownerBodyId: number | null;
  ownerLabel: string | null;
  dueAt: Date | string | null;
  overdueCount: number;
  mergedIntoId: number | null;
  sourceCount: number;
  feedback: 'satisfied' | 'not_satisfied' | null;
  feedbackReason: string | null;
  raisedAt: Date | string;
  answeredAt: Date | string | null;
  closedAt: Date | string | null;
}

/** The columns of ItemRow over i (item), u (origin unit), ua (its area), a (the item's area), c, p (primary). */
const ITEM_COLUMNS = sql`i.id, i.kind, i.category_code as "categoryCode", c.name as "categoryName", i.content,
  i.search_text as "searchText", i.urgency, i.status, coalesce(p.status, i.status) as "effectiveStatus",
  i.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", u.organization_code as "organizationCode",
  ua.path::text as "unitAreaPath", i.area_id as "areaId", a.name as "areaName", a.path::text as "areaPath",
  i.author_person_id as "authorPersonId", i.author_user_id as "authorUserId", i.author_name as "authorName",
  i.hide_name as "hideName", i.source, i.meeting_id as "meetingId", coalesce(p.step_id, i.step_id) as "stepId",
  coalesce(p.owner_level, i.owner_level) as "ownerLevel", coalesce(p.owner_unit_id, i.owner_unit_id) as "ownerUnitId",
  coalesce(p.owner_body_id, i.owner_body_id) as "ownerBodyId",
  coalesce(ou.name, ob.name) as "ownerLabel", coalesce(p.due_at, i.due_at) as "dueAt", i.overdue_count as "overdueCount",
  i.merged_into_id as "mergedIntoId", i.source_count as "sourceCount", i.feedback, i.feedback_reason as "feedbackReason",
  i.raised_at as "raisedAt", coalesce(i.answered_at, p.answered_at) as "answeredAt", i.closed_at as "closedAt"`;

const ITEM_FROM = sql`voice_items i
  join voice_categories c on c.code = i.category_code
  join units u on u.id = i.unit_id
  join areas ua on ua.id = u.area_id
  join areas a on a.id = i.area_id
  left join voice_items p on p.id = i.merged_into_id
  left join units ou on ou.id = coalesce(p.owner_unit_id, i.owner_unit_id)
  left join voice_bodies ob on ob.id = coalesce(p.owner_body_id, i.owner_body_id)`;

/**
 * The items an actor may see, as a condition on i / u: their own (as author), those raised in their voice.read
 * scope, and — for respondents — those that were ever addressed to one of their bodies (directly, or as the item
 * a merged one was carried into).
 */
export function visibleSql(actor: Actor): SQL {
  const parts: SQL[] = [sql`i.author_user_id = ${actor.userId}`];
  if (actor.personId !== null) parts.push(sql`i.author_person_id = ${actor.personId}`);
  if (grantsFor(actor, 'voice.read').length > 0) parts.push(unitScopeSql(actor, 'voice.read', 'u'));
  if (grantsFor(actor, 'voice.answer').length > 0) {
    parts.push(sql`exists (select 1 from voice_steps vs join voice_body_accounts vba on vba.body_id = vs.owner_body_id
      where vs.item_id = coalesce(i.merged_into_id, i.id) and vba.user_id = ${actor.userId})`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function findItems(db: DbOrTx, where: SQL, tail: SQL = sql`order by i.id`): Promise<ItemRow[]> {
  return rows<ItemRow>(db, sql`select ${ITEM_COLUMNS} from ${ITEM_FROM} where ${where} ${tail}`);
}

export async function countItems(db: DbOrTx, where: SQL): Promise<number> {
  const r = await one<{ n: number }>(db, sql`select count(*)::int as n from ${ITEM_FROM} where ${where}`);
  return r?.n ?? 0;
}

export async function findItem(db: DbOrTx, id: number): Promise<ItemRow | undefined> {
  return (await findItems(db, sql`i.id = ${id}`))[0];
}

/** Locks an item row for a write; returns its current status and step. */
export function lockItem(tx: DbOrTx, id: number) {
  return one<{ status: VoiceStatus; stepId: number | null; mergedIntoId: number | null }>(
    tx,
    sql`select status, step_id as "stepId", merged_into_id as "mergedIntoId" from voice_items where id = ${id} for update`,
  );
}

/** The recipient bodies an account answers for. */
export async function bodiesOf(db: DbOrTx, userId: string): Promise<number[]> {
  const r = await rows<{ id: number }>(
    db,
    sql`select body_id as id from voice_body_accounts where user_id = ${userId}`,
  );
  return r.map((x) => x.id);
}

export interface BodyRow {
  id: number;
  name: string;
  kind: 'party_committee' | 'peoples_committee' | 'agency';
  areaId: number;
  areaName: string;
  areaPath: string;
  escalatesToId: number | null;
  active: boolean;
}

const BODY_COLUMNS = sql`b.id, b.name, b.kind, b.area_id as "areaId", a.name as "areaName", a.path::text as "areaPath",
  b.escalates_to_id as "escalatesToId", b.active`;

export function findBody(db: DbOrTx, id: number) {
  return one<BodyRow>(
    db,
    sql`select ${BODY_COLUMNS} from voice_bodies b join areas a on a.id = b.area_id where b.id = ${id}`,
  );
}

/** Active bodies whose area contains the given area (the commune's bodies and the province's), nearest first. */
export function bodiesFor(db: DbOrTx, areaPath: string, opts: { inactive?: boolean } = {}) {
  return rows<BodyRow>(
    db,
    sql`select ${BODY_COLUMNS} from voice_bodies b join areas a on a.id = b.area_id
    where ${opts.inactive ? sql`true` : sql`b.active`} and a.path @> ${areaPath}::ltree
    order by nlevel(a.path) desc, b.kind desc, b.name`,
  );
}

export function allBodies(db: DbOrTx, opts: { inactive?: boolean } = {}) {
  return rows<BodyRow>(
    db,
    sql`select ${BODY_COLUMNS} from voice_bodies b join areas a on a.id = b.area_id
    where ${opts.inactive ? sql`true` : sql`b.active`}
    order by a.path, b.kind desc, b.name limit 5000`,
  );
}

/** Days a step at `level` has for items of `category`: the category's own rule, else the default ('*'). */
export async function deadlineDays(db: DbOrTx, category: string, level: VoiceLevel): Promise<number> {
  const r = await one<{ days: number }>(
    db,
    sql`select days from voice_deadline_rules where level = ${level} and category_code in (${category}, '*')
    order by (category_code = '*') limit 1`,
  );
  return r?.days ?? (level === 'branch' ? 15 : 30);
}

/** Setting value (JSON) or the fallback. */
export async function setting<T>(db: DbOrTx, key: string, fallback: T): Promise<T> {
  const r = await one<{ value: T }>(db, sql`select value from voice_settings where key = ${key}`);
  return r?.value ?? fallback;
}

export function findCategory(db: DbOrTx, code: string) {
  return one<{ code: string; name: string; active: boolean }>(
    db,
    sql`select code, name, active from voice_categories where code = ${code}`,
  );
}

export function listCategories(db: DbOrTx) {
  return rows<{ code: string; name: string; active: boolean; sortOrder: number }>(
    db,
    sql`select code, name, active, sort_order as "sortOrder" from voice_categories order by sort_order, name`,
  );
}

export interface NewStep {
  level: VoiceLevel;
  unitId?: number | null;
  bodyId?: number | null;
}

/** Opens a routing step and makes it the item's current one (status open, owner and deadline copied). */
export async function openStep(
  tx: DbOrTx,
  itemId: number,
  owner: NewStep,
  openedAt: Date,
  days: number,
): Promise<{ id: number; dueAt: Date }> {
  const dueAt = new Date(openedAt.getTime() + days * 86_400_000);
  const row = await one<{ id: number }>(
    tx,
    sql`insert into voice_steps (item_id, level, owner_unit_id, owner_body_id, opened_at, due_at)
    values (${itemId}, ${owner.level}, ${owner.unitId ?? null}, ${owner.bodyId ?? null}, ${openedAt.toISOString()}::timestamptz,
      ${dueAt.toISOString()}::timestamptz) returning id`,
  );
  const id = row?.id as number;
  await tx.execute(sql`update voice_items set status = 'open', step_id = ${id}, owner_level = ${owner.level},
    owner_unit_id = ${owner.unitId ?? null}, owner_body_id = ${owner.bodyId ?? null},
    due_at = ${dueAt.toISOString()}::timestamptz, updated_at = ${openedAt.toISOString()}::timestamptz
    where id = ${itemId}`);
  return { id, dueAt };
}

/** Closes a step with its outcome; a step closed after its deadline is marked overdue. */
export async function closeStep(tx: DbOrTx, stepId: number, outcome: string, at: Date): Promise<void> {
  await tx.execute(sql`update voice_steps set closed_at = ${at.toISOString()}::timestamptz, outcome = ${outcome},
    overdue = overdue or due_at < ${at.toISOString()}::timestamptz where id = ${stepId} and closed_at is null`);
}

export async function addEvent(
  tx: DbOrTx,
  e: {
    itemId: number;
    kind: string;
    actorUserId: string | null;
    actorLabel: string;
    note?: string | null;
    data?: unknown;
    at: Date;
  },
): Promise<number> {
  const row = await one<{ id: number }>(
    tx,
    sql`insert into voice_events (item_id, kind, actor_user_id, actor_label, note, data, at)
    values (${e.itemId}, ${e.kind}, ${e.actorUserId}, ${e.actorLabel}, ${e.note ?? null},
      ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb, ${e.at.toISOString()}::timestamptz) returning id`,
  );
  return row?.id as number;
}

/** Accounts that act for a unit: live grants held on exactly that unit by the roles that handle items. */
export async function unitHandlers(db: DbOrTx, unitId: number): Promise<string[]> {
  const r = await rows<{ id: string }>(
    db,
    sql`select distinct g.user_id as id from role_grants g join "user" acc on acc.id = g.user_id
    where g.unit_id = ${unitId} and g.revoked_at is null and not acc.disabled
      and g.role in ('branch_head', 'grassroots_officer', 'province_officer')`,
  );
  return r.map((x) => x.id);
}

export async function bodyAccounts(db: DbOrTx, bodyId: number): Promise<string[]> {
  const r = await rows<{ id: string }>(
    db,
    sql`select ba.user_id as id from voice_body_accounts ba join "user" acc on acc.id = ba.user_id
    where ba.body_id = ${bodyId} and not acc.disabled`,
  );
  return r.map((x) => x.id);
}

/** The accounts of the authors of an item and of every item merged into it, with their item ids. */
export async function authorAccounts(db: DbOrTx, primaryId: number) {
  return rows<{ itemId: number; userId: string; unitId: number }>(
    db,
    sql`select distinct on (i.id, acc.id) i.id as "itemId", acc.id as "userId", i.unit_id as "unitId"
    from voice_items i join "user" acc on (acc.id = i.author_user_id or (i.author_person_id is not null and acc.person_id = i.author_person_id))
    where (i.id = ${primaryId} or i.merged_into_id = ${primaryId}) and not acc.disabled`,
  );
}

/** The origin branches of an item and of every item merged into it. */
export async function sourceUnits(db: DbOrTx, primaryId: number): Promise<number[]> {
  const r = await rows<{ id: number }>(
    db,
    sql`select distinct unit_id as id from voice_items where id = ${primaryId} or merged_into_id = ${primaryId}`,
  );
  return r.map((x) => x.id);
}
