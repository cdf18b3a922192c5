import { sql } from 'drizzle-orm';
import type { AssignCadreBody, MeetingCadreList, RecordCadreBody } from '../../../contracts/cadres';
import type { Db, DbOrTx } from '../../db/client';
import { one } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { vnDate, vnDateTime } from '../../lib/vn-time';
import type { Action } from '../../policy/actions';
import { assertCan, can, grantCovers, type UnitSubject } from '../../policy/policy';
import { iso } from '../meetings/meetings.presenter';
import { findMeeting, lockUnit, type MeetingRow, refreshUnitPeriod } from '../meetings/meetings.repo';
import { insertNotifications } from '../notifications/notifications.repo';
import { vietnamDay } from '../organizations/rules';
import { findUnit, type UnitRow } from '../units/units.repo';
import {
  CADRE_ROLES,
  cadreAccountsCovering,
  findMeetingCadre,
  listMeetingCadres,
  listVisits,
  type MeetingCadreRow,
} from './cadres.repo';

const MEETING = 'Cuộc họp';
const ASSIGNMENT = 'Phân công cán bộ dự sinh hoạt';

const scopeOf = (u: UnitRow): UnitSubject => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});

/**
 * Higher-level cadres attending branch meetings. Who may do what:
 * - assign (oneself or a colleague): a holder of meeting.cadre whose scope covers the branch; the cadre must be
 *   an account with a commune/province officer grant covering the branch;
 * - record attended / absent: the cadre themself, or anyone who may write the branch's meetings (an officer
 *   covering it, or the branch head who records who came from above in the minutes);
 * - remove a mistaken assignment: a holder of meeting.cadre covering the branch, while the meeting is still
 *   planned and nothing was recorded.
 * Every change refreshes the unit-period aggregates (cadre_visited) in the same transaction.
 */
