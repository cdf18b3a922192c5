/**
 * A roll-call saved from a view loaded before members checked themselves in: resending the rows as they were
 * loaded keeps the newer self check-ins; a row the head did change is still written; a check-in the view
 * already showed is not protected; and a save without loadedAt (the web roll-call, which sends only its
 * edited rows) writes every entry as before.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import { givePhones, phoneSignIn, withCookie } from '../helpers/phone';

const T = Date.parse('2026-11-12T12:30:00Z'); // 19:30 in Vietnam
const MIN = 60_000;
let nowMs = Date.parse('2026-11-10T03:00:00Z');
let t: TestApp;
let meeting: number;
let code: string;
let members: { personId: number; cookie: string }[];

interface Row {
  personId: number;
  status: string;
}
const HEAD = 'bithu.thachkhe';
const detail = async () => (await t.as(HEAD, 'GET', `/api/meetings/${meeting}`)).json();
const save = (body: object) => t.as(HEAD, 'PUT', `/api/meetings/${meeting}/attendance`, body);
const checkIn = async (i: number) => {
  const res = await withCookie(t, members[i]!.cookie, 'POST', '/api/checkin', { code, mode: 'present' });
  expect(res.statusCode).toBe(200);
};
const attendanceOf = (i: number) =>
  one<{ status: string; source: string | null }>(
    t.database.db,
    sql`select status, source from meeting_attendance where meeting_id = ${meeting} and person_id = ${members[i]!.personId}`,
  );
/** Every row of a loaded view sent back as it was, with `was` and loadedAt: what a full resend does. */
const resend = (view: { attendance: Row[]; loadedAt: string }, changes: Record<number, string> = {}) => ({
  loadedAt: view.loadedAt,
  entries: view.attendance.map((r) => ({
    personId: r.personId,
    status: changes[r.personId] ?? r.status,
    was: r.status,
  })),
});

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => new Date(nowMs) } });
  const r = await refs(t.database.db);
  const [a] = await r.branches(r.doanTK);
  const res = await t.as(HEAD, 'POST', `/api/units/${a!.id}/meetings`, {
    kind: 'regular',
    scheduledAt: new Date(T).toISOString(),
    mode: 'in_person',
    place: 'Nhà văn hoá thôn',
  });
  expect(res.statusCode).toBe(201);
  meeting = res.json().id;
  code = (await t.as(HEAD, 'GET', `/api/meetings/${meeting}/checkin`)).json().window.code;
  members = [];
  for (const p of await givePhones(t, a!.id, 4, '0915')) {
    members.push({ personId: p.personId, cookie: await phoneSignIn(t, p.phone) });
  }
});
afterAll(async () => t.close());

describe('roll-call saved from a stale view', () => {
  it('keeps a self check-in made after the view was loaded when its row comes back unchanged', async () => {
    nowMs = T - 5 * MIN;
    const view = await detail();
    expect(view.loadedAt).toBe(new Date(nowMs).toISOString());
    expect(view.attendance.find((r: Row) => r.personId === members[0]!.personId).status).toBe('unknown');

    nowMs = T + 10 * MIN;
    await checkIn(0);
    // The head marks member 1 present on the old view and saves every row.
    const res = await save(resend(view, { [members[1]!.personId]: 'present' }));
    expect(res.statusCode).toBe(200);
    expect(await attendanceOf(0)).toEqual({ status: 'present', source: 'self' });
    expect(await attendanceOf(1)).toMatchObject({ status: 'present' });
    expect(res.json().kept).toEqual([members[0]!.personId]);
    expect(res.json().counts).toMatchObject({ present: 2, invited: view.attendance.length });
    const after = await detail();
    expect(after.meeting.status).toBe('held');
  });

  it('writes a row the head did change, even over a newer self check-in', async () => {
    nowMs = T + 12 * MIN;
    const view = await detail();
    nowMs = T + 15 * MIN;
    await checkIn(2);
    const res = await save(resend(view, { [members[2]!.personId]: 'absent_unexcused' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().kept).toEqual([]);
    expect(await attendanceOf(2)).toMatchObject({ status: 'absent_unexcused' });
    // Member 0's check-in, which this view had loaded, comes back as it was.
    expect(await attendanceOf(0)).toEqual({ status: 'present', source: 'self' });
  });

  it('does not protect a check-in the view had already loaded', async () => {
    nowMs = T + 20 * MIN;
    const view = await detail();
    expect(view.attendance.find((r: Row) => r.personId === members[0]!.personId).status).toBe('present');
    nowMs = T + 25 * MIN;
    const res = await save({
      loadedAt: view.loadedAt,
      entries: [{ personId: members[0]!.personId, status: 'online' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().kept).toEqual([]);
    expect(await attendanceOf(0)).toMatchObject({ status: 'online' });
  });

  it('writes every entry of a save without loadedAt, as the web roll-call sends its edited rows', async () => {
    nowMs = T + 30 * MIN;
    await checkIn(3);
    const res = await save({
      entries: [{ personId: members[3]!.personId, status: 'absent_excused', reason: 'Ốm' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().kept).toEqual([]);
    expect(await attendanceOf(3)).toMatchObject({ status: 'absent_excused' });
  });
});
