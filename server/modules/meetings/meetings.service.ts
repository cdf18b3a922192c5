import { sql } from 'drizzle-orm';
import type {
  AttendanceBody,
  AttendanceSaved,
  CreateDiscussionBody,
  CreateMeetingBody,
  MeetingDetail,
  UpdateMeetingBody,
} from '../../../contracts/meetings';
import type { Db, DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, defined, invalid, notFound } from '../../lib/errors';
import type { Action } from '../../policy/actions';
import { assertCan, can } from '../../policy/policy';
import { unitScopeSql } from '../../policy/scope';
import { createCheckinWindow } from '../checkin/checkin.repo';
import { vietnamDay } from '../organizations/rules';
import { meetingTheme } from '../themes/themes.repo';
import { assertThemeFits } from '../themes/themes.service';
import { findUnit, type UnitRow } from '../units/units.repo';
import { COLUMN, iso, MINUTES_FIELDS, summaryOf } from './meetings.presenter';
import {
  findMeeting,
  findMeetings,
  inviteMembers,
  listAttendance,
  listDiscussions,
  lockUnit,
  type MeetingRow,
  refreshMeetingCounts,
  refreshUnitPeriod,
  rhythmRules,
} from './meetings.repo';
import { addDays, unitPeriodOf } from './periods';

const MEETING = 'Cuộc họp';
const UNIT = 'Đơn vị';
/** A period is closed for new meetings this many days after it ends. */
export const CLOSE_AFTER_DAYS = 30;

