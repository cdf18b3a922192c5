import { sql } from 'drizzle-orm';
import {
  type AddIntroductionBody,
  type IntroductionList,
  type IntroductionsQuery,
  PARTY_STAGES,
  type PartyStage,
} from '../../../contracts/party';
import type { Db } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, invalid, notFound } from '../../lib/errors';
import { vietnamDay, vnDate } from '../../lib/vn-time';
import { assertCan, can, type UnitSubject } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { findUnit } from '../units/units.repo';
import {
  deleteIntroduction,
  findIntroduction,
  findIntroductions,
  insertIntroduction,
  isActiveMember,
  stagesOf,
} from './party.repo';

const UNIT = 'Đơn vị';
const ENTRY = 'Bản ghi phát triển Đảng';
const WRITE = 'member.write';
const READ = 'person.read';
/** A person's Party stage is Party-membership information: read with 'person.readSensitive', audited. */
const READ_STAGES = 'person.readSensitive';

/** Stage names as shown (DOMAIN.md §6 defaults). */
export const STAGE_LABEL: Record<PartyStage, string> = {
  identified: 'Cảm tình Đảng',
  course: 'Học lớp nhận thức về Đảng',
  introduced: 'Giới thiệu cho Đảng',
  admitted: 'Kết nạp (dự bị)',
  full: 'Đảng viên chính thức',
};
const rank = (s: string) => PARTY_STAGES.indexOf(s as PartyStage);

const subjectOf = (u: { path: string; organizationCode: string; areaPath: string }): UnitSubject => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});
const nul = (s: string | undefined) => (s ? s : null);

export function makePartyService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Records a person's stage in a unit where they are an active member; stages never go backwards. */
    async add(ctx: RequestContext, unitId: number, b: AddIntroductionBody) {
      assertCan(ctx.actor, WRITE);
      const unit = await findUnit(db, unitId);
      if (!unit) throw notFound(UNIT);
      assertCan(ctx.actor, WRITE, subjectOf(unit), UNIT);
      if (b.stageOn > vietnamDay(clock.now()))
        throw invalid(
          `Ngày ${vnDate(b.stageOn)} chưa tới: chỉ ghi việc đã diễn ra, ngày không được sau hôm nay.`,
          [{ field: 'body.stageOn' }],
        );
      if (!(await isActiveMember(db, b.personId, unit.id)))
        throw invalid(
          'Người này không đang sinh hoạt tại đơn vị: chọn một đoàn viên/hội viên đang sinh hoạt ở đơn vị này.',
          [{ field: 'body.personId' }],
        );
      return db.transaction(async (tx) => {
        const stages = await stagesOf(tx, b.personId);
        const latest = stages.reduce<{ stage: string; stageOn: string } | null>(
          (m, s) => (m === null || rank(s.stage) > rank(m.stage) ? s : m),
          null,
        );
        if (latest && rank(latest.stage) >= rank(b.stage)) {
          const was = STAGE_LABEL[latest.stage as PartyStage];
          throw conflict(
            rank(latest.stage) === rank(b.stage)
              ? `Người này đã được ghi bước "${was}" (ngày ${vnDate(latest.stageOn)}). Nếu ghi nhầm, xoá bản ghi cũ rồi ghi lại.`
              : `Người này đã ở bước "${was}" (ngày ${vnDate(latest.stageOn)}): các bước không đi ngược lại. Nếu ghi nhầm, xoá bản ghi đó trước.`,
          );
        }
        if (latest && b.stageOn < latest.stageOn)
          throw invalid(
            `Ngày ${vnDate(b.stageOn)} trước bước "${STAGE_LABEL[latest.stage as PartyStage]}" (${vnDate(latest.stageOn)}): kiểm tra lại ngày.`,
            [{ field: 'body.stageOn' }],
          );
        const id = await insertIntroduction(tx, {
          personId: b.personId,
          unitId: unit.id,
          stage: b.stage,
          stageOn: b.stageOn,
          decisionNo: nul(b.decisionNo),
          note: nul(b.note),
          createdBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'party.stage',
          entityType: 'party_introduction',
          entityId: id,
          after: { personId: b.personId, unitId: unit.id, stage: b.stage, stageOn: b.stageOn },
        });
        return { id };
      });
    },

    /**
     * The records of a unit's subtree where the actor may read sensitive data (by stage, by year of the stage
     * date). 404 when the unit is not visible, 403 when it is but the actor may not read Party data; each read
     * writes one audit row (the unit, the filter, the rows shown) in the same transaction as the read.
     */
    async list(ctx: RequestContext, unitId: number, q: IntroductionsQuery): Promise<IntroductionList> {
      assertCan(ctx.actor, READ_STAGES);
      const unit = await findUnit(db, unitId);
      if (!unit || !can(ctx.actor, READ, subjectOf(unit))) throw notFound(UNIT);
      assertCan(ctx.actor, READ_STAGES, subjectOf(unit), UNIT);
      const parts = [sql`u.path <@ ${unit.path}::ltree`, unitScopeSql(ctx.actor, READ_STAGES, 'u')];
      if (q.stage) parts.push(sql`i.stage = ${q.stage}`);
      if (q.year)
        parts.push(sql`i.stage_on between ${`${q.year}-01-01`}::date and ${`${q.year}-12-31`}::date`);
      const items = await db.transaction(async (tx) => {
        const found = await findIntroductions(tx, sql.join(parts, sql` and `));
        await writeAudit(tx, ctx, {
          action: 'party.read',
          entityType: 'unit',
          entityId: unit.id,
          after: { filters: { stage: q.stage, year: q.year }, rows: found.length },
        });
        return found;
      });
      return {
        items: items.map((r) => ({
          ...r,
          stage: r.stage as PartyStage,
          createdAt: new Date(r.createdAt).toISOString(),
        })),
        canWrite: can(ctx.actor, WRITE, subjectOf(unit)),
      };
    },

    /** Deletes a mistaken record. */
    async remove(ctx: RequestContext, id: number) {
      assertCan(ctx.actor, WRITE);
      const r = await findIntroduction(db, id);
      if (!r || !can(ctx.actor, READ, subjectOf(r))) throw notFound(ENTRY);
      assertCan(ctx.actor, WRITE, subjectOf(r), ENTRY);
      return db.transaction(async (tx) => {
        await deleteIntroduction(tx, r.id);
        await writeAudit(tx, ctx, {
          action: 'party.delete',
          entityType: 'party_introduction',
          entityId: r.id,
          before: { personId: r.personId, unitId: r.unitId, stage: r.stage, stageOn: r.stageOn },
        });
        return { id: r.id };
      });
    },
  };
}
export type PartyService = ReturnType<typeof makePartyService>;
