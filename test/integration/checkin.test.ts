/**
 * Member self check-in: a window with a 6-digit code is created when a meeting is planned; members signed in
 * by phone check in while it is open. Repeats and concurrent retries never double count; wrong, expired,
 * reused and not-yet-open codes, strangers and locked minutes are refused with nothing written.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import { givePhones, phoneSignIn, withCookie } from '../helpers/phone';

const T = Date.parse('2026-11-12T12:30:00Z'); // 19:30 in Vietnam
const MIN = 60_000;
let nowMs = Date.parse('2026-11-10T03:00:00Z');
let t: TestApp;
let branchA: number;
let meeting: number;
let code: string;
/** members of branch A signed in by phone; the last one is from branch B */
let members: { personId: number; cookie: string }[];
let stranger: { personId: number; cookie: string };

const checkin = (i: number, body: object) => withCookie(t, members[i]!.cookie, 'POST', '/api/checkin', body);
const count = async (table: string, where: SQL) =>
  (await one<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`,
  ))!.n;
const attendanceOf = (m: number, personId: number) =>
  one<{ status: string; source: string | null }>(
    t.database.db,
    sql`select status, source from meeting_attendance where meeting_id = ${m} and person_id = ${personId}`,
  );
const panel = async (m: number) => (await t.as('bithu.thachkhe', 'GET', `/api/meetings/${m}/checkin`)).json();
const plan = async (at: number) => {
  const res = await t.as('bithu.thachkhe', 'POST', `/api/units/${branchA}/meetings`, {
    kind: 'regular',
    scheduledAt: new Date(at).toISOString(),
    mode: 'hybrid',
    onlineLink: 'https://meet.example.org/chi-doan',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
};

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => new Date(nowMs) } });
  const r = await refs(t.database.db);
  const [a, b] = await r.branches(r.doanTK);
  branchA = a!.id;
  meeting = await plan(T);
  const phonesA = await givePhones(t, branchA, 13, '0913');
  const [phoneB] = await givePhones(t, b!.id, 1, '0914');
  members = [];
  for (const p of phonesA) members.push({ personId: p.personId, cookie: await phoneSignIn(t, p.phone) });
  stranger = { personId: phoneB!.personId, cookie: await phoneSignIn(t, phoneB!.phone) };
  code = (await panel(meeting)).window.code;
});
afterAll(async () => t.close());

describe('check-in window', () => {
  it('is created with the meeting: a code, a QR of the check-in address and the default window', async () => {
    const p = await panel(meeting);
    expect(p.window).toMatchObject({
      opensAt: new Date(T - 30 * MIN).toISOString(),
      closesAt: new Date(T + 240 * MIN).toISOString(),
      state: 'not_open',
      url: `http://localhost:3000/diem-danh?ma=${p.window.code}`,
    });
    expect(p.window.code).toMatch(/^\d{6}$/);
    expect(p.window.qrSvg).toMatch(/^<svg[^>]*>/);
    expect(p).toMatchObject({ meetingStatus: 'planned', attended: 0, selfCheckins: 0 });
    expect((await t.as('doan.camxuyen', 'GET', `/api/meetings/${meeting}/checkin`)).statusCode).toBe(404);
  });

  it('refuses before the window opens, saying when it opens, and writes nothing', async () => {
    nowMs = T - 60 * MIN;
    const res = await checkin(0, { code, mode: 'present' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/chưa mở: mở lúc 19:00 ngày 12\/11\/2026/);
    expect((await attendanceOf(meeting, members[0]!.personId))?.status).toBe('unknown');
    expect(await count('audit_log', sql`action = 'meeting.checkin'`)).toBe(0);
    // The branch head records one member absent before the meeting.
    const roll = await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${meeting}/attendance`, {
      entries: [{ personId: members[11]!.personId, status: 'absent_unexcused' }],
    });
    expect(roll.statusCode).toBe(200);
  });
});

describe('self check-in', () => {
  it('counts 20 concurrent check-ins of one member and 10 others exactly once each', async () => {
    nowMs = T + 10 * MIN;
    const same = Array.from({ length: 20 }, () => checkin(0, { code, mode: 'present' }));
    const others = Array.from({ length: 10 }, (_, i) =>
      checkin(i + 1, { code, mode: i % 2 === 0 ? 'present' : 'online' }),
    );
    const answers = await Promise.all([...same, ...others]);
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    const first = answers[0]!.json();
    expect(first).toMatchObject({
      meetingId: meeting,
      status: 'present',
      message: 'Bạn đã điểm danh (có mặt) lúc 19:40.',
    });
    for (const a of answers.slice(0, 20)) expect(a.json()).toEqual(first);

    const ids = members.slice(0, 11).map((m) => m.personId);
    const inIds = sql`meeting_id = ${meeting} and person_id = any(${`{${ids.join(',')}}`}::int[])`;
    expect(await count('meeting_attendance', inIds)).toBe(11);
    expect(
      await count('meeting_attendance', sql`${inIds} and source = 'self' and checked_in_at is not null`),
    ).toBe(11);
    expect(await count('audit_log', sql`action = 'meeting.checkin' and entity_id = ${String(meeting)}`)).toBe(
      11,
    );
    const counts = await one(
      t.database.db,
      sql`select present, online, absent_unexcused as absent from meeting_counts where meeting_id = ${meeting}`,
    );
    expect(counts).toEqual({ present: 6, online: 5, absent: 1 });
    const agg = await one(
      t.database.db,
      sql`select held, attended_sum as attended from unit_period_compliance where unit_id = ${branchA} and period_key = '2026-11'`,
    );
    expect(agg).toEqual({ held: 1, attended: 11 });
    expect((await panel(meeting)).meetingStatus).toBe('held');
  });

  it('answers a repeat the same, even with the other mode, and writes nothing', async () => {
    const audits = await count('audit_log', sql`action = 'meeting.checkin'`);
    const again = await checkin(0, { code: ` ${code.slice(0, 3)} ${code.slice(3)} `, mode: 'online' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      status: 'present',
      message: 'Bạn đã điểm danh (có mặt) lúc 19:40.',
    });
    expect(await count('audit_log', sql`action = 'meeting.checkin'`)).toBe(audits);
  });

  it('lets a member the branch head marked absent check in while the window is open', async () => {
    nowMs = T + 20 * MIN;
    const res = await checkin(11, { code, mode: 'present' });
    expect(res.statusCode).toBe(200);
    expect(await attendanceOf(meeting, members[11]!.personId)).toEqual({ status: 'present', source: 'self' });
    expect(await panel(meeting)).toMatchObject({ attended: 12, selfCheckins: 12 });
  });

  it('refuses a wrong code, a stranger and accounts without a person', async () => {
    const taken = new Set(
      (await rows<{ code: string }>(t.database.db, sql`select code from meeting_checkins`)).map(
        (r) => r.code,
      ),
    );
    const wrong = ['000000', '111111', '222222'].find((c) => !taken.has(c))!;
    const bad = await checkin(12, { code: wrong, mode: 'present' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^Mã điểm danh không đúng/);
    expect((await checkin(12, { code: '12a456', mode: 'present' })).statusCode).toBe(400);
    const notInvited = await withCookie(t, stranger.cookie, 'POST', '/api/checkin', {
      code,
      mode: 'present',
    });
    expect(notInvited.statusCode).toBe(403);
    expect(notInvited.json().error.message).toMatch(/không có trong danh sách triệu tập/);
    expect(await attendanceOf(meeting, stranger.personId)).toBeUndefined();
    expect((await t.as('bithu.thachkhe', 'POST', '/api/checkin', { code, mode: 'present' })).statusCode).toBe(
      403,
    );
    expect((await t.as('admin', 'POST', '/api/checkin', { code, mode: 'present' })).statusCode).toBe(403);
    expect((await t.as(null, 'POST', '/api/checkin', { code, mode: 'present' })).statusCode).toBe(401);
    expect((await attendanceOf(meeting, members[12]!.personId))?.status).toBe('unknown');
  });

  it('closes, refuses the expired code, and reopens with a fresh code', async () => {
    const closed = await t.as('bithu.thachkhe', 'POST', `/api/meetings/${meeting}/checkin/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().window).toMatchObject({ state: 'closed', closesAt: new Date(nowMs).toISOString() });
    const late = await checkin(12, { code, mode: 'present' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toMatch(
      /^Mã đã hết hạn: .* đã đóng điểm danh lúc 19:50 ngày 12\/11\/2026/,
    );
    expect((await attendanceOf(meeting, members[12]!.personId))?.status).toBe('unknown');

    const reopened = await t.as('bithu.thachkhe', 'POST', `/api/meetings/${meeting}/checkin/open`, {
      minutes: 30,
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().window).toMatchObject({
      state: 'open',
      opensAt: new Date(nowMs).toISOString(),
      closesAt: new Date(nowMs + 30 * MIN).toISOString(),
    });
    const renewed = await t.as('bithu.thachkhe', 'POST', `/api/meetings/${meeting}/checkin/open`, {
      newCode: true,
    });
    expect(renewed.json().window.closesAt).toBe(reopened.json().window.closesAt);
    code = renewed.json().window.code;
    expect((await checkin(12, { code, mode: 'online' })).statusCode).toBe(200);
    expect(
      await count(
        'audit_log',
        sql`action in ('meeting.checkin_open', 'meeting.checkin_close') and entity_id = ${String(meeting)}`,
      ),
    ).toBe(3);
    expect(
      (await t.as('bithu.thachkhe', 'POST', `/api/meetings/${meeting}/checkin/open`, {})).statusCode,
    ).toBe(400);
  });

  it('refuses a past meeting code, and checks in to the new meeting that reuses it', async () => {
    const later = T + 2 * 86_400_000;
    const second = await plan(later);
    nowMs = later + 5 * MIN;
    const old = await checkin(0, { code, mode: 'present' });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.message).toMatch(/^Mã đã hết hạn/);
    // Codes are unique among windows not yet closed only: the closed meeting's code may come back.
    await t.database.db.execute(sql`update meeting_checkins set code = ${code} where meeting_id = ${second}`);
    const res = await checkin(0, { code, mode: 'present' });
    expect(res.statusCode).toBe(200);
    expect(res.json().meetingId).toBe(second);

    const mine = (await withCookie(t, members[0]!.cookie, 'GET', '/api/me/meetings')).json();
    expect(mine.upcoming).toEqual([
      expect.objectContaining({ id: second, attendance: 'present', checkinOpen: true, mode: 'hybrid' }),
    ]);
    expect(mine.recent).toEqual([expect.objectContaining({ id: meeting, attendance: 'present' })]);
    expect(JSON.stringify(mine)).not.toContain(`"code"`);

    // Locked minutes: no new check-in, a repeat still answers, no reopening.
    expect((await t.as('bithu.thachkhe', 'POST', `/api/meetings/${second}/lock`)).statusCode).toBe(200);
    const locked = await checkin(1, { code, mode: 'present' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toMatch(/đã khoá/);
    expect((await attendanceOf(second, members[1]!.personId))?.status).toBe('unknown');
    expect((await checkin(0, { code, mode: 'present' })).statusCode).toBe(200);
    expect(
      (await t.as('bithu.thachkhe', 'POST', `/api/meetings/${second}/checkin/open`, { minutes: 10 }))
        .statusCode,
    ).toBe(409);
  });
});
