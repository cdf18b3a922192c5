import { type SQL, sql } from 'drizzle-orm';
import type {
  CreateVoiceItemBody,
  VoiceItemDetail,
  VoiceItemList,
  VoiceListQuery,
  VoicePageQuery,
} from '../../../contracts/voice';
import { VOICE_TEXT_MAX } from '../../../contracts/voice';
import type { Db } from '../../db/client';
import { one } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { forbidden, invalid, notFound } from '../../lib/errors';
import { unaccent } from '../../lib/text';
import { vietnamDayStart } from '../../lib/vn-time';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { subjectOf } from '../files/owners';
import { findUnit, type UnitRow } from '../units/units.repo';
import { identityRoles, summaryOf, visibleItem } from './access';
import { itemDetail } from './detail';
import { excerpt, notifyVoice } from './notify';
import {
  addEvent,
  countItems,
  deadlineDays,
  findCategory,
  findItems,
  listCategories,
  openStep,
  unitHandlers,
  visibleSql,
} from './voice.repo';

const UNIT = 'Chi đoàn, chi hội';
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters from plain text
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Plain text as stored: NFC, no control characters (line breaks kept), trimmed. */
export const plainText = (s: string) => s.normalize('NFC').replace(CONTROL, '').trim();

/** Refuses empty text with a message that says what to write. */
export function requireText(value: string | undefined, what: string, field: string): string {
  const text = plainText(value ?? '');
  if (!text) throw invalid(`${what} đang để trống: hãy viết nội dung rồi gửi lại.`, [{ field }]);
  if (text.length > VOICE_TEXT_MAX) {
    throw invalid(`${what} dài quá ${VOICE_TEXT_MAX} ký tự: hãy rút gọn.`, [{ field }]);
  }
  return text;
}

/** The step level of a unit: groups are handled by their branch's deadline. */
export const levelOf = (u: Pick<UnitRow, 'level'>) => (u.level === 'group' ? 'branch' : u.level);