const subject = (u: { path: string; organizationCode: string; areaPath: string }) => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});
export function makeMeetingsService({ db, clock }: { db: Db; clock: Clock }) {
  /** The unit, when the actor may do `action` there; 404 when they cannot even read it. */
  async function unitFor(ctx: RequestContext, id: number, action: Action, what = UNIT): Promise<UnitRow> {
    const u = await findUnit(db, id);
    if (!u) throw notFound(what);
    assertCan(ctx.actor, action, subject(u), what);
    return u;
  }

  async function meetingFor(ctx: RequestContext, id: number, action: Action) {
    const m = await findMeeting(db, id);
    if (!m) throw notFound(MEETING);
    const unit = await unitFor(ctx, m.unitId, action, MEETING);
    return { m, unit };
  }

  /** Runs a meeting write in one transaction with the unit locked, on a fresh copy of the meeting. */
  async function writeMeeting<T>(
    ctx: RequestContext,
    id: number,
    fn: (tx: DbOrTx, m: MeetingRow, unit: UnitRow) => Promise<T>,
  ): Promise<T> {
    const { unit } = await meetingFor(ctx, id, 'meeting.write');
    if (!unit.active)
      throw invalid('Đơn vị đã ngừng hoạt động hoặc đã hợp nhất: không thể sửa buổi sinh hoạt này.');
    return db.transaction(async (tx) => {
      await lockUnit(tx, unit.id);
      const m = defined(await findMeeting(tx, id), 'meeting');
      return fn(tx, m, unit);
    });
  }

  return {
    async listForUnit(ctx: RequestContext, unitId: number, year?: number) {
      const unit = await unitFor(ctx, unitId, 'meeting.read');
      const y = year ?? Number(vietnamDay(clock.now()).slice(0, 4));
      const items = await findMeetings(
        db,
        sql`u.path <@ ${unit.path}::ltree and ${unitScopeSql(ctx.actor, 'meeting.read', 'u')}
          and m.period_start between ${`${y}-01-01`}::date and ${`${y}-12-31`}::date`,
        sql`order by m.scheduled_at desc, m.id desc limit 1000`,
      );
      return { items: items.map(summaryOf) };
    },

    async get(ctx: RequestContext, id: number): Promise<MeetingDetail> {
      const { m, unit } = await meetingFor(ctx, id, 'meeting.read');
      const write = can(ctx.actor, 'meeting.write', subject(unit));
      // Taken before the attendance is read: a self check-in later than this is one the view cannot show.
      const loadedAt = clock.now().toISOString();
      return {
        meeting: {
          ...summaryOf(m),
          agenda: m.agenda,
          onlineLink: m.onlineLink,
          chair: m.chair,
          secretary: m.secretary,
          higherCadres: m.higherCadres,
          guests: m.guests,
          content: m.content,
          decisions: m.decisions,
          tasks: m.tasks,
          startedAt: iso(m.startedAt),
          endedAt: iso(m.endedAt),
          lockedAt: iso(m.lockedAt),
          theme: await meetingTheme(db, id),
        },
        attendance: await listAttendance(db, id),
        discussions: await listDiscussions(db, id),
        abilities: {
          edit: write,
          rollcall: write && m.status !== 'locked',
          lock: write && m.status === 'held',
        },
        loadedAt,
      };
    },

    async create(ctx: RequestContext, unitId: number, body: CreateMeetingBody) {
      const unit = await unitFor(ctx, unitId, 'meeting.write');
      if (unit.level !== 'branch' && unit.level !== 'group') {
        throw invalid('Chỉ chi đoàn/chi hội (hoặc tổ) mới lập cuộc họp sinh hoạt định kỳ.');
      }
      if (!unit.active) throw invalid('Đơn vị đã ngừng hoạt động hoặc đã hợp nhất.');
      const day = vietnamDay(new Date(body.scheduledAt));
      const period = unitPeriodOf(await rhythmRules(db, unit.organizationCode), day, unit);
      const today = vietnamDay(clock.now());
      if (addDays(period.end, CLOSE_AFTER_DAYS) < today) {
        throw invalid(
          `Kỳ ${period.label} đã khoá sổ (kết thúc quá ${CLOSE_AFTER_DAYS} ngày), không thể lập cuộc họp vào kỳ này.`,
          [{ field: 'body.scheduledAt' }],
        );
      }
      if (body.themeId !== undefined) await assertThemeFits(db, body.themeId, unit.path, body.scheduledAt);
      return db.transaction(async (tx) => {
        await lockUnit(tx, unit.id);
        const ins = await one<{ id: number }>(
          tx,
          sql`insert into meetings (unit_id, kind, period_key, period_start, period_end, scheduled_at, place, mode,
            online_link, agenda, theme_id, created_by)
          values (${unit.id}, ${body.kind}, ${period.key}, ${period.start}::date, ${period.end}::date,
            ${body.scheduledAt}::timestamptz, ${body.place || null}, ${body.mode},
            ${body.mode === 'in_person' ? null : (body.onlineLink ?? null)}, ${body.agenda || null}, ${body.themeId ?? null}, ${ctx.actor.userId})
          returning id`,
        );
        const id = defined(ins, 'meeting').id;
        await inviteMembers(tx, id, unit.path);
        await createCheckinWindow(tx, id, new Date(body.scheduledAt), clock.now(), ctx.actor.userId);
        const counts = await refreshMeetingCounts(tx, id);
        await refreshUnitPeriod(tx, unit.id, period.key);
        await writeAudit(tx, ctx, {
          action: 'meeting.create',
          entityType: 'meeting',
          entityId: id,
          after: { unitId: unit.id, ...body, periodKey: period.key, invited: counts.invited },
        });
        return { id };
      });
    },

    /**
     * Saves roll-call entries. A client that says when its view was loaded (body.loadedAt) may resend rows it
     * did not change: an entry for a member who checked themselves in after that moment is skipped (the
     * check-in is kept, its person id returned in `kept`) unless the entry changes the status the client had
     * loaded (`was`). Without loadedAt every entry is written: the web roll-call sends only the rows edited.
     * Runs under the unit lock that self check-in takes too, so the two never interleave.
     */
    async rollcall(ctx: RequestContext, id: number, body: AttendanceBody): Promise<AttendanceSaved> {
      return writeMeeting(ctx, id, async (tx, m) => {
        if (m.status === 'locked') throw conflict('Biên bản đã khoá: không thể điểm danh lại.');
        const ids = body.entries.map((e) => e.personId);
        const invited = await rows<{ personId: number; newerSelfCheckin: boolean }>(
          tx,
          sql`select person_id as "personId",
              coalesce(source = 'self' and status in ('present', 'online')
                and checked_in_at > ${body.loadedAt ?? null}::timestamptz, false) as "newerSelfCheckin"
            from meeting_attendance where meeting_id = ${id}
            and person_id in (${sql.join(
              ids.map((p) => sql`${p}`),
              sql`, `,
            )})`,
        );
        const known = new Set(invited.map((r) => r.personId));
        const strangers = ids.filter((p) => !known.has(p));
        if (strangers.length > 0) {
          throw invalid(
            `Người có mã ${strangers.join(', ')} không có trong danh sách mời của cuộc họp này; chưa lưu điểm danh nào.`,
            strangers.map((p) => ({ field: 'body.entries', personId: p })),
          );
        }
        const newer = new Set(invited.filter((r) => r.newerSelfCheckin).map((r) => r.personId));
        const changedByHead = (e: AttendanceBody['entries'][number]) =>
          e.was !== undefined && e.was !== e.status;
        const kept = body.entries
          .filter((e) => newer.has(e.personId) && !changedByHead(e))
          .map((e) => e.personId);
        const entries = body.entries.filter((e) => !kept.includes(e.personId));
        if (entries.length > 0) {
          const values = sql.join(
            entries.map(
              (e) =>
                sql`(${e.personId}::int, ${e.status}::text, ${e.status.startsWith('absent') ? (e.reason ?? null) : null}::text)`,
            ),
            sql`, `,
          );
          await tx.execute(sql`update meeting_attendance a set status = v.status, reason = v.reason, updated_at = now()
            from (values ${values}) as v(person_id, status, reason)
            where a.meeting_id = ${id} and a.person_id = v.person_id`);
        }
        const counts = await refreshMeetingCounts(tx, id);
        // Held once anyone attended; back to planned if a mistaken roll-call is undone.
        const status = counts.present + counts.online > 0 ? 'held' : 'planned';
        if (status !== m.status) {
          await tx.execute(sql`update meetings set status = ${status}, updated_at = now() where id = ${id}`);
        }
        await refreshUnitPeriod(tx, m.unitId, m.periodKey);
        await writeAudit(tx, ctx, {
          action: 'meeting.rollcall',
          entityType: 'meeting',
          entityId: id,
          after: { entries, ...(kept.length > 0 ? { keptSelfCheckins: kept } : {}), counts, status },
        });
        return { counts, kept };
      });
    },

    async update(ctx: RequestContext, id: number, body: UpdateMeetingBody) {
      return writeMeeting(ctx, id, async (tx, m) => {
        if (m.status === 'locked' && !body.reason) throw invalid('Biên bản đã khoá: cần nêu lý do sửa');
        const changed = MINUTES_FIELDS.filter((f) => body[f] !== undefined);
        const next = (f: (typeof MINUTES_FIELDS)[number]) => (body[f] === undefined ? m[f] : body[f] || null);
        const startedAt = next('startedAt');
        const endedAt = next('endedAt');
        if (startedAt && endedAt && new Date(endedAt) < new Date(startedAt)) {
          throw invalid('Giờ kết thúc phải sau giờ bắt đầu.', [{ field: 'body.endedAt' }]);
        }
        const sets = changed.map((f) =>
          f === 'startedAt' || f === 'endedAt'
            ? sql`${sql.raw(COLUMN[f])} = ${next(f)}::timestamptz`
            : sql`${sql.raw(COLUMN[f])} = ${next(f)}`,
        );
        await tx.execute(
          sql`update meetings set ${sql.join(sets, sql`, `)}, updated_at = now() where id = ${id}`,
        );
        const pick = (src: (f: (typeof MINUTES_FIELDS)[number]) => unknown) =>
          Object.fromEntries(changed.map((f) => [f, src(f)]));
        await writeAudit(tx, ctx, {
          action: m.status === 'locked' ? 'meeting.amend_locked' : 'meeting.update',
          entityType: 'meeting',
          entityId: id,
          before: pick((f) => m[f]),
          after: { ...pick(next), ...(body.reason ? { reason: body.reason } : {}) },
        });
        return { id };
      });
    },

    async addDiscussion(ctx: RequestContext, id: number, body: CreateDiscussionBody) {
      return writeMeeting(ctx, id, async (tx, m) => {
        if (m.status === 'locked') throw conflict('Biên bản đã khoá: không thể thêm ý kiến phát biểu.');
        let name = body.speakerName ?? '';
        if (body.speakerPersonId !== undefined) {
          const p = await one<{ fullName: string }>(
            tx,
            sql`select trim(p.family_name || ' ' || p.given_name) as "fullName"
            from meeting_attendance a join persons p on p.id = a.person_id
            where a.meeting_id = ${id} and a.person_id = ${body.speakerPersonId}`,
          );
          if (!p) {
            throw invalid(
              `Người có mã ${body.speakerPersonId} không có trong danh sách mời của cuộc họp này.`,
              [{ field: 'body.speakerPersonId' }],
            );
          }
          name = p.fullName;
        }
        const ins = await one<{ id: number }>(
          tx,
          sql`insert into meeting_discussions (meeting_id, speaker_person_id, speaker_name, content, created_at)
          values (${id}, ${body.speakerPersonId ?? null}, ${name}, ${body.content},
            ${clock.now().toISOString()}::timestamptz) returning id`,
        );
        const did = defined(ins, 'discussion').id;
        await writeAudit(tx, ctx, {
          action: 'meeting.discussion',
          entityType: 'meeting',
          entityId: id,
          after: { discussionId: did, speakerPersonId: body.speakerPersonId ?? null, speakerName: name },
        });
        return { id: did };
      });
    },

    async lock(ctx: RequestContext, id: number) {
      return writeMeeting(ctx, id, async (tx, m) => {
        if (m.status !== 'held') {
          throw invalid(
            m.status === 'locked'
              ? 'Biên bản đã được khoá trước đó.'
              : 'Chỉ khoá được biên bản của cuộc họp đã diễn ra (đã điểm danh có người dự).',
          );
        }
        await tx.execute(
          sql`update meetings set status = 'locked', locked_at = ${clock.now().toISOString()}::timestamptz,
            updated_at = now() where id = ${id}`,
        );
        await refreshUnitPeriod(tx, m.unitId, m.periodKey);
        await writeAudit(tx, ctx, {
          action: 'meeting.lock',
          entityType: 'meeting',
          entityId: id,
          before: { status: m.status },
          after: { status: 'locked' },
        });
        return { id };
      });
    },
  };
}
export type MeetingsService = ReturnType<typeof makeMeetingsService>;
