import { sql } from 'drizzle-orm';
import { one, rows } from '../db/query';
import { auditLog } from '../db/schema';
import { vietnamDay, vietnamHour, vnDateTime } from '../lib/vn-time';
import { excerpt, notifyVoice } from '../modules/voice/notify';
import {
  addEvent,
  bodyAccounts,
  closeStep,
  deadlineDays,
  openStep,
  sourceUnits,
  unitHandlers,
} from '../modules/voice/voice.repo';
import { type JobDeps, runOnce } from './runs';

export const VOICE_ESCALATION_JOB = 'voice-escalation';
const SYSTEM = 'Hệ thống (quá hạn)';

interface Overdue {
  id: number;
  stepId: number;
  content: string;
  categoryCode: string;
  dueAt: Date | string;
  ownerUnitId: number | null;
  ownerBodyId: number | null;
  ownerLabel: string;
  /** the next level: the owner unit's parent, or the body the owner body escalates to */
  nextUnitId: number | null;
  nextUnitLevel: string | null;
  nextBodyId: number | null;
  nextLabel: string | null;
}

/**
 * Escalates every open item whose current step is past its deadline to the next level: a unit's parent in
 * the organization (branch → grassroots unit → province), or the body a recipient body escalates to. At the top
 * (no next level) the step is only flagged overdue, once. Each item moves in its own transaction, and only if its
 * step is still the one that was overdue, so two instances (or a retry) never escalate it twice.
 */
export async function escalateOverdue(deps: JobDeps) {
  const now = deps.clock.now();
  const hour = String(vietnamHour(now)).padStart(2, '0');
  return runOnce(deps, VOICE_ESCALATION_JOB, `${vietnamDay(now)}T${hour}`, async () => {
    const due = await rows<Overdue>(
      deps.db,
      sql`select i.id, i.step_id as "stepId", i.content, i.category_code as "categoryCode", i.due_at as "dueAt",
        i.owner_unit_id as "ownerUnitId", i.owner_body_id as "ownerBodyId", coalesce(ou.name, ob.name) as "ownerLabel",
        pu.id as "nextUnitId", pu.level as "nextUnitLevel", nb.id as "nextBodyId", coalesce(pu.name, nb.name) as "nextLabel"
      from voice_items i join voice_steps s on s.id = i.step_id
        left join units ou on ou.id = i.owner_unit_id
        left join units pu on pu.id = ou.parent_id and pu.active
        left join voice_bodies ob on ob.id = i.owner_body_id
        left join voice_bodies nb on nb.id = ob.escalates_to_id and nb.active
      where i.status = 'open' and i.due_at < ${now.toISOString()}::timestamptz and not s.overdue
      order by i.due_at, i.id limit 5000`,
    );
    let escalated = 0;
    let flagged = 0;
    for (const o of due) {
      const moved = await deps.db.transaction(async (tx) => {
        const still = await one(
          tx,
          sql`select 1 from voice_items where id = ${o.id} and step_id = ${o.stepId} and status = 'open' for update`,
        );
        if (!still) return null;
        await tx.execute(sql`update voice_items set overdue_count = overdue_count + 1 where id = ${o.id}`);
        const note = `Quá hạn xử lý (hạn ${vnDateTime(o.dueAt)}) tại ${o.ownerLabel}`;
        let to: { level: string; unitId?: number; bodyId?: number; label: string } | null = null;
        if (o.nextUnitId !== null) {
          const level = o.nextUnitLevel === 'group' ? 'branch' : (o.nextUnitLevel as string);
          to = { level, unitId: o.nextUnitId, label: o.nextLabel as string };
        } else if (o.nextBodyId !== null) {
          to = { level: 'body', bodyId: o.nextBodyId, label: o.nextLabel as string };
        }
        let eventId: number;
        if (to) {
          await closeStep(tx, o.stepId, 'escalated', now);
          const days = await deadlineDays(tx, o.categoryCode, to.level as 'body');
          await openStep(
            tx,
            o.id,
            { level: to.level as 'body', unitId: to.unitId, bodyId: to.bodyId },
            now,
            days,
          );
          eventId = await addEvent(tx, {
            itemId: o.id,
            kind: 'escalated',
            actorUserId: null,
            actorLabel: SYSTEM,
            note: `${note}: tự động chuyển lên ${to.label}.`,
            data: { from: o.ownerLabel, to: to.label },
            at: now,
          });
        } else {
          // Nothing above: flag it once (the step keeps its owner) and tell them.
          await tx.execute(sql`update voice_steps set overdue = true where id = ${o.stepId}`);
          eventId = await addEvent(tx, {
            itemId: o.id,
            kind: 'overdue',
            actorUserId: null,
            actorLabel: SYSTEM,
            note: `${note}.`,
            at: now,
          });
        }
        await tx.insert(auditLog).values({
          actorUserId: null,
          actorName: SYSTEM,
          action: to ? 'voice.escalate' : 'voice.overdue',
          entityType: 'voice_item',
          entityId: String(o.id),
          before: { owner: o.ownerLabel, stepId: o.stepId, dueAt: new Date(o.dueAt).toISOString() },
          after: to ? { owner: to.label } : { flagged: true },
        });
        const owners = to
          ? to.unitId
            ? await unitHandlers(tx, to.unitId)
            : await bodyAccounts(tx, to.bodyId as number)
          : o.ownerUnitId
            ? await unitHandlers(tx, o.ownerUnitId)
            : await bodyAccounts(tx, o.ownerBodyId as number);
        const branch: string[] = [];
        for (const u of await sourceUnits(tx, o.id)) branch.push(...(await unitHandlers(tx, u)));
        await notifyVoice(tx, [...owners, ...branch], {
          itemId: o.id,
          eventId,
          title: to ? `Ý kiến quá hạn chuyển lên ${to.label}` : `Ý kiến quá hạn tại ${o.ownerLabel}`,
          body: excerpt(o.content),
        });
        return to !== null;
      });
      if (moved === true) escalated++;
      else if (moved === false) flagged++;
    }
    return { overdue: due.length, escalated, flagged };
  });
}
