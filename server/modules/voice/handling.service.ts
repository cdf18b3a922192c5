import { sql } from 'drizzle-orm';
import type { AnswerBody, DeclineBody, FeedbackBody, ForwardBody, MergeBody } from '../../../contracts/voice';
import type { Db, Tx } from '../../db/client';
import { one, rows } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { vietnamDay } from '../../lib/vn-time';
import { assertCan, can } from '../../policy/policy';
import { subjectOf } from '../files/owners';
import { findUnit, type UnitRow } from '../units/units.repo';
import { visibleItem } from './access';
import { excerpt, notifyVoice } from './notify';
import { isAuthor } from './privacy';
import {
  addEvent,
  authorAccounts,
  type BodyRow,
  bodiesFor,
  bodiesOf,
  bodyAccounts,
  closeStep,
  deadlineDays,
  findBody,
  type ItemRow,
  lockItem,
  openStep,
  sourceUnits,
  unitHandlers,
} from './voice.repo';
import { levelOf, plainText, requireText } from './voice.service';

/** Refuses a write on an item that moved on since the actor loaded it (another officer acted first). */
async function lockOpen(tx: Tx, item: ItemRow) {
  const row = await lockItem(tx, item.id);
  if (row?.status !== 'open' || row.stepId !== item.stepId) {
    throw conflict('Ý kiến vừa được người khác xử lý. Hãy tải lại trang để xem trạng thái mới.');
  }
}

/** Accounts of the branches an item (and the items merged into it) came from. */
async function branchHandlers(tx: Tx, primaryId: number): Promise<string[]> {
  const out: string[] = [];
  for (const unitId of await sourceUnits(tx, primaryId)) out.push(...(await unitHandlers(tx, unitId)));
  return out;
}

