import { sql } from 'drizzle-orm';
import type { CheckinBody, CheckinResult } from '../../../contracts/checkin';
import type { Db } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, forbidden, invalid } from '../../lib/errors';
import { vnTime, vnTimeOnDay } from '../../lib/vn-time';
import { lockUnit, refreshMeetingCounts, refreshUnitPeriod } from '../meetings/meetings.repo';
import { type CodeMatch, lockAttendance, markSelfCheckin, windowsWithCode } from './checkin.repo';

const ATTENDED = new Set(['present', 'online']);
const MODE_LABEL = { present: 'có mặt', online: 'trực tuyến' } as const;

const isOpen = (w: CodeMatch, now: Date) => w.opensAt <= now && now < w.closesAt;

/**
 * Which of the windows with the typed code the person checks in to, or the refusal that explains best why
 * not: a window open now that invites them; else one of theirs yet to open; else one of theirs already
 * closed (expired); else someone else's window not yet closed (not invited); else any closed one (a past
 * meeting's code: expired); else a wrong code.
 */
function pick(matches: CodeMatch[], now: Date): CodeMatch {
  const mine = matches.filter((w) => w.attendance !== null);
  const open = mine.find((w) => isOpen(w, now));
  if (open) return open;
  const later = mine.filter((w) => w.opensAt > now).sort((a, b) => +a.opensAt - +b.opensAt)[0];
  if (later) {
    throw invalid(
      `Điểm danh cho buổi sinh hoạt của ${later.unitName} chưa mở: mở lúc ${vnTimeOnDay(later.opensAt)}. Hãy quay lại khi đó.`,
      [{ field: 'body.code' }],
    );
  }
  const expired = (w: CodeMatch) =>
    invalid(
      `Mã đã hết hạn: buổi sinh hoạt của ${w.unitName} đã đóng điểm danh lúc ${vnTimeOnDay(w.closesAt)}. Nếu bạn có dự, hãy báo bí thư/chi hội trưởng ghi nhận.`,
      [{ field: 'body.code' }],
    );
  // What is left of the person's own windows is closed.
  if (mine[0]) throw expired(mine[0]);
  if (matches.some((w) => w.closesAt > now)) {
    throw forbidden(
      'Bạn không có trong danh sách triệu tập của buổi sinh hoạt có mã này. Hãy kiểm tra lại mã, hoặc báo bí thư/chi hội trưởng nếu bạn thuộc chi này.',
    );
  }
  if (matches[0]) throw expired(matches[0]);
  throw invalid(
    'Mã điểm danh không đúng. Hãy kiểm tra 6 chữ số trên màn hình hoặc quét lại mã QR của buổi sinh hoạt.',
    [{ field: 'body.code' }],
  );
}

const answer = (w: CodeMatch, status: 'present' | 'online', at: Date): CheckinResult => ({
  meetingId: w.meetingId,
  unitName: w.unitName,
  scheduledAt: w.scheduledAt.toISOString(),
  status,
  checkedInAt: at.toISOString(),
  message: `Bạn đã điểm danh (${MODE_LABEL[status]}) lúc ${vnTime(at)}.`,
});

/**
 * A member checks themselves in with a meeting's code. Safe to call many times and concurrently: under the
 * unit lock the first call marks the attendance, refreshes meeting_counts and unit_period_compliance, marks
 * the meeting held and writes the audit row; every repeat answers the same without writing anything.
 * A roll-call mark of absent is overwritten (the member is there while the window is open); a present or
 * online mark already recorded stays as it is. Refusals write nothing.
 *
 * The benchmark calls it directly: ctx.actor.personId is the person checking in, ctx.actor.userId/name go
 * to the audit row.
 */
export async function selfCheckIn(
  db: Db,
  clock: Clock,
  ctx: RequestContext,
  body: CheckinBody,
): Promise<CheckinResult> {
  const personId = ctx.actor.personId;
  if (personId === null) {
    throw forbidden(
      'Tài khoản này không gắn với đoàn viên/hội viên nào nên không tự điểm danh được. Hãy đăng nhập bằng số điện thoại của bạn.',
    );
  }
  const chosen = pick(await windowsWithCode(db, body.code, personId), clock.now());
  return db.transaction(async (tx) => {
    await lockUnit(tx, chosen.unitId);
    // Re-read under the lock: the window may have been closed or the minutes locked meanwhile.
    const now = clock.now();
    const fresh = (await windowsWithCode(tx, body.code, personId)).find(
      (w) => w.meetingId === chosen.meetingId,
    );
    const w = fresh && isOpen(fresh, now) ? fresh : pick(fresh ? [fresh] : [], now);
    const own = await lockAttendance(tx, w.meetingId, personId);
    if (own && ATTENDED.has(own.status)) {
      return answer(w, own.status as 'present' | 'online', new Date(own.checkedInAt ?? own.updatedAt));
    }
    if (w.meetingStatus === 'locked') {
      throw conflict(
        'Biên bản buổi sinh hoạt đã khoá nên không tự điểm danh được nữa. Hãy báo bí thư/chi hội trưởng.',
      );
    }
    await markSelfCheckin(tx, w.meetingId, personId, body.mode, now);
    const counts = await refreshMeetingCounts(tx, w.meetingId);
    if (w.meetingStatus === 'planned') {
      await tx.execute(
        sql`update meetings set status = 'held', updated_at = now() where id = ${w.meetingId}`,
      );
    }
    await refreshUnitPeriod(tx, w.unitId, w.periodKey);
    await writeAudit(tx, ctx, {
      action: 'meeting.checkin',
      entityType: 'meeting',
      entityId: w.meetingId,
      before: { personId, status: own?.status ?? null },
      after: { personId, status: body.mode, source: 'self', counts },
    });
    return answer(w, body.mode, now);
  });
}
