import { sql } from 'drizzle-orm';
import type {
  AnswerBody,
  AskBody,
  CreateDialogueBody,
  DialogueDetail,
  DialogueList,
} from '../../../contracts/voice';
import type { Db, DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { vietnamDay, vnDateTime } from '../../lib/vn-time';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { subjectOf } from '../files/owners';
import { insertNotifications } from '../notifications/notifications.repo';
import { findUnit, type UnitRow } from '../units/units.repo';
import { commitmentsOf } from './detail';
import { bodiesFor, findItems, visibleSql } from './voice.repo';
import { plainText, requireText } from './voice.service';

const DIALOGUE = 'Buổi đối thoại';
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

interface Row {
  id: number;
  unitId: number;
  unitName: string;
  title: string;
  leader: string;
  scheduledAt: Date | string;
  place: string | null;
  status: 'planned' | 'held' | 'published';
  summary: string | null;
  publishedAt: Date | string | null;
  questions: number;
  openCommitments: number;
}

const COLUMNS = sql`d.id, d.unit_id as "unitId", u.name as "unitName", d.title, d.leader, d.scheduled_at as "scheduledAt",
  d.place, d.status, d.summary, d.published_at as "publishedAt",
  (select count(*) from voice_dialogue_questions q where q.dialogue_id = d.id)::int as questions,
  (select count(*) from voice_commitments c where c.dialogue_id = d.id and c.done_at is null)::int as "openCommitments"`;

const summaryOf = (d: Row) => ({
  id: d.id,
  unitId: d.unitId,
  unitName: d.unitName,
  title: d.title,
  leader: d.leader,
  scheduledAt: iso(d.scheduledAt) as string,
  place: d.place,
  status: d.status,
  questions: d.questions,
  openCommitments: d.openCommitments,
});

/** The active accounts of the members concerned by a dialogue of a unit: live members of it or of a unit below. */
function membersConcerned(tx: DbOrTx, unitPath: string) {
  return rows<{ id: string }>(
    tx,
    sql`select distinct acc.id from "user" acc join memberships m on m.person_id = acc.person_id
      join units mu on mu.id = m.unit_id
    where not acc.disabled and m.status in ('active', 'transferring') and mu.path <@ ${unitPath}::ltree`,
  );
}

/**
 * Dialogues (đối thoại) between the head of a Party committee or government and the members of a unit's area:
 * planned by the unit, questions collected beforehand (from members and from open items), answered in the
 * session with commitments followed until done, and a summary published to the members concerned.
 */
export function makeDialoguesService({ db, clock }: { db: Db; clock: Clock }) {
  /** True when the actor is a member of the unit or of a unit below it. */
  async function isMemberOf(ctx: RequestContext, unit: UnitRow): Promise<boolean> {
    if (ctx.actor.personId === null) return false;
    const r = await one(
      db,
      sql`select 1 from memberships m join units mu on mu.id = m.unit_id where m.person_id = ${ctx.actor.personId}
        and m.status in ('active', 'transferring') and mu.path <@ ${unit.path}::ltree limit 1`,
    );
    return !!r;
  }

  /** The dialogue, its unit, and what the actor may do: read (scope or membership), manage (voice.handle). */
  async function dialogueFor(ctx: RequestContext, id: number) {
    const d = await one<Row>(
      db,
      sql`select ${COLUMNS} from voice_dialogues d join units u on u.id = d.unit_id where d.id = ${id}`,
    );
    const unit = d && (await findUnit(db, d.unitId));
    if (!d || !unit) throw notFound(DIALOGUE);
    const manage = can(ctx.actor, 'voice.handle', subjectOf(unit));
    const member = await isMemberOf(ctx, unit);
    if (!manage && !member && !can(ctx.actor, 'voice.read', subjectOf(unit))) throw notFound(DIALOGUE);
    return { d, unit, manage, member };
  }

  return {
    async create(ctx: RequestContext, body: CreateDialogueBody) {
      assertCan(ctx.actor, 'voice.handle');
      const unit = await findUnit(db, body.unitId);
      if (!unit) throw notFound('Đơn vị');
      assertCan(ctx.actor, 'voice.handle', subjectOf(unit), 'Đơn vị');
      if (
        body.bodyId !== undefined &&
        !(await bodiesFor(db, unit.areaPath)).some((b) => b.id === body.bodyId)
      ) {
        throw invalid('Cơ quan tham gia đối thoại không có trong danh mục cơ quan của địa bàn.', [
          { field: 'body.bodyId' },
        ]);
      }
      const items = body.itemIds.length
        ? await findItems(
            db,
            sql`i.id in (${sql.join(
              body.itemIds.map((x) => sql`${x}`),
              sql`, `,
            )}) and ${visibleSql(ctx.actor)}
              and u.path <@ ${unit.path}::ltree and i.status = 'open'`,
          )
        : [];
      if (items.length !== new Set(body.itemIds).size) {
        throw invalid(`Chỉ đưa vào đối thoại các ý kiến đang mở của ${unit.name}.`, [
          { field: 'body.itemIds' },
        ]);
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await one<{ id: number }>(
          tx,
          sql`insert into voice_dialogues (unit_id, area_id, title, leader, body_id, scheduled_at, place, created_by, created_at)
          values (${unit.id}, ${unit.areaId}, ${body.title}, ${body.leader}, ${body.bodyId ?? null}, ${body.scheduledAt}::timestamptz,
            ${plainText(body.place ?? '') || null}, ${ctx.actor.userId}, ${now.toISOString()}::timestamptz) returning id`,
        );
        const id = row?.id as number;
        for (const it of items) {
          await tx.execute(sql`insert into voice_dialogue_questions (dialogue_id, item_id, content, asked_by, created_at)
            values (${id}, ${it.id}, ${it.content}, ${ctx.actor.userId}, ${now.toISOString()}::timestamptz)`);
        }
        // The members concerned learn of it now, so they can ask beforehand (not only when the summary is out).
        const place = plainText(body.place ?? '');
        const notified = await insertNotifications(
          tx,
          (await membersConcerned(tx, unit.path)).map((m) => ({
            userId: m.id,
            kind: 'voice_dialogue',
            title: `Mời dự đối thoại: ${body.title}`,
            body: `${body.leader} đối thoại với đoàn viên, hội viên ${unit.name} lúc ${vnDateTime(body.scheduledAt)}${place ? ` tại ${place}` : ''}. Bạn có thể gửi câu hỏi trước.`,
            link: `/voice/dialogues/${id}`,
            dedupeKey: `dialogue-planned:${id}`,
          })),
        );
        await writeAudit(tx, ctx, {
          action: 'voice.dialogue.create',
          entityType: 'voice_dialogue',
          entityId: id,
          after: {
            unitId: unit.id,
            title: body.title,
            leader: body.leader,
            scheduledAt: body.scheduledAt,
            items: items.map((i) => i.id),
            notified,
          },
        });
        return { id };
      });
    },

    async list(ctx: RequestContext, unitId?: number): Promise<DialogueList> {
      assertCan(ctx.actor, 'voice.read');
      let under = sql`true`;
      if (unitId) {
        const unit = await findUnit(db, unitId);
        if (!unit) throw notFound('Đơn vị');
        assertCan(ctx.actor, 'voice.read', subjectOf(unit), 'Đơn vị');
        under = sql`u.path <@ ${unit.path}::ltree`;
      }
      const list = await rows<Row>(
        db,
        sql`select ${COLUMNS} from voice_dialogues d join units u on u.id = d.unit_id
        where ${unitScopeSql(ctx.actor, 'voice.read', 'u')} and ${under} order by d.scheduled_at desc, d.id desc limit 200`,
      );
      return { items: list.map(summaryOf) };
    },

    /** "Đối thoại của tôi": the dialogues of the units the actor is a live member of (or below), newest first. */
    async mine(ctx: RequestContext): Promise<DialogueList> {
      assertCan(ctx.actor, 'person.self');
      if (ctx.actor.personId === null) return { items: [] };
      const list = await rows<Row>(
        db,
        sql`select ${COLUMNS} from voice_dialogues d join units u on u.id = d.unit_id
        where exists (select 1 from memberships m join units mu on mu.id = m.unit_id
          where m.person_id = ${ctx.actor.personId} and m.status in ('active', 'transferring') and mu.path <@ u.path)
        order by d.scheduled_at desc, d.id desc limit 100`,
      );
      return { items: list.map(summaryOf) };
    },

    async get(ctx: RequestContext, id: number): Promise<DialogueDetail> {
      const { d, manage, member } = await dialogueFor(ctx, id);
      const [questions, commitments] = await Promise.all([
        rows<{
          id: number;
          content: string;
          itemId: number | null;
          answer: string | null;
          answeredAt: Date | null;
        }>(
          db,
          sql`select id, content, item_id as "itemId", answer, answered_at as "answeredAt"
          from voice_dialogue_questions where dialogue_id = ${id} order by id`,
        ),
        rows<{
          id: number;
          questionId: number;
          text: string;
          dueOn: string;
          doneAt: Date | null;
          doneNote: string | null;
        }>(
          db,
          sql`select id, question_id as "questionId", text, due_on::text as "dueOn", done_at as "doneAt", done_note as "doneNote"
          from voice_commitments where dialogue_id = ${id} order by due_on, id`,
        ),
      ]);
      const today = vietnamDay(clock.now());
      return {
        dialogue: { ...summaryOf(d), summary: d.summary, publishedAt: iso(d.publishedAt) },
        questions: questions.map((q) => ({
          ...q,
          answeredAt: iso(q.answeredAt),
          commitments: commitmentsOf(
            commitments.filter((c) => c.questionId === q.id).map(({ questionId: _q, ...c }) => c),
            today,
          ),
        })),
        abilities: { ask: (manage || member) && d.status !== 'published', manage },
      };
    },

    /** A member of the unit (or its officers) sends a question beforehand, or puts an open item on the agenda. */
    async ask(ctx: RequestContext, id: number, body: AskBody) {
      const { d, unit, manage, member } = await dialogueFor(ctx, id);
      if (!manage && !member)
        throw forbidden(`Chỉ đoàn viên, hội viên của ${unit.name} mới gửi câu hỏi cho buổi đối thoại này.`);
      if (d.status === 'published')
        throw conflict('Buổi đối thoại đã kết thúc và công bố kết quả: không nhận thêm câu hỏi.');
      let content: string;
      let itemId: number | null = null;
      if (body.itemId !== undefined) {
        const [it] = await findItems(
          db,
          sql`i.id = ${body.itemId} and ${visibleSql(ctx.actor)} and u.path <@ ${unit.path}::ltree and i.status = 'open'`,
        );
        if (!it)
          throw invalid(`Chỉ đưa vào đối thoại các ý kiến đang mở của ${unit.name}.`, [
            { field: 'body.itemId' },
          ]);
        content = it.content;
        itemId = it.id;
      } else {
        content = requireText(body.content, 'Câu hỏi', 'body.content');
      }
      return db.transaction(async (tx) => {
        const row = await one<{ id: number }>(
          tx,
          sql`insert into voice_dialogue_questions (dialogue_id, item_id, content, asked_by, created_at)
          values (${id}, ${itemId}, ${content}, ${ctx.actor.userId}, ${clock.now().toISOString()}::timestamptz) returning id`,
        );
        await writeAudit(tx, ctx, {
          action: 'voice.dialogue.ask',
          entityType: 'voice_dialogue',
          entityId: id,
          after: { questionId: row?.id, itemId },
        });
        return { id: row?.id as number };
      });
    },

    /** Records the answer given in the session and the commitments made; the dialogue counts as held. */
    async answer(ctx: RequestContext, questionId: number, body: AnswerBody) {
      const q = await one<{ dialogueId: number; answer: string | null }>(
        db,
        sql`select dialogue_id as "dialogueId", answer from voice_dialogue_questions where id = ${questionId}`,
      );
      if (!q) throw notFound('Câu hỏi');
      const { d, unit, manage } = await dialogueFor(ctx, q.dialogueId);
      if (!manage) throw forbidden(`Chỉ cán bộ của ${unit.name} mới ghi kết quả buổi đối thoại.`);
      if (d.status === 'published')
        throw conflict('Buổi đối thoại đã công bố kết quả: không sửa được câu trả lời.');
      const answer = requireText(body.answer, 'Câu trả lời', 'body.answer');
      const commitments = body.commitments.map((c, i) => ({
        text: requireText(c.text, `Cam kết thứ ${i + 1}`, `body.commitments.${i}.text`),
        dueOn: c.dueOn,
      }));
      const now = clock.now();
      return db.transaction(async (tx) => {
        await tx.execute(sql`update voice_dialogue_questions set answer = ${answer}, answered_at = ${now.toISOString()}::timestamptz
          where id = ${questionId}`);
        for (const c of commitments) {
          await tx.execute(sql`insert into voice_commitments (dialogue_id, question_id, text, due_on, created_at)
            values (${q.dialogueId}, ${questionId}, ${c.text}, ${c.dueOn}, ${now.toISOString()}::timestamptz)`);
        }
        await tx.execute(
          sql`update voice_dialogues set status = 'held' where id = ${q.dialogueId} and status = 'planned'`,
        );
        await writeAudit(tx, ctx, {
          action: 'voice.dialogue.answer',
          entityType: 'voice_dialogue',
          entityId: q.dialogueId,
          before: { questionId, answer: q.answer },
          after: { questionId, answer, commitments },
        });
        return { id: questionId };
      });
    },

    /** Publishes the summary; every member of the unit with an account is told in the app. */
    async publish(ctx: RequestContext, id: number, summary: string) {
      const { d, unit, manage } = await dialogueFor(ctx, id);
      if (!manage) throw forbidden(`Chỉ cán bộ của ${unit.name} mới công bố kết quả đối thoại.`);
      if (d.status === 'published') throw conflict('Kết quả buổi đối thoại đã được công bố.');
      const text = requireText(summary, 'Bản tóm tắt kết quả', 'body.summary');
      const now = clock.now();
      return db.transaction(async (tx) => {
        await tx.execute(sql`update voice_dialogues set status = 'published', summary = ${text},
          published_at = ${now.toISOString()}::timestamptz where id = ${id}`);
        const members = await membersConcerned(tx, unit.path);
        const notified = await insertNotifications(
          tx,
          members.map((m) => ({
            userId: m.id,
            kind: 'voice_dialogue',
            title: `Kết quả đối thoại: ${d.title}`,
            body: `${d.leader} đối thoại với đoàn viên, hội viên ${unit.name} lúc ${vnDateTime(d.scheduledAt)}. ${text.slice(0, 160)}`,
            link: `/voice/dialogues/${id}`,
            dedupeKey: `dialogue:${id}`,
          })),
        );
        await writeAudit(tx, ctx, {
          action: 'voice.dialogue.publish',
          entityType: 'voice_dialogue',
          entityId: id,
          after: { summary: text, notified },
        });
        return { id, notified };
      });
    },
  };
}
export type DialoguesService = ReturnType<typeof makeDialoguesService>;