export function makeHandlingService({ db, clock }: { db: Db; clock: Clock }) {
  /** The item and the unit that owns its current step, when the actor may route items there. */
  async function atMyUnit(ctx: RequestContext, id: number): Promise<{ item: ItemRow; owner: UnitRow }> {
    assertCan(ctx.actor, 'voice.handle');
    const item = await visibleItem(db, ctx, id);
    if (item.status === 'merged') {
      throw conflict(`Ý kiến này đã được gộp vào ý kiến số ${item.mergedIntoId}: hãy xử lý ở ý kiến đó.`);
    }
    if (item.status !== 'open')
      throw conflict('Ý kiến đã được trả lời hoặc đã kết thúc: không chuyển được nữa.');
    const owner = item.ownerUnitId !== null ? await findUnit(db, item.ownerUnitId) : undefined;
    if (!owner) {
      throw conflict(
        `Ý kiến đang chờ ${item.ownerLabel ?? 'cơ quan nhận'} trả lời: đơn vị không xử lý tiếp được.`,
      );
    }
    if (!can(ctx.actor, 'voice.handle', subjectOf(owner))) {
      throw forbidden(
        `Ý kiến đang ở ${owner.name}: chỉ cán bộ của ${owner.name} hoặc cấp trên mới xử lý được.`,
      );
    }
    return { item, owner };
  }

  /** The item addressed to one of the respondent's bodies; a clear refusal when it is addressed elsewhere. */
  async function atMyBody(ctx: RequestContext, id: number): Promise<{ item: ItemRow; body: BodyRow }> {
    assertCan(ctx.actor, 'voice.answer');
    const item = await visibleItem(db, ctx, id);
    const mine = await bodiesOf(db, ctx.actor.userId);
    if (item.status !== 'open' || item.ownerBodyId === null || !mine.includes(item.ownerBodyId)) {
      throw forbidden(
        `Ý kiến số ${item.id} hiện không gửi tới cơ quan của bạn${item.status === 'open' && item.ownerLabel ? ` (đang ở ${item.ownerLabel})` : ''}: chỉ nơi đang nhận mới trả lời hoặc từ chối được.`,
      );
    }
    return { item, body: (await findBody(db, item.ownerBodyId)) as BodyRow };
  }

  /** A body of the directory that may receive the item (its area contains the item's area). */
  async function recipientBody(item: ItemRow, bodyId: number, field: string): Promise<BodyRow> {
    const allowed = await bodiesFor(db, item.areaPath);
    const body = allowed.find((b) => b.id === bodyId);
    if (!body) {
      throw invalid(
        `Cơ quan nhận (số ${bodyId}) không có trong danh mục cơ quan nhận của ${item.areaName}. Hãy chọn một trong: ${allowed.map((b) => b.name).join('; ')}.`,
        [{ field }],
      );
    }
    return body;
  }

  /** Tells the new owner (unit handlers or body accounts) and the branch that the item moved. */
  async function notifyMove(
    tx: Tx,
    ctx: RequestContext | null,
    item: ItemRow,
    eventId: number,
    to: { unitId?: number; bodyId?: number; label: string },
  ) {
    const owners = to.unitId
      ? await unitHandlers(tx, to.unitId)
      : await bodyAccounts(tx, to.bodyId as number);
    await notifyVoice(tx, [...owners, ...(await branchHandlers(tx, item.id))], {
      itemId: item.id,
      eventId,
      title: `Ý kiến chuyển đến ${to.label}`,
      body: excerpt(item.content),
      exclude: ctx?.actor.userId,
    });
  }

  /** Records an answer on the routed item, reaching every source item and author. */
  async function recordAnswer(
    ctx: RequestContext,
    item: ItemRow,
    by: { unitId?: number; bodyId?: number; label: string },
    body: AnswerBody,
  ) {
    const answer = requireText(body.answer, 'Nội dung trả lời', 'body.answer');
    const commitments = body.commitments.map((c, i) => ({
      text: requireText(c.text, `Cam kết thứ ${i + 1}`, `body.commitments.${i}.text`),
      dueOn: c.dueOn,
    }));
    const now = clock.now();
    const today = vietnamDay(now);
    const past = commitments.findIndex((c) => c.dueOn < today);
    if (past >= 0) {
      throw invalid(`Hạn của cam kết thứ ${past + 1} đã qua: hãy chọn một ngày từ hôm nay trở đi.`, [
        { field: `body.commitments.${past}.dueOn` },
      ]);
    }
    return db.transaction(async (tx) => {
      await lockOpen(tx, item);
      const a = await one<{ id: number }>(
        tx,
        sql`insert into voice_answers (item_id, step_id, body, by_unit_id, by_body_id, by_label, by_user_id, at)
        values (${item.id}, ${item.stepId}, ${answer}, ${by.unitId ?? null}, ${by.bodyId ?? null}, ${by.label},
          ${ctx.actor.userId}, ${now.toISOString()}::timestamptz) returning id`,
      );
      const answerId = a?.id as number;
      for (const c of commitments) {
        await tx.execute(sql`insert into voice_commitments (item_id, answer_id, text, due_on, created_at)
          values (${item.id}, ${answerId}, ${c.text}, ${c.dueOn}, ${now.toISOString()}::timestamptz)`);
      }
      await closeStep(tx, item.stepId as number, 'answered', now);
      // The routed item and every item merged into it are answered; the authors judge the answer again.
      await tx.execute(sql`update voice_items set status = case when id = ${item.id} then 'answered' else status end,
        answered_at = ${now.toISOString()}::timestamptz, feedback = null, feedback_reason = null,
        due_at = case when id = ${item.id} then null else due_at end, updated_at = ${now.toISOString()}::timestamptz
        where id = ${item.id} or merged_into_id = ${item.id}`);
      const note = commitments.length > 0 ? `${answer}\n\nCam kết: ${commitments.length}` : answer;
      const authors = await authorAccounts(tx, item.id);
      const items = await rows<{ id: number }>(
        tx,
        sql`select id from voice_items where id = ${item.id} or merged_into_id = ${item.id} order by id`,
      );
      let reached = 0;
      for (const { id } of items) {
        const eventId = await addEvent(tx, {
          itemId: id,
          kind: 'answered',
          actorUserId: ctx.actor.userId,
          actorLabel: by.label,
          note,
          data: { answerId },
          at: now,
        });
        const source = await one<{ unitId: number }>(
          tx,
          sql`select unit_id as "unitId" from voice_items where id = ${id}`,
        );
        reached += await notifyVoice(
          tx,
          [
            ...authors.filter((x) => x.itemId === id).map((x) => x.userId),
            ...(await unitHandlers(tx, source?.unitId as number)),
          ],
          {
            itemId: id,
            eventId,
            title: `${by.label} đã trả lời ý kiến`,
            body: excerpt(answer),
            exclude: ctx.actor.userId,
          },
        );
      }
      await writeAudit(tx, ctx, {
        action: 'voice.answer',
        entityType: 'voice_item',
        entityId: item.id,
        after: { answerId, by: by.label, commitments, sources: items.map((x) => x.id) },
      });
      return { id: item.id, answerId, notified: reached };
    });
  }

  return {
    /** Forwards up the organization path (a unit above the current owner) or to a body of the area. */
    async forward(ctx: RequestContext, id: number, body: ForwardBody) {
      const { item, owner } = await atMyUnit(ctx, id);
      let to: {
        level: 'grassroots' | 'province' | 'branch' | 'body';
        unitId?: number;
        bodyId?: number;
        label: string;
      };
      if (body.unitId !== undefined) {
        const target = await findUnit(db, body.unitId);
        const above = target?.active && owner.path.startsWith(`${target.path}.`);
        if (!target || !above) {
          const up = await rows<{ name: string }>(
            db,
            sql`select name from units where path @> ${owner.path}::ltree and id <> ${owner.id} order by nlevel(path) desc`,
          );
          throw invalid(
            `Chỉ chuyển được lên cấp trên của ${owner.name} trong cùng tổ chức${up.length ? ` (${up.map((u) => u.name).join(' → ')})` : ''}, hoặc tới một cơ quan nhận của địa bàn.`,
            [{ field: 'body.unitId' }],
          );
        }
        to = { level: levelOf(target) as 'grassroots', unitId: target.id, label: target.name };
      } else {
        const b = await recipientBody(item, body.bodyId as number, 'body.bodyId');
        to = { level: 'body', bodyId: b.id, label: b.name };
      }
      const note = plainText(body.note ?? '') || null;
      const now = clock.now();
      const days = await deadlineDays(db, item.categoryCode, to.level);
      return db.transaction(async (tx) => {
        await lockOpen(tx, item);
        await closeStep(tx, item.stepId as number, 'forwarded', now);
        const step = await openStep(tx, item.id, to, now, days);
        const eventId = await addEvent(tx, {
          itemId: item.id,
          kind: 'forwarded',
          actorUserId: ctx.actor.userId,
          actorLabel: owner.name,
          note: note ? `Chuyển đến ${to.label}: ${note}` : `Chuyển đến ${to.label}`,
          data: { to },
          at: now,
        });
        await writeAudit(tx, ctx, {
          action: 'voice.forward',
          entityType: 'voice_item',
          entityId: item.id,
          before: { owner: owner.name, stepId: item.stepId },
          after: { owner: to.label, stepId: step.id, dueAt: step.dueAt.toISOString(), note },
        });
        await notifyMove(tx, ctx, item, eventId, to);
        return { id: item.id };
      });
    },

    /** The unit that holds the item resolves it itself: an answer (and commitments) from the unit. */
    async resolve(ctx: RequestContext, id: number, body: AnswerBody) {
      const { item, owner } = await atMyUnit(ctx, id);
      return recordAnswer(ctx, item, { unitId: owner.id, label: owner.name }, body);
    },

    /** A recipient body answers an item addressed to it. */
    async answer(ctx: RequestContext, id: number, body: AnswerBody) {
      const { item, body: b } = await atMyBody(ctx, id);
      return recordAnswer(ctx, item, { bodyId: b.id, label: b.name }, body);
    },

    /** A body declines, with a reason and the right recipient, who receives the item: never a dead end. */
    async decline(ctx: RequestContext, id: number, body: DeclineBody) {
      const { item, body: from } = await atMyBody(ctx, id);
      const reason = plainText(body.reason);
      if (!reason) {
        throw invalid('Hãy ghi lý do từ chối để người gửi và chi biết vì sao.', [{ field: 'body.reason' }]);
      }
      if (body.bodyId === undefined) {
        throw invalid('Từ chối phải chỉ ra đúng cơ quan có thẩm quyền nhận ý kiến này (bodyId).', [
          { field: 'body.bodyId' },
        ]);
      }
      if (body.bodyId === from.id) {
        throw invalid('Cơ quan có thẩm quyền phải khác cơ quan đang từ chối.', [{ field: 'body.bodyId' }]);
      }
      const to = await recipientBody(item, body.bodyId, 'body.bodyId');
      const now = clock.now();
      const days = await deadlineDays(db, item.categoryCode, 'body');
      return db.transaction(async (tx) => {
        await lockOpen(tx, item);
        await closeStep(tx, item.stepId as number, 'declined', now);
        const step = await openStep(tx, item.id, { level: 'body', bodyId: to.id }, now, days);
        const eventId = await addEvent(tx, {
          itemId: item.id,
          kind: 'declined',
          actorUserId: ctx.actor.userId,
          actorLabel: from.name,
          note: `Lý do: ${reason}. Chuyển đến ${to.name}.`,
          data: { toBodyId: to.id },
          at: now,
        });
        await writeAudit(tx, ctx, {
          action: 'voice.decline',
          entityType: 'voice_item',
          entityId: item.id,
          before: { bodyId: from.id },
          after: { bodyId: to.id, reason, stepId: step.id },
        });
        await notifyMove(tx, ctx, item, eventId, { bodyId: to.id, label: to.name });
        return { id: item.id };
      });
    },

    /** Merges open items into this one: it keeps the count and the list of sources and carries them on. */
    async merge(ctx: RequestContext, id: number, body: MergeBody) {
      assertCan(ctx.actor, 'voice.handle');
      const target = await visibleItem(db, ctx, id);
      const ids = [...new Set(body.sourceIds)].filter((x) => x !== id);
      if (ids.length === 0) throw invalid('Hãy chọn ít nhất một ý kiến khác để gộp vào ý kiến này.');
      const all = [target];
      for (const sid of ids) all.push(await visibleItem(db, ctx, sid));
      for (const it of all) {
        if (it.status !== 'open') {
          throw conflict(
            `Ý kiến số ${it.id} không còn mở (đã trả lời, kết thúc hoặc đã gộp): không gộp được.`,
          );
        }
        const origin = await findUnit(db, it.unitId);
        if (!origin || !can(ctx.actor, 'voice.handle', subjectOf(origin))) {
          throw forbidden(`Bạn không xử lý ý kiến của ${it.unitName} (ý kiến số ${it.id}): không gộp được.`);
        }
      }
      const sources = all.slice(1);
      const now = clock.now();
      return db.transaction(async (tx) => {
        for (const it of all) await lockOpen(tx, it);
        let added = 0;
        for (const s of sources) {
          await closeStep(tx, s.stepId as number, 'merged', now);
          // Items merged into the source earlier follow it into the target.
          await tx.execute(sql`update voice_items set merged_into_id = ${id} where merged_into_id = ${s.id}`);
          await tx.execute(sql`update voice_items set status = 'merged', merged_into_id = ${id}, step_id = null,
            owner_level = null, owner_unit_id = null, owner_body_id = null, due_at = null,
            updated_at = ${now.toISOString()}::timestamptz where id = ${s.id}`);
          added += s.sourceCount;
          const eventId = await addEvent(tx, {
            itemId: s.id,
            kind: 'merged',
            actorUserId: ctx.actor.userId,
            actorLabel: ctx.actor.name,
            note: `Gộp với các ý kiến tương tự (ý kiến số ${id}); câu trả lời sẽ gửi đến bạn.`,
            data: { into: id },
            at: now,
          });
          const authors = (await authorAccounts(tx, s.id))
            .filter((a) => a.itemId === s.id)
            .map((a) => a.userId);
          await notifyVoice(tx, authors, {
            itemId: s.id,
            eventId,
            title: 'Ý kiến của bạn được gộp với ý kiến tương tự',
            body: excerpt(s.content),
            exclude: ctx.actor.userId,
          });
        }
        const total = target.sourceCount + added;
        await tx.execute(sql`update voice_items set source_count = ${total}, updated_at = ${now.toISOString()}::timestamptz
          where id = ${id}`);
        await addEvent(tx, {
          itemId: id,
          kind: 'merged_in',
          actorUserId: ctx.actor.userId,
          actorLabel: ctx.actor.name,
          note: `Gộp ${sources.length} ý kiến tương tự; ý kiến này đại diện cho ${total} ý kiến.`,
          data: { sources: sources.map((s) => s.id) },
          at: now,
        });
        await writeAudit(tx, ctx, {
          action: 'voice.merge',
          entityType: 'voice_item',
          entityId: id,
          before: { sourceCount: target.sourceCount },
          after: { sourceCount: total, merged: sources.map((s) => s.id) },
        });
        return { id, sourceCount: total };
      });
    },

    /** The author judges the answer; "not satisfied" (with a reason) reopens it at whoever answered. */
    async feedback(ctx: RequestContext, id: number, body: FeedbackBody) {
      assertCan(ctx.actor, 'voice.raise');
      const item = await visibleItem(db, ctx, id);
      if (!isAuthor(ctx.actor, item)) {
        throw forbidden('Chỉ người gửi ý kiến mới đánh giá được câu trả lời.');
      }
      if (item.effectiveStatus !== 'answered') {
        throw conflict('Ý kiến chưa có câu trả lời mới để đánh giá.');
      }
      if (item.feedback !== null) throw conflict('Bạn đã đánh giá câu trả lời này rồi.');
      const reason = plainText(body.reason ?? '');
      if (!body.satisfied && !reason) {
        throw invalid('Hãy ghi lý do chưa hài lòng để nơi trả lời xem xét lại.', [{ field: 'body.reason' }]);
      }
      const routed = item.mergedIntoId ?? item.id;
      const now = clock.now();
      return db.transaction(async (tx) => {
        const locked = await lockItem(tx, routed);
        if (locked?.status !== 'answered')
          throw conflict('Ý kiến vừa thay đổi trạng thái. Hãy tải lại trang.');
        await tx.execute(sql`update voice_items set feedback = ${body.satisfied ? 'satisfied' : 'not_satisfied'},
          feedback_reason = ${reason || null}, updated_at = ${now.toISOString()}::timestamptz where id = ${item.id}`);
        await addEvent(tx, {
          itemId: item.id,
          kind: body.satisfied ? 'satisfied' : 'not_satisfied',
          actorUserId: ctx.actor.userId,
          actorLabel: 'Người gửi',
          note: reason || null,
          at: now,
        });
        let reopenedAt: string | null = null;
        if (body.satisfied && item.mergedIntoId === null) {
          await tx.execute(sql`update voice_items set status = 'closed', closed_at = ${now.toISOString()}::timestamptz
            where id = ${item.id}`);
        }
        if (!body.satisfied) {
          // Back to whoever answered last, with a fresh deadline at that level.
          const last = await one<{
            level: string;
            unitId: number | null;
            bodyId: number | null;
            label: string;
          }>(
            tx,
            sql`select s.level, s.owner_unit_id as "unitId", s.owner_body_id as "bodyId", coalesce(u.name, b.name) as label
            from voice_steps s left join units u on u.id = s.owner_unit_id left join voice_bodies b on b.id = s.owner_body_id
            where s.item_id = ${routed} and s.outcome = 'answered' order by s.id desc limit 1`,
          );
          if (!last) throw conflict('Không tìm thấy nơi đã trả lời ý kiến này.');
          const level = last.level as 'body';
          const step = await openStep(
            tx,
            routed,
            { level, unitId: last.unitId, bodyId: last.bodyId },
            now,
            await deadlineDays(tx, item.categoryCode, level),
          );
          reopenedAt = step.dueAt.toISOString();
          const eventId = await addEvent(tx, {
            itemId: routed,
            kind: 'reopened',
            actorUserId: ctx.actor.userId,
            actorLabel: 'Người gửi',
            note: `Chưa hài lòng: ${reason}. Mở lại tại ${last.label}.`,
            at: now,
          });
          const owners = last.unitId
            ? await unitHandlers(tx, last.unitId)
            : await bodyAccounts(tx, last.bodyId as number);
          await notifyVoice(tx, owners, {
            itemId: routed,
            eventId,
            title: 'Người gửi chưa hài lòng với câu trả lời',
            body: excerpt(reason),
          });
        }
        await writeAudit(tx, ctx, {
          action: body.satisfied ? 'voice.satisfied' : 'voice.not_satisfied',
          entityType: 'voice_item',
          entityId: item.id,
          after: { reason: reason || null, reopened: reopenedAt !== null, dueAt: reopenedAt },
        });
        return { id: item.id };
      });
    },

    /** Whoever answered marks a commitment done (a body's account, or a handler of the answering unit). */
    async completeCommitment(ctx: RequestContext, commitmentId: number, note: string | undefined) {
      const c = await one<{
        id: number;
        itemId: number | null;
        dialogueId: number | null;
        doneAt: Date | null;
        byUnitId: number | null;
        byBodyId: number | null;
        dialogueUnitId: number | null;
      }>(
        db,
        sql`select c.id, c.item_id as "itemId", c.dialogue_id as "dialogueId", c.done_at as "doneAt",
          a.by_unit_id as "byUnitId", a.by_body_id as "byBodyId", d.unit_id as "dialogueUnitId"
        from voice_commitments c left join voice_answers a on a.id = c.answer_id
          left join voice_dialogues d on d.id = c.dialogue_id where c.id = ${commitmentId}`,
      );
      if (!c) throw notFound('Cam kết');
      if (c.itemId !== null) await visibleItem(db, ctx, c.itemId);
      const unitId = c.byUnitId ?? c.dialogueUnitId;
      const unit = unitId !== null ? await findUnit(db, unitId) : undefined;
      const bodies = c.byBodyId !== null ? await bodiesOf(db, ctx.actor.userId) : [];
      const allowed =
        (c.byBodyId !== null && bodies.includes(c.byBodyId) && can(ctx.actor, 'voice.answer')) ||
        (!!unit && can(ctx.actor, 'voice.handle', subjectOf(unit)));
      if (!allowed) {
        // A dialogue's commitments are seen by the unit's readers and by its members (404 for anyone else).
        const member =
          c.itemId === null && unit && ctx.actor.personId !== null
            ? !!(await one(
                db,
                sql`select 1 from memberships m join units mu on mu.id = m.unit_id where m.person_id = ${ctx.actor.personId}
                  and m.status in ('active', 'transferring') and mu.path <@ ${unit.path}::ltree limit 1`,
              ))
            : false;
        if (c.itemId === null && !member && !(unit && can(ctx.actor, 'voice.read', subjectOf(unit)))) {
          throw notFound('Cam kết');
        }
        throw forbidden('Chỉ nơi đã đưa ra cam kết mới đánh dấu được cam kết đã thực hiện.');
      }
      if (c.doneAt !== null) throw conflict('Cam kết này đã được đánh dấu thực hiện xong.');
      const now = clock.now();
      const doneNote = plainText(note ?? '') || null;
      return db.transaction(async (tx) => {
        await tx.execute(sql`update voice_commitments set done_at = ${now.toISOString()}::timestamptz,
          done_note = ${doneNote}, done_by = ${ctx.actor.userId} where id = ${commitmentId}`);
        if (c.itemId !== null) {
          const eventId = await addEvent(tx, {
            itemId: c.itemId,
            kind: 'commitment_done',
            actorUserId: ctx.actor.userId,
            actorLabel: ctx.actor.name,
            note: doneNote,
            at: now,
          });
          const authors = (await authorAccounts(tx, c.itemId)).map((a) => a.userId);
          await notifyVoice(tx, authors, {
            itemId: c.itemId,
            eventId,
            title: 'Một cam kết đã được thực hiện',
            body: doneNote ?? `Cam kết của ý kiến số ${c.itemId}`,
            exclude: ctx.actor.userId,
          });
        }
        await writeAudit(tx, ctx, {
          action: 'voice.commitment_done',
          entityType: 'voice_commitment',
          entityId: commitmentId,
          after: { itemId: c.itemId, dialogueId: c.dialogueId, note: doneNote },
        });
        return { id: commitmentId };
      });
    },
  };
}
export type HandlingService = ReturnType<typeof makeHandlingService>;
