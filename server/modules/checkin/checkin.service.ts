import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type {
  CheckinBody,
  CheckinInfo,
  MyMeeting,
  MyMeetings,
  OpenCheckinBody,
} from '../../../contracts/checkin';
import type { Db, DbOrTx } from '../../db/client';
import { one } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, defined, invalid, notFound } from '../../lib/errors';
import { assertCan } from '../../policy/policy';
import { findMeeting, lockUnit, type MeetingRow } from '../meetings/meetings.repo';
import { findUnit } from '../units/units.repo';
import {
  CLOSES_AFTER_MINUTES,
  checkinCounts,
  findWindow,
  freshCode,
  type MyMeetingRow,
  meetingsOfPerson,
  OPENS_BEFORE_MINUTES,
  saveWindow,
  type WindowRow,
} from './checkin.repo';
import { selfCheckIn } from './self-checkin';

const MEETING = 'Cuộc họp';
const MINUTE = 60_000;
/** "Cuộc họp của tôi" lists meetings from this many days back. */
const RECENT_DAYS = 180;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function stateOf(w: WindowRow, now: Date) {
  if (now < w.opensAt) return 'not_open' as const;
  return now < w.closesAt ? ('open' as const) : ('closed' as const);
}

function myMeeting(r: MyMeetingRow, now: Date): MyMeeting {
  const opens = r.opensAt === null ? null : new Date(r.opensAt);
  const closes = r.closesAt === null ? null : new Date(r.closesAt);
  return {
    id: r.id,
    unitName: r.unitName,
    kind: r.kind,
    scheduledAt: new Date(r.scheduledAt).toISOString(),
    place: r.place,
    mode: r.mode,
    onlineLink: r.onlineLink,
    meetingStatus: r.meetingStatus,
    attendance: r.attendance,
    checkedInAt: iso(r.checkedInAt),
    checkinOpensAt: iso(opens),
    checkinClosesAt: iso(closes),
    checkinOpen: !!opens && !!closes && opens <= now && now < closes && r.meetingStatus !== 'locked',
  };
}