export function makeVoiceService({ db, clock }: { db: Db; clock: Clock }) {
  /** The branch an item is raised in: the one named, or the member's own. */
  async function originUnit(ctx: RequestContext, unitId: number | undefined): Promise<UnitRow> {
    let id = unitId;
    if (id === undefined && ctx.actor.personId !== null) {
      const mine = await one<{ id: number }>(
        db,
        sql`select m.unit_id as id from memberships m join units u on u.id = m.unit_id
        where m.person_id = ${ctx.actor.personId} and m.status = 'active' and u.level in ('branch', 'group')
          and ${unitScopeSql(ctx.actor, 'voice.raise', 'u')}
        order by m.id limit 1`,
      );
      id = mine?.id;
    }
    if (id === undefined) {
      throw invalid('Hãy chọn chi đoàn, chi hội ghi nhận ý kiến (unitId).', [{ field: 'body.unitId' }]);
    }
    const unit = await findUnit(db, id);
    if (!unit) throw notFound(UNIT);
    assertCan(ctx.actor, 'voice.raise', subjectOf(unit), UNIT);
    if (unit.level !== 'branch' && unit.level !== 'group') {
      throw invalid(
        `${unit.name} không phải chi đoàn, chi hội: ý kiến được ghi nhận tại chi rồi mới chuyển lên cấp trên.`,
        [{ field: 'body.unitId' }],
      );
    }
    if (!unit.active) throw invalid(`${unit.name} đã ngừng hoạt động hoặc đã hợp nhất.`);
    return unit;
  }

  /** Who raised it: the signed-in member, or (on behalf) a member of the branch or a collective name. */
  async function authorOf(ctx: RequestContext, unit: UnitRow, body: CreateVoiceItemBody) {
    const onBehalf = body.onBehalf !== undefined || body.meetingId !== undefined;
    if (!onBehalf) {
      return {
        personId: ctx.actor.personId,
        userId: ctx.actor.userId,
        name: ctx.actor.name,
        source: 'member' as const,
      };
    }
    if (!can(ctx.actor, 'voice.handle', subjectOf(unit))) {
      throw forbidden(`Chỉ cán bộ của ${unit.name} mới ghi nhận ý kiến thay cho đoàn viên, hội viên.`);
    }
    const source = body.meetingId !== undefined ? ('meeting' as const) : ('branch' as const);
    const personId = body.onBehalf?.personId;
    if (personId !== undefined) {
      const p = await one<{ name: string; userId: string | null }>(
        db,
        sql`select p.family_name || ' ' || p.given_name as name,
          (select acc.id from "user" acc where acc.person_id = p.id and not acc.disabled limit 1) as "userId"
        from persons p join memberships m on m.person_id = p.id join units mu on mu.id = m.unit_id
        where p.id = ${personId} and m.status in ('active', 'transferring') and mu.path <@ ${unit.path}::ltree limit 1`,
      );
      if (!p) {
        throw invalid(`Người được ghi là tác giả không phải đoàn viên, hội viên của ${unit.name}.`, [
          { field: 'body.onBehalf.personId' },
        ]);
      }
      return { personId, userId: p.userId, name: p.name, source };
    }
    const name = plainText(body.onBehalf?.authorName ?? '') || `Đoàn viên, hội viên ${unit.name}`;
    return { personId: null, userId: null, name, source };
  }

  async function checkMeeting(unit: UnitRow, meetingId?: number, discussionId?: number) {
    if (meetingId === undefined) {
      if (discussionId !== undefined) throw invalid('Ý kiến thảo luận phải kèm buổi sinh hoạt (meetingId).');
      return;
    }
    const m = await one<{ id: number }>(
      db,
      sql`select id from meetings where id = ${meetingId} and unit_id = ${unit.id}`,
    );
    if (!m) {
      throw invalid(`Buổi sinh hoạt này không phải của ${unit.name}.`, [{ field: 'body.meetingId' }]);
    }
    if (discussionId !== undefined) {
      const d = await one(
        db,
        sql`select 1 from meeting_discussions where id = ${discussionId} and meeting_id = ${meetingId}`,
      );
      if (!d) {
        throw invalid('Ý kiến thảo luận không thuộc buổi sinh hoạt đã chọn.', [
          { field: 'body.discussionId' },
        ]);
      }
    }
  }

  async function checkArea(unit: UnitRow, areaId?: number): Promise<number> {
    if (areaId === undefined) return unit.areaId;
    // The item concerns the branch's commune: any area inside it (a village) or the commune itself.
    const ok = await one(
      db,
      sql`select 1 from areas a where a.id = ${areaId} and a.active
        and a.path <@ subpath(${unit.areaPath}::ltree, 0, least(2, nlevel(${unit.areaPath}::ltree)))`,
    );
    if (!ok) {
      throw invalid(`Địa bàn đã chọn không thuộc xã, phường của ${unit.name}.`, [{ field: 'body.areaId' }]);
    }
    return areaId;
  }

  return {
    async categories() {
      return { items: await listCategories(db) };
    },

    /** Records an item at its branch: the first step (owner: the branch, with its deadline), event and audit. */
    async raise(ctx: RequestContext, body: CreateVoiceItemBody): Promise<{ id: number }> {
      assertCan(ctx.actor, 'voice.raise');
      const content = requireText(body.content, 'Nội dung ý kiến', 'body.content');
      const category = await findCategory(db, body.categoryCode);
      if (!category?.active) {
        const names = (await listCategories(db)).filter((c) => c.active).map((c) => c.name);
        throw invalid(
          `Lĩnh vực "${body.categoryCode}" không có trong danh mục. Hãy chọn một trong: ${names.join('; ')}.`,
          [{ field: 'body.categoryCode' }],
        );
      }
      const unit = await originUnit(ctx, body.unitId);
      const author = await authorOf(ctx, unit, body);
      await checkMeeting(unit, body.meetingId, body.discussionId);
      const areaId = await checkArea(unit, body.areaId);
      const now = clock.now();
      const level = levelOf(unit);
      const days = await deadlineDays(db, category.code, level);
      return db.transaction(async (tx) => {
        const row = await one<{ id: number }>(
          tx,
          sql`insert into voice_items (kind, category_code, content, search_text, area_id, urgency, unit_id,
            organization_code, author_person_id, author_user_id, author_name, hide_name, source, meeting_id,
            discussion_id, raised_by, raised_at)
          values (${body.kind}, ${category.code}, ${content}, ${unaccent(content)}, ${areaId}, ${body.urgency},
            ${unit.id}, ${unit.organizationCode}, ${author.personId}, ${author.userId}, ${author.name}, ${body.hideName},
            ${author.source}, ${body.meetingId ?? null}, ${body.discussionId ?? null}, ${ctx.actor.userId},
            ${now.toISOString()}::timestamptz)
          returning id`,
        );
        const id = row?.id as number;
        const step = await openStep(tx, id, { level, unitId: unit.id }, now, days);
        const eventId = await addEvent(tx, {
          itemId: id,
          kind: 'raised',
          actorUserId: ctx.actor.userId,
          actorLabel: unit.name,
          at: now,
        });
        await writeAudit(tx, ctx, {
          action: 'voice.raise',
          entityType: 'voice_item',
          entityId: id,
          after: {
            kind: body.kind,
            categoryCode: category.code,
            unitId: unit.id,
            areaId,
            urgency: body.urgency,
            hideName: body.hideName,
            source: author.source,
            dueAt: step.dueAt.toISOString(),
          },
        });
        await notifyVoice(tx, await unitHandlers(tx, unit.id), {
          itemId: id,
          eventId,
          title: `Ý kiến mới tại ${unit.name}`,
          body: excerpt(content),
          exclude: ctx.actor.userId,
        });
        return { id };
      });
    },

    /** The signed-in person's own items (as author), newest first. */
    async mine(ctx: RequestContext, q: VoicePageQuery): Promise<VoiceItemList> {
      assertCan(ctx.actor, 'voice.raise');
      const own =
        ctx.actor.personId === null
          ? sql`i.author_user_id = ${ctx.actor.userId}`
          : sql`(i.author_user_id = ${ctx.actor.userId} or i.author_person_id = ${ctx.actor.personId})`;
      const where = q.status ? sql`${own} and coalesce(p.status, i.status) = ${q.status}` : own;
      return page(ctx, where, q);
    },

    /** Items in the actor's scope (or, box=inbox, open items now at one of the units they handle). */
    async list(ctx: RequestContext, q: VoiceListQuery): Promise<VoiceItemList> {
      assertCan(ctx.actor, 'voice.read');
      const conds: SQL[] = [visibleSql(ctx.actor)];
      if (q.box === 'inbox') {
        conds.push(sql`i.status = 'open' and i.owner_unit_id is not null and exists (select 1 from units hu
          where hu.id = i.owner_unit_id and ${unitScopeSql(ctx.actor, 'voice.handle', 'hu')})`);
      } else {
        conds.push(unitScopeSql(ctx.actor, 'voice.read', 'u'));
      }
      if (q.status) conds.push(sql`coalesce(p.status, i.status) = ${q.status}`);
      if (q.categoryCode) conds.push(sql`i.category_code = ${q.categoryCode}`);
      if (q.unitId) {
        conds.push(sql`u.path <@ (select path from units where id = ${q.unitId})`);
      }
      if (q.areaId) conds.push(sql`a.path <@ (select path from areas where id = ${q.areaId})`);
      if (q.level) conds.push(sql`i.status = 'open' and i.owner_level = ${q.level}`);
      if (q.overdue !== undefined) {
        const late = sql`(i.status = 'open' and i.due_at < ${clock.now().toISOString()}::timestamptz
          or i.overdue_count > 0)`;
        conds.push(q.overdue ? late : sql`not ${late}`);
      }
      if (q.q) conds.push(sql`i.search_text like ${`%${unaccent(q.q)}%`}`);
      if (q.from) conds.push(sql`i.raised_at >= ${vietnamDayStart(q.from).toISOString()}::timestamptz`);
      if (q.to) {
        const end = new Date(vietnamDayStart(q.to).getTime() + 86_400_000);
        conds.push(sql`i.raised_at < ${end.toISOString()}::timestamptz`);
      }
      return page(ctx, sql.join(conds, sql` and `), q);
    },

    /** Items addressed to the respondent's bodies: open first (by deadline), then the ones they dealt with. */
    async inbox(ctx: RequestContext, q: VoicePageQuery): Promise<VoiceItemList> {
      assertCan(ctx.actor, 'voice.answer');
      const mine = sql`i.merged_into_id is null and exists (select 1 from voice_steps vs join voice_body_accounts vba
        on vba.body_id = vs.owner_body_id where vs.item_id = i.id and vba.user_id = ${ctx.actor.userId})`;
      const where = q.status ? sql`${mine} and i.status = ${q.status}` : mine;
      return page(ctx, where, q, sql`order by (i.status = 'open') desc, i.due_at nulls last, i.id desc`);
    },

    async detail(ctx: RequestContext, id: number): Promise<VoiceItemDetail> {
      const item = await visibleItem(db, ctx, id);
      return itemDetail(db, ctx, item, clock.now());
    },
  };

  async function page(
    ctx: RequestContext,
    where: SQL,
    q: { page: number; pageSize: number },
    order: SQL = sql`order by i.raised_at desc, i.id desc`,
  ): Promise<VoiceItemList> {
    const [items, total, roles] = await Promise.all([
      findItems(db, where, sql`${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
      countItems(db, where),
      identityRoles(db),
    ]);
    const now = clock.now();
    return {
      items: items.map((i) => summaryOf(i, ctx.actor, roles, now)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
export type VoiceService = ReturnType<typeof makeVoiceService>;