export function makeCadresService({ db, clock }: { db: Db; clock: Clock }) {
  async function meetingFor(ctx: RequestContext, id: number, action: Action) {
    const m = await findMeeting(db, id);
    const unit = m && (await findUnit(db, m.unitId));
    if (!m || !unit) throw notFound(MEETING);
    assertCan(ctx.actor, action, scopeOf(unit), MEETING);
    return { m, unit };
  }

  async function assignmentFor(ctx: RequestContext, id: number) {
    const mc = await findMeetingCadre(db, id);
    if (!mc) throw notFound(ASSIGNMENT);
    const { m, unit } = await meetingFor(ctx, mc.meetingId, 'meeting.read');
    return { mc, m, unit };
  }

  /** Runs a change in one transaction with the branch locked, then refreshes its period aggregates. */
  function write<T>(m: MeetingRow, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
    return db.transaction(async (tx) => {
      await lockUnit(tx, m.unitId);
      const out = await fn(tx);
      await refreshUnitPeriod(tx, m.unitId, m.periodKey);
      return out;
    });
  }

  const isOfficerFor = (ctx: RequestContext, unit: UnitRow) =>
    ctx.actor.grants.some(
      (g) => (CADRE_ROLES as readonly string[]).includes(g.role) && grantCovers(g, scopeOf(unit)),
    );
  const mayRecord = (ctx: RequestContext, mc: MeetingCadreRow, unit: UnitRow) =>
    mc.userId === ctx.actor.userId || can(ctx.actor, 'meeting.write', scopeOf(unit));
  const mayRemove = (ctx: RequestContext, mc: MeetingCadreRow, m: MeetingRow, unit: UnitRow) =>
    mc.status === 'assigned' && m.status === 'planned' && can(ctx.actor, 'meeting.cadre', scopeOf(unit));

  return {
    async list(ctx: RequestContext, meetingId: number): Promise<MeetingCadreList> {
      const { m, unit } = await meetingFor(ctx, meetingId, 'meeting.read');
      const items = await listMeetingCadres(db, meetingId);
      const open = m.status !== 'locked';
      return {
        items: items.map((mc) => ({
          id: mc.id,
          meetingId: mc.meetingId,
          userId: mc.userId,
          cadreName: mc.cadreName,
          fromUnitId: mc.fromUnitId,
          fromUnitName: mc.fromUnitName,
          status: mc.status,
          note: mc.note,
          assignedByName: mc.assignedByName,
          recordedAt: iso(mc.recordedAt),
          abilities: { record: mayRecord(ctx, mc, unit), remove: mayRemove(ctx, mc, m, unit) },
        })),
        abilities: {
          assignSelf: open && isOfficerFor(ctx, unit) && !items.some((mc) => mc.userId === ctx.actor.userId),
          assign: open && can(ctx.actor, 'meeting.cadre', scopeOf(unit)),
        },
      };
    },

    async candidates(ctx: RequestContext, meetingId: number) {
      const { m, unit } = await meetingFor(ctx, meetingId, 'meeting.cadre');
      const assigned = new Set((await listMeetingCadres(db, m.id)).map((mc) => mc.userId));
      const items = await cadreAccountsCovering(db, scopeOf(unit));
      return { items: items.map((c) => ({ ...c, assigned: assigned.has(c.userId) })) };
    },

    async assign(ctx: RequestContext, meetingId: number, body: AssignCadreBody) {
      const { m, unit } = await meetingFor(ctx, meetingId, 'meeting.cadre');
      if (m.status === 'locked') {
        throw conflict('Biên bản cuộc họp đã khoá: không thể phân công thêm cán bộ dự sinh hoạt.');
      }
      if (!unit.active) throw invalid('Đơn vị đã ngừng hoạt động hoặc đã hợp nhất: không thể phân công.');
      const self = body.userId === undefined || body.userId === ctx.actor.userId;
      const userId = body.userId ?? ctx.actor.userId;
      const [cadre] = await cadreAccountsCovering(db, scopeOf(unit), userId);
      if (!cadre && self) {
        throw forbidden(
          `Chỉ cán bộ cấp xã hoặc cấp tỉnh có phạm vi phụ trách ${unit.name} mới đăng ký dự sinh hoạt được.`,
        );
      }
      if (!cadre) {
        throw invalid(
          `Người được chọn không phải cán bộ cấp xã/cấp tỉnh phụ trách ${unit.name}. Hãy chọn trong danh sách cán bộ phụ trách.`,
          [{ field: 'body.userId' }],
        );
      }
      return write(m, async (tx) => {
        const ins = await one<{ id: number }>(
          tx,
          sql`insert into meeting_cadres (meeting_id, user_id, cadre_name, from_unit_id, assigned_by)
          values (${m.id}, ${cadre.userId}, ${cadre.name}, ${cadre.fromUnitId}, ${ctx.actor.userId})
          on conflict (meeting_id, user_id) do nothing returning id`,
        );
        if (!ins) throw conflict(`${cadre.name} đã được phân công dự cuộc họp này.`);
        if (!self) {
          await insertNotifications(tx, [
            {
              userId: cadre.userId,
              kind: 'cadre_assigned',
              title: 'Được phân công dự sinh hoạt',
              body: `${ctx.actor.name} phân công bạn dự sinh hoạt ${unit.name} lúc ${vnDateTime(m.scheduledAt)}${m.place ? ` tại ${m.place}` : ''}.`,
              link: `/meetings/${m.id}`,
              dedupeKey: `cadre:${ins.id}`,
            },
          ]);
        }
        await writeAudit(tx, ctx, {
          action: 'meeting.cadre_assign',
          entityType: 'meeting',
          entityId: m.id,
          after: {
            meetingCadreId: ins.id,
            userId: cadre.userId,
            cadreName: cadre.name,
            fromUnitId: cadre.fromUnitId,
          },
        });
        return { id: ins.id };
      });
    },

    async record(ctx: RequestContext, id: number, body: RecordCadreBody) {
      const { mc, m, unit } = await assignmentFor(ctx, id);
      if (!mayRecord(ctx, mc, unit)) throw forbidden();
      const day = vietnamDay(new Date(m.scheduledAt));
      if (day > vietnamDay(clock.now())) {
        throw invalid(`Cuộc họp diễn ra ngày ${vnDate(day)}: chỉ ghi nhận dự hoặc vắng từ ngày họp trở đi.`);
      }
      const note = body.note === undefined ? mc.note : body.note || null;
      if (m.status === 'locked' && !body.note) {
        throw invalid('Biên bản đã khoá: cần ghi chú lý do khi ghi nhận lại.', [{ field: 'body.note' }]);
      }
      return write(m, async (tx) => {
        await tx.execute(sql`update meeting_cadres set status = ${body.status}, note = ${note},
          recorded_at = ${clock.now().toISOString()}::timestamptz where id = ${id}`);
        await writeAudit(tx, ctx, {
          action: m.status === 'locked' ? 'meeting.cadre_amend_locked' : 'meeting.cadre_record',
          entityType: 'meeting',
          entityId: m.id,
          before: { meetingCadreId: id, status: mc.status, note: mc.note },
          after: { meetingCadreId: id, status: body.status, note },
        });
        return { id };
      });
    },

    async remove(ctx: RequestContext, id: number) {
      const { mc, m, unit } = await assignmentFor(ctx, id);
      assertCan(ctx.actor, 'meeting.cadre', scopeOf(unit), ASSIGNMENT);
      if (!mayRemove(ctx, mc, m, unit)) {
        throw conflict(
          'Chỉ xoá được phân công khi cuộc họp chưa diễn ra và chưa ghi nhận dự/vắng; nếu cán bộ không đến, hãy đánh dấu "Vắng".',
        );
      }
      return write(m, async (tx) => {
        const gone = await one<{ id: number }>(
          tx,
          sql`delete from meeting_cadres where id = ${id} and status = 'assigned' returning id`,
        );
        if (!gone) throw conflict('Phân công vừa được ghi nhận dự/vắng nên không xoá được.');
        await writeAudit(tx, ctx, {
          action: 'meeting.cadre_remove',
          entityType: 'meeting',
          entityId: m.id,
          before: { meetingCadreId: id, userId: mc.userId, cadreName: mc.cadreName },
        });
        return { id };
      });
    },

    async myVisits(ctx: RequestContext) {
      const items = await listVisits(db, ctx.actor.userId, clock.now());
      return { items: items.map((v) => ({ ...v, scheduledAt: new Date(v.scheduledAt).toISOString() })) };
    },
  };
}
export type CadresService = ReturnType<typeof makeCadresService>;