/** Self check-in windows of meetings (for branch heads) and members' own check-ins and meetings. */
export function makeCheckinService({ db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) {
  const base = publicUrl.replace(/\/+$/, '');

  /** The meeting, when the actor may manage it; 404 when they cannot even read it. */
  async function meetingFor(ctx: RequestContext, id: number) {
    const m = await findMeeting(db, id);
    const unit = m ? await findUnit(db, m.unitId) : undefined;
    if (!m || !unit) throw notFound(MEETING);
    assertCan(ctx.actor, 'meeting.write', unit, MEETING);
    return { m, unit };
  }

  async function info(d: DbOrTx, m: MeetingRow): Promise<CheckinInfo> {
    const w = await findWindow(d, m.id);
    const counts = await checkinCounts(d, m.id);
    let window: CheckinInfo['window'] = null;
    if (w) {
      const url = `${base}/diem-danh?ma=${w.code}`;
      window = {
        code: w.code,
        opensAt: w.opensAt.toISOString(),
        closesAt: w.closesAt.toISOString(),
        // Locked minutes take no more check-ins, whatever the window says.
        state: m.status === 'locked' ? 'closed' : stateOf(w, clock.now()),
        url,
        qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      };
    }
    return { meetingId: m.id, meetingStatus: m.status, window, ...counts };
  }

  /** Runs a window change under the unit lock, on a fresh copy of the meeting; refuses locked minutes. */
  async function writeWindow(
    ctx: RequestContext,
    id: number,
    fn: (tx: DbOrTx, m: MeetingRow, w: WindowRow | undefined, now: Date) => Promise<void>,
  ): Promise<CheckinInfo> {
    const { unit } = await meetingFor(ctx, id);
    return db.transaction(async (tx) => {
      await lockUnit(tx, unit.id);
      const m = defined(await findMeeting(tx, id), 'meeting');
      if (m.status === 'locked') {
        throw conflict('Biên bản đã khoá: không thể mở hay đóng điểm danh của buổi sinh hoạt này.');
      }
      await fn(tx, m, await findWindow(tx, id), clock.now());
      return info(tx, m);
    });
  }

  return {
    async get(ctx: RequestContext, id: number): Promise<CheckinInfo> {
      const { m } = await meetingFor(ctx, id);
      return info(db, m);
    },

    /** Opens the window now for N minutes, and/or gives it a new code. */
    async open(ctx: RequestContext, id: number, body: OpenCheckinBody): Promise<CheckinInfo> {
      return writeWindow(ctx, id, async (tx, m, before, now) => {
        const scheduled = new Date(m.scheduledAt).getTime();
        const next: WindowRow = body.minutes
          ? {
              meetingId: id,
              code: '',
              opensAt: now,
              closesAt: new Date(now.getTime() + body.minutes * MINUTE),
            }
          : (before ?? {
              meetingId: id,
              code: '',
              opensAt: new Date(scheduled - OPENS_BEFORE_MINUTES * MINUTE),
              closesAt: new Date(scheduled + CLOSES_AFTER_MINUTES * MINUTE),
            });
        if (next.closesAt <= now) {
          throw invalid('Giờ điểm danh đã qua: hãy chọn số phút để mở lại điểm danh từ bây giờ.', [
            { field: 'body.minutes' },
          ]);
        }
        // A closed window's old code may belong to another meeting by now: reopening takes a fresh one.
        const keep = before && !body.newCode && before.closesAt > now;
        const code = keep ? before.code : await freshCode(tx, now);
        await saveWindow(tx, { ...next, meetingId: id, code }, ctx.actor.userId);
        await writeAudit(tx, ctx, {
          action: 'meeting.checkin_open',
          entityType: 'meeting',
          entityId: id,
          before: before ?? null,
          after: { code, opensAt: next.opensAt, closesAt: next.closesAt },
        });
      });
    },

    /** Closes the window now; closing a closed (or missing) window changes nothing. */
    async close(ctx: RequestContext, id: number): Promise<CheckinInfo> {
      return writeWindow(ctx, id, async (tx, _m, before, now) => {
        if (!before || before.closesAt <= now) return;
        const opensAt = before.opensAt < now ? before.opensAt : new Date(now.getTime() - 1000);
        await saveWindow(tx, { ...before, opensAt, closesAt: now }, ctx.actor.userId);
        await writeAudit(tx, ctx, {
          action: 'meeting.checkin_close',
          entityType: 'meeting',
          entityId: id,
          before,
          after: { opensAt, closesAt: now },
        });
      });
    },

    checkIn(ctx: RequestContext, body: CheckinBody) {
      assertCan(ctx.actor, 'meeting.checkin');
      return selfCheckIn(db, clock, ctx, body);
    },

    /** The signed-in member's meetings: upcoming (soonest first) and recent (latest first). */
    async myMeetings(ctx: RequestContext): Promise<MyMeetings> {
      const personId = ctx.actor.personId;
      if (personId === null) return { linked: false, personName: null, upcoming: [], recent: [] };
      const now = clock.now();
      const person = await one<{ name: string }>(
        db,
        sql`select trim(family_name || ' ' || given_name) as name from persons where id = ${personId}`,
      );
      const list = (
        await meetingsOfPerson(db, personId, new Date(now.getTime() - RECENT_DAYS * 86_400_000))
      ).map((r) => myMeeting(r, now));
      // A meeting stays "upcoming" while its check-in can still happen (or, without a window, until it ends).
      const current = (x: MyMeeting) =>
        new Date(x.checkinClosesAt ?? new Date(x.scheduledAt).getTime() + CLOSES_AFTER_MINUTES * MINUTE) >
        now;
      return {
        linked: true,
        personName: person?.name ?? null,
        upcoming: list.filter(current).reverse(),
        recent: list.filter((x) => !current(x)).slice(0, 20),
      };
    },
  };
}
export type CheckinService = ReturnType<typeof makeCheckinService>;
