import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../server/db/query';
import { DEMO_PASSWORD } from '../../server/demo/personas';
import { remindMeetingsTomorrow } from '../../server/jobs/meeting-reminders';
import { remindPeriodEnd } from '../../server/jobs/period-end-reminders';
import { startScheduler } from '../../server/jobs/scheduler';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

// 10:00 on 25/11/2026, Vietnam time: the monthly DOAN period 2026-11 ends in 5 days.
let now = new Date('2026-11-25T03:00:00Z');
const clock = { now: () => now };
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: number;
let branchB: number;
let headB: string;
let tomorrowMeeting: number;

const count = async (table: string, where: ReturnType<typeof sql>) =>
  (await one<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`,
  ))!.n;
const db = () => t.database.db;

beforeAll(async () => {
  t = await makeTestApp({ clock });
  r = await refs(t.database.db);
  const [a, b] = await r.branches(r.doanTK);
  branchA = a!.id; // bithu.thachkhe heads it
  branchB = b!.id;
  // A head for branch B, with a phone number (SMS) and no real e-mail.
  const acc = await t.as('admin', 'POST', '/api/accounts', {
    username: 'bithu.chib',
    name: 'Trần Văn Bê',
    password: DEMO_PASSWORD,
  });
  headB = acc.json().id;
  expect(
    (await t.as('admin', 'POST', `/api/accounts/${headB}/grants`, { role: 'branch_head', unitId: branchB }))
      .statusCode,
  ).toBe(201);
  await db().execute(sql`update "user" set phone_number = '0912345678' where id = ${headB}`);
  // Branch A has a meeting tomorrow (so no period-end reminder) and one the day after.
  const planAt = async (scheduledAt: string, kind = 'regular') => {
    const res = await t.as('bithu.thachkhe', 'POST', `/api/units/${branchA}/meetings`, {
      kind,
      scheduledAt,
      mode: 'hybrid',
      place: 'Nhà văn hoá thôn',
      onlineLink: 'https://meet.example.vn/chi-doan',
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  tomorrowMeeting = await planAt('2026-11-26T19:30:00+07:00');
  await planAt('2026-11-27T19:30:00+07:00', 'extraordinary');
});
afterAll(async () => t.close());

describe('period-end reminders', () => {
  it('notifies the head of a branch with no meeting once, across two concurrent runs', async () => {
    const [x, y] = await Promise.all([
      remindPeriodEnd({ db: db(), clock, daysBefore: 7, instance: 'may-1' }),
      remindPeriodEnd({ db: db(), clock, daysBefore: 7, instance: 'may-2' }),
    ]);
    expect([x.ran, y.ran].sort()).toEqual([false, true]);
    expect(await count('job_runs', sql`job = 'period-end-reminders'`)).toBe(1);
    const key = `period:${branchB}:2026-11`;
    expect(await count('notifications', sql`dedupe_key = ${key}`)).toBe(1);
    const note = await one<{ userId: string; body: string; link: string }>(
      db(),
      sql`select user_id as "userId", body, link from notifications where dedupe_key = ${key}`,
    );
    expect(note).toMatchObject({ userId: headB, link: `/units/${branchB}/meetings` });
    expect(note!.body).toContain('Tháng 11/2026');
    expect(note!.body).toContain('30/11/2026 (còn 5 ngày)');
    // The head of branch A, which has a meeting this period, hears nothing.
    const bithu = await r.userId('bithu.thachkhe');
    expect(await count('notifications', sql`user_id = ${bithu}`)).toBe(0);
    // SMS to the phone; no e-mail to the placeholder address.
    expect(await count('outbox', sql`dedupe_key like ${`${key}:%`}`)).toBe(1);
    expect(
      await count('outbox', sql`recipient = '0912345678' and channel = 'sms' and kind = 'period_reminder'`),
    ).toBe(1);
  });

  it('does not repeat the reminder on a later day, nor outside the window', async () => {
    now = new Date('2026-11-26T03:00:00Z');
    const next = await remindPeriodEnd({ db: db(), clock, daysBefore: 7 });
    expect(next).toMatchObject({ ran: true, result: { notifications: 0, outbox: 0 } });
    expect(await count('notifications', sql`user_id = ${headB}`)).toBe(1);
    // Mid-December, the December period ends in more than 7 days.
    now = new Date('2026-12-10T03:00:00Z');
    const early = await remindPeriodEnd({ db: db(), clock, daysBefore: 7 });
    expect(early).toMatchObject({ ran: true, result: { branches: 0, notifications: 0 } });
    now = new Date('2026-11-25T03:00:00Z');
  });
});

describe('day-before-meeting reminders', () => {
  it('reminds every invitee of tomorrow’s meetings once: in the app and by SMS', async () => {
    const [x, y] = await Promise.all([
      remindMeetingsTomorrow({ db: db(), clock, instance: 'may-1' }),
      remindMeetingsTomorrow({ db: db(), clock, instance: 'may-2' }),
    ]);
    expect([x.ran, y.ran].sort()).toEqual([false, true]);
    expect(await count('job_runs', sql`job = 'meeting-reminders'`)).toBe(1);
    const withPhone = await count(
      'meeting_attendance a join persons p on p.id = a.person_id',
      sql`a.meeting_id = ${tomorrowMeeting} and nullif(trim(p.phone), '') is not null`,
    );
    expect(withPhone).toBeGreaterThan(0);
    expect(await count('outbox', sql`kind = 'meeting_reminder'`)).toBe(withPhone);
    expect(await count('outbox', sql`dedupe_key like ${`meeting:${tomorrowMeeting}:%`}`)).toBe(withPhone);
    // Only tomorrow's meeting, not the one the day after.
    expect(
      await count(
        'outbox',
        sql`kind = 'meeting_reminder' and dedupe_key not like ${`meeting:${tomorrowMeeting}:%`}`,
      ),
    ).toBe(0);

    // The member with an account (doanvien.thachkhe is invited to branch A) sees it in the app.
    const inbox = (await t.as('doanvien.thachkhe', 'GET', '/api/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'meeting_reminder', link: `/meetings/${tomorrowMeeting}` });
    expect(inbox.items[0].body).toContain('19:30 26/11/2026 tại Nhà văn hoá thôn (có thể dự trực tuyến)');
  });

  it('a crashed run taken over later adds nothing twice', async () => {
    const before = await count('outbox', sql`true`);
    await db().execute(sql`update job_runs set finished_at = null, started_at = started_at - interval '1 hour'
      where job = 'meeting-reminders'`);
    const retry = await remindMeetingsTomorrow({ db: db(), clock, instance: 'may-3' });
    expect(retry).toMatchObject({ ran: true, result: { notifications: 0, outbox: 0 } });
    expect(await count('outbox', sql`true`)).toBe(before);
    // A run still in progress (not stale) is not taken over.
    await db().execute(sql`update job_runs set finished_at = null where job = 'meeting-reminders'`);
    expect((await remindMeetingsTomorrow({ db: db(), clock, instance: 'may-4' })).ran).toBe(false);
  });

  it('two schedulers on one database send one set', async () => {
    now = new Date('2026-11-26T03:00:00Z');
    const log = { info: () => {}, error: () => {} };
    const opts = { db: db(), clock, log, daysBefore: 7, fromHour: 7, intervalMs: 20, firstDelayMs: 0 };
    const a = startScheduler(opts);
    const b = startScheduler(opts);
    for (
      let i = 0;
      i < 100 && (await count('job_runs', sql`run_key like '2026-11-26%' and finished_at is not null`)) < 3;
      i++
    ) {
      await new Promise((ok) => setTimeout(ok, 50));
    }
    await Promise.all([a.stop(), b.stop()]);
    // One run each of period-end-reminders, meeting-reminders and voice-escalation, whichever instance claimed it.
    expect(await count('job_runs', sql`run_key like '2026-11-26%'`)).toBe(3);
    // 27/11 meeting: one reminder per invitee, whichever instance sent it.
    const invited = await count('meeting_attendance', sql`meeting_id = (select max(id) from meetings)`);
    const sent = await count(
      'outbox',
      sql`kind = 'meeting_reminder' and dedupe_key not like ${`meeting:${tomorrowMeeting}:%`}`,
    );
    expect(sent).toBeLessThanOrEqual(invited);
    expect(sent).toBeGreaterThan(0);
    const doanvien = await r.userId('doanvien.thachkhe');
    expect(await count('notifications', sql`user_id = ${doanvien}`)).toBe(2);
  });
});

describe('notifications', () => {
  it('lists only the reader’s own, marks one and all read, and hides others’', async () => {
    const mine = (await t.as('bithu.chib', 'GET', '/api/notifications', undefined)).json();
    expect(mine.items.length).toBe(1);
    const id = mine.items[0].id as number;
    expect((await t.as('doanvien.thachkhe', 'POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    const read = await t.as('bithu.chib', 'POST', `/api/notifications/${id}/read`);
    expect(read.json()).toEqual({ unread: 0 });
    const list = (await t.as('doanvien.thachkhe', 'GET', '/api/notifications?pageSize=1')).json();
    expect(list).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 1 });
    expect(list.items[0].link).not.toBe(`/meetings/${tomorrowMeeting}`); // newest first
    expect((await t.as('doanvien.thachkhe', 'POST', '/api/notifications/read-all')).json()).toEqual({
      unread: 0,
    });
    const after = (await t.as('doanvien.thachkhe', 'GET', '/api/notifications?unreadOnly=true')).json();
    expect(after).toMatchObject({ total: 0, unread: 0, items: [] });
    expect(await count('notifications', sql`user_id = ${headB} and read_at is not null`)).toBe(1);
  });
});
