import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateBodyBody,
  PutCategoryBody,
  PutDeadlineBody,
  UpdateBodyBody,
  VoiceBodyList,
  VoiceLevel,
} from '../../../contracts/voice';
import type { Db, DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { conflict, invalid, notFound } from '../../lib/errors';
import { assertCan } from '../../policy/policy';
import { allBodies, type BodyRow, bodiesFor, findBody, findCategory } from './voice.repo';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * The standard recipient bodies of the province and of every current commune: its Party committee and its
 * People's Committee; a commune body escalates to the province body of the same kind. Idempotent.
 */
export async function seedVoiceBodies(db: DbOrTx): Promise<void> {
  const province = await one<{ id: number; name: string }>(
    db,
    sql`select id, name from areas where kind = 'province' and active order by id limit 1`,
  );
  if (!province) return;
  const provinceName = province.name.replace(/^Tỉnh /, '');
  await db.execute(sql`insert into voice_bodies (area_id, name, kind) values
    (${province.id}, ${`Tỉnh ủy ${provinceName}`}, 'party_committee'),
    (${province.id}, ${`UBND tỉnh ${provinceName}`}, 'peoples_committee')
    on conflict (area_id, name) do nothing`);
  const communes = await rows<{ id: number; name: string }>(
    db,
    sql`select id, name from areas where kind in ('xa', 'phuong') and active order by id`,
  );
  if (communes.length === 0) return;
  const values = communes.flatMap((c) => [
    sql`(${c.id}, ${`Đảng ủy ${lowerFirst(c.name)}`}, 'party_committee')`,
    sql`(${c.id}, ${`UBND ${lowerFirst(c.name)}`}, 'peoples_committee')`,
  ]);
  await db.execute(sql`insert into voice_bodies (area_id, name, kind) values ${sql.join(values, sql`, `)}
    on conflict (area_id, name) do nothing`);
  await db.execute(sql`update voice_bodies b set escalates_to_id = p.id
    from voice_bodies p, areas a where a.id = b.area_id and p.area_id = ${province.id} and p.kind = b.kind
      and a.kind in ('xa', 'phuong') and b.escalates_to_id is null`);
}

/** Links the demo respondent accounts to their bodies (ubnd.thachkhe answers for UBND xã Thạch Khê). */
export async function linkDemoRespondents(db: DbOrTx): Promise<void> {
  await db.execute(sql`insert into voice_body_accounts (body_id, user_id)
    select b.id, acc.id from voice_bodies b, "user" acc
    where b.name = 'UBND xã Thạch Khê' and acc.username = 'ubnd.thachkhe'
    on conflict do nothing`);
}

/** The demo directory: bodies of every commune and the demo respondents linked to theirs. */
export async function seedVoiceDirectory(db: DbOrTx): Promise<void> {
  await seedVoiceBodies(db);
  await linkDemoRespondents(db);
}

/** Reference data of the voice area (categories, deadlines, bodies); changed by administrators. */
export function makeVoiceDirectory({ db }: { db: Db }) {
  const present = (b: BodyRow) => ({
    id: b.id,
    name: b.name,
    kind: b.kind,
    areaId: b.areaId,
    areaName: b.areaName,
    escalatesToId: b.escalatesToId,
    active: b.active,
  });

  /**
   * The body an item escalates to from a body of `areaPath`: it must exist, be active, belong to the same area
   * or one containing it, and not lead back to `selfId` (an escalation chain never loops).
   */
  async function checkEscalation(areaPath: string, targetId: number, selfId?: number) {
    const field = [{ field: 'body.escalatesToId' }];
    if (targetId === selfId) throw invalid('Cơ quan không thể chuyển lên chính nó.', field);
    const target = await findBody(db, targetId);
    if (!target?.active) throw invalid('Cơ quan cấp trên không có trong danh mục (hoặc đã ngừng).', field);
    const contains = await one(db, sql`select 1 where ${target.areaPath}::ltree @> ${areaPath}::ltree`);
    if (!contains) {
      throw invalid(
        `Cơ quan cấp trên phải thuộc cùng địa bàn hoặc địa bàn cấp trên; "${target.name}" thuộc ${target.areaName}.`,
        field,
      );
    }
    if (selfId !== undefined) {
      const loop = await one(
        db,
        sql`with recursive up(id, next, depth) as (
          select id, escalates_to_id, 0 from voice_bodies where id = ${targetId}
          union all select b.id, b.escalates_to_id, up.depth + 1 from voice_bodies b join up on b.id = up.next
          where up.depth < 50)
        select 1 from up where id = ${selfId} limit 1`,
      );
      if (loop) {
        throw invalid(
          `"${target.name}" đã chuyển lên (trực tiếp hoặc gián tiếp) cơ quan này; chọn cơ quan khác để tránh vòng lặp.`,
          field,
        );
      }
    }
  }

  return {
    async bodies(ctx: RequestContext, areaId?: number, all = false): Promise<VoiceBodyList> {
      assertCan(ctx.actor, 'rules.read');
      if (areaId === undefined) return { items: (await allBodies(db, { inactive: all })).map(present) };
      const area = await one<{ path: string }>(
        db,
        sql`select path::text as path from areas where id = ${areaId}`,
      );
      if (!area) throw notFound('Địa bàn');
      return { items: (await bodiesFor(db, area.path, { inactive: all })).map(present) };
    },

    async createBody(ctx: RequestContext, body: z.infer<typeof CreateBodyBody>) {
      assertCan(ctx.actor, 'rules.manage');
      const area = await one<{ path: string }>(
        db,
        sql`select path::text as path from areas where id = ${body.areaId} and active`,
      );
      if (!area) throw invalid('Địa bàn không tồn tại hoặc đã giải thể.', [{ field: 'body.areaId' }]);
      if (body.escalatesToId !== undefined) await checkEscalation(area.path, body.escalatesToId);
      return db.transaction(async (tx) => {
        const row = await one<{ id: number }>(
          tx,
          sql`insert into voice_bodies (area_id, name, kind, escalates_to_id)
          values (${body.areaId}, ${body.name}, ${body.kind}, ${body.escalatesToId ?? null})
          on conflict (area_id, name) do nothing returning id`,
        );
        if (!row) throw conflict(`Địa bàn đã có cơ quan "${body.name}".`);
        await writeAudit(tx, ctx, {
          action: 'voice.body.create',
          entityType: 'voice_body',
          entityId: row.id,
          after: body,
        });
        return { id: row.id };
      });
    },

    /**
     * Renames a body, changes its kind or the body it escalates to, or (de)activates it. A body that still holds
     * open items, or that other active bodies escalate to, cannot be deactivated: those would reach a dead end.
     */
    async updateBody(ctx: RequestContext, id: number, body: UpdateBodyBody) {
      assertCan(ctx.actor, 'rules.manage');
      const before = await findBody(db, id);
      if (!before) throw notFound('Cơ quan nhận');
      if (body.escalatesToId !== null && body.escalatesToId !== before.escalatesToId) {
        await checkEscalation(before.areaPath, body.escalatesToId, id);
      }
      const same = await one(
        db,
        sql`select 1 from voice_bodies where area_id = ${before.areaId} and name = ${body.name} and id <> ${id}`,
      );
      if (same) {
        throw invalid(`${before.areaName} đã có cơ quan "${body.name}"; đặt tên khác.`, [
          { field: 'body.name' },
        ]);
      }
      if (before.active && !body.active) {
        const held = await one<{ n: number }>(
          db,
          sql`select count(*)::int as n from voice_items where owner_body_id = ${id} and status = 'open'`,
        );
        if (held && held.n > 0) {
          throw conflict(
            `${before.name} đang giữ ${held.n} ý kiến chưa trả lời; hãy để cơ quan trả lời hoặc chuyển các ý kiến đó trước khi ngừng.`,
          );
        }
        const below = await rows<{ name: string }>(
          db,
          sql`select name from voice_bodies where escalates_to_id = ${id} and active order by name limit 4`,
        );
        if (below.length > 0) {
          throw conflict(
            `Các cơ quan ${below
              .slice(0, 3)
              .map((b) => `"${b.name}"`)
              .join(
                ', ',
              )}${below.length > 3 ? '…' : ''} đang chuyển lên cơ quan này; đổi cơ quan cấp trên của họ trước khi ngừng.`,
          );
        }
      }
      return db.transaction(async (tx) => {
        await tx.execute(sql`update voice_bodies set name = ${body.name}, kind = ${body.kind},
          escalates_to_id = ${body.escalatesToId}, active = ${body.active} where id = ${id}`);
        await writeAudit(tx, ctx, {
          action: 'voice.body.update',
          entityType: 'voice_body',
          entityId: id,
          before: {
            name: before.name,
            kind: before.kind,
            escalatesToId: before.escalatesToId,
            active: before.active,
          },
          after: body,
        });
        return { id };
      });
    },

    /** Links an account (a respondent) to a body: it then sees and answers what is addressed to the body. */
    async linkAccount(ctx: RequestContext, bodyId: number, userId: string) {
      assertCan(ctx.actor, 'rules.manage');
      if (!(await findBody(db, bodyId))) throw notFound('Cơ quan nhận');
      const acc = await one(db, sql`select 1 from "user" where id = ${userId}`);
      if (!acc) throw invalid('Tài khoản không tồn tại.', [{ field: 'body.userId' }]);
      return db.transaction(async (tx) => {
        await tx.execute(sql`insert into voice_body_accounts (body_id, user_id) values (${bodyId}, ${userId})
          on conflict do nothing`);
        await writeAudit(tx, ctx, {
          action: 'voice.body.link',
          entityType: 'voice_body',
          entityId: bodyId,
          after: { userId },
        });
        return { id: bodyId };
      });
    },

    async deadlines(ctx: RequestContext) {
      assertCan(ctx.actor, 'rules.read');
      return {
        items: await rows<{ categoryCode: string; level: 'branch'; days: number }>(
          db,
          sql`select category_code as "categoryCode", level, days from voice_deadline_rules order by category_code, level`,
        ),
      };
    },

    async putDeadline(ctx: RequestContext, body: PutDeadlineBody) {
      assertCan(ctx.actor, 'rules.manage');
      if (body.categoryCode !== '*' && !(await findCategory(db, body.categoryCode))) {
        throw invalid(`Lĩnh vực "${body.categoryCode}" không có trong danh mục.`, [
          { field: 'body.categoryCode' },
        ]);
      }
      return db.transaction(async (tx) => {
        const before = await one<{ days: number }>(
          tx,
          sql`select days from voice_deadline_rules where category_code = ${body.categoryCode} and level = ${body.level}`,
        );
        await tx.execute(sql`insert into voice_deadline_rules (category_code, level, days)
          values (${body.categoryCode}, ${body.level}, ${body.days})
          on conflict (category_code, level) do update set days = excluded.days`);
        await writeAudit(tx, ctx, {
          action: 'voice.deadline',
          entityType: 'voice_deadline_rule',
          entityId: `${body.categoryCode}:${body.level}`,
          before: before ?? null,
          after: { days: body.days },
        });
        return { categoryCode: body.categoryCode, level: body.level, days: body.days };
      });
    },

    /** Removes a category's own deadline: its items then follow the default ('*') of the level. */
    async deleteDeadline(ctx: RequestContext, categoryCode: string, level: VoiceLevel) {
      assertCan(ctx.actor, 'rules.manage');
      if (categoryCode === '*') {
        throw invalid('Không xóa được thời hạn mặc định của một cấp; hãy sửa số ngày.', [
          { field: 'params.categoryCode' },
        ]);
      }
      return db.transaction(async (tx) => {
        const before = await one<{ days: number }>(
          tx,
          sql`delete from voice_deadline_rules where category_code = ${categoryCode} and level = ${level} returning days`,
        );
        if (!before) throw notFound('Thời hạn');
        await writeAudit(tx, ctx, {
          action: 'voice.deadline.delete',
          entityType: 'voice_deadline_rule',
          entityId: `${categoryCode}:${level}`,
          before,
          after: null,
        });
        return { categoryCode, level };
      });
    },

    async putCategory(ctx: RequestContext, code: string, body: z.infer<typeof PutCategoryBody>) {
      assertCan(ctx.actor, 'rules.manage');
      return db.transaction(async (tx) => {
        const before = await findCategory(tx, code);
        await tx.execute(sql`insert into voice_categories (code, name, sort_order, active)
          values (${code}, ${body.name}, ${body.sortOrder}, ${body.active})
          on conflict (code) do update set name = excluded.name, sort_order = excluded.sort_order, active = excluded.active`);
        await writeAudit(tx, ctx, {
          action: 'voice.category',
          entityType: 'voice_category',
          entityId: code,
          before: before ?? null,
          after: body,
        });
        return { code, name: body.name, active: body.active };
      });
    },
  };
}
export type VoiceDirectory = ReturnType<typeof makeVoiceDirectory>;
