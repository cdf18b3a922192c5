import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: number;
let branchB: number;
beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  const [a, b] = await r.branches(r.doanTK);
  branchA = a!.id;
  branchB = b!.id;
});
afterAll(async () => t.close());

const plan = (unitId: number, body: Record<string, unknown> = {}, who = 'bithu.thachkhe') =>
  t.as(who, 'POST', `/api/units/${unitId}/meetings`, {
    kind: 'regular',
    scheduledAt: '2026-11-05T19:30:00+07:00',
    mode: 'in_person',
    place: 'Nhà văn hoá thôn',
    ...body,
  });
const detail = async (id: number, who = 'bithu.thachkhe') =>
  (await t.as(who, 'GET', `/api/meetings/${id}`)).json();
const count = async (table: string, where = sql`true`) =>
  (await one<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`,
  ))!.n;

describe('a meeting from plan to locked minutes', () => {
  it('plans, rolls call, records a discussion, locks, and audits an amendment', async () => {
    const created = await plan(branchA);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;

    const d = await detail(id);
    expect(d.meeting).toMatchObject({
      unitId: branchA,
      periodKey: '2026-11',
      periodLabel: 'Tháng 11/2026',
      status: 'planned',
      mode: 'in_person',
      scheduledAt: '2026-11-05T12:30:00.000Z',
    });
    expect(d.abilities).toEqual({ edit: true, rollcall: true, lock: false });
    const members = await count(
      'memberships',
      sql`unit_id = ${branchA} and status in ('active', 'transferring')`,
    );
    expect(d.attendance.length).toBe(members);
    expect(d.meeting.invited).toBe(members);
    expect(d.attendance.every((a: { status: string }) => a.status === 'unknown')).toBe(true);
    // Vietnamese order: by the persons' sort keys.
    const keys = await rows<{ id: number }>(
      t.database.db,
      sql`select p.id from meeting_attendance a join persons p on p.id = a.person_id
      where a.meeting_id = ${id} order by p.sort_key collate "C", p.id`,
    );
    expect(d.attendance.map((a: { personId: number }) => a.personId)).toEqual(keys.map((k) => k.id));

    const [p1, p2, p3, p4] = d.attendance.map((a: { personId: number }) => a.personId);
    const roll = await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${id}/attendance`, {
      entries: [
        { personId: p1, status: 'present' },
        { personId: p2, status: 'online' },
        { personId: p3, status: 'absent_excused', reason: 'Ốm' },
        { personId: p4, status: 'absent_unexcused' },
      ],
    });
    expect(roll.statusCode).toBe(200);
    expect(roll.json().counts).toEqual({
      invited: members,
      present: 1,
      online: 1,
      absentExcused: 1,
      absentUnexcused: 1,
    });
    const held = await detail(id);
    expect(held.meeting).toMatchObject({ status: 'held', attendanceRate: 2 / members });
    expect(held.abilities.lock).toBe(true);
    const agg = await one<Record<string, number>>(
      t.database.db,
      sql`select held, meetings, invited_sum as "invitedSum", attended_sum as "attendedSum"
      from unit_period_compliance where unit_id = ${branchA} and period_key = '2026-11'`,
    );
    expect(agg).toEqual({ held: 1, meetings: 1, invitedSum: members, attendedSum: 2 });

    const said = await t.as('bithu.thachkhe', 'POST', `/api/meetings/${id}/discussions`, {
      speakerPersonId: p1,
      content: 'Đề nghị tổ chức sân chơi cho thiếu nhi.',
    });
    expect(said.statusCode).toBe(201);
    const minutes = await t.as('bithu.thachkhe', 'PATCH', `/api/meetings/${id}`, {
      chair: 'Hoàng Minh Tuấn',
      content: 'Quán triệt nghị quyết.',
      startedAt: '2026-11-05T19:30:00+07:00',
      endedAt: '2026-11-05T21:00:00+07:00',
    });
    expect(minutes.statusCode).toBe(200);

    expect((await t.as('bithu.thachkhe', 'POST', `/api/meetings/${id}/lock`)).statusCode).toBe(200);
    const locked = await detail(id);
    expect(locked.meeting).toMatchObject({ status: 'locked', chair: 'Hoàng Minh Tuấn' });
    expect(locked.meeting.lockedAt).not.toBeNull();
    expect(locked.abilities).toEqual({ edit: true, rollcall: false, lock: false });
    expect(locked.discussions).toEqual([
      expect.objectContaining({ speakerPersonId: p1, speakerName: d.attendance[0].fullName }),
    ]);

    const noReason = await t.as('bithu.thachkhe', 'PATCH', `/api/meetings/${id}`, { decisions: 'Sửa' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('Biên bản đã khoá: cần nêu lý do sửa');
    expect((await detail(id)).meeting.decisions).toBeNull();
    const amended = await t.as('bithu.thachkhe', 'PATCH', `/api/meetings/${id}`, {
      decisions: 'Thống nhất 100%',
      reason: 'Bổ sung kết luận bị sót',
    });
    expect(amended.statusCode).toBe(200);
    const audit = await one<{ after: { reason: string; decisions: string } }>(
      t.database.db,
      sql`select after from audit_log where action = 'meeting.amend_locked' and entity_id = ${String(id)}`,
    );
    expect(audit?.after).toMatchObject({ reason: 'Bổ sung kết luận bị sót', decisions: 'Thống nhất 100%' });

    const again = await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${id}/attendance`, {
      entries: [{ personId: p4, status: 'present' }],
    });
    expect(again.statusCode).toBe(409);
    expect((await t.as('bithu.thachkhe', 'POST', `/api/meetings/${id}/lock`)).statusCode).toBe(400);
    expect((await detail(id)).meeting.absentUnexcused).toBe(1);

    const list = (await t.as('doan.thachkhe', 'GET', `/api/units/${r.doanTK}/meetings?year=2026`)).json();
    expect(list.items.map((m: { id: number }) => m.id)).toContain(id);
    expect(list.items.find((m: { id: number }) => m.id === id)).toMatchObject({
      status: 'locked',
      present: 1,
    });
  });
});

describe('bad input is refused with nothing written', () => {
  it('refuses strangers, missing reasons, links and closed periods', async () => {
    const id = (await plan(branchA, { scheduledAt: '2026-11-20T08:00:00+07:00' })).json().id as number;
    const d = await detail(id);
    const p1 = d.attendance[0].personId as number;
    const stranger = await r.personIn(r.doanCX);
    const audits = await count('audit_log');

    const mixed = await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${id}/attendance`, {
      entries: [
        { personId: p1, status: 'present' },
        { personId: stranger, status: 'present' },
      ],
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toContain(String(stranger));
    const noReason = await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${id}/attendance`, {
      entries: [{ personId: p1, status: 'absent_excused' }],
    });
    expect(noReason.statusCode).toBe(400);
    const after = await detail(id);
    expect(after.meeting).toMatchObject({ status: 'planned', present: 0 });
    expect(after.attendance.every((a: { status: string }) => a.status === 'unknown')).toBe(true);

    const meetings = await count('meetings');
    const online = await plan(branchA, { mode: 'online' });
    expect(online.statusCode).toBe(400);
    expect((await plan(branchA, { mode: 'hybrid', onlineLink: 'ftp://x.vn/a' })).statusCode).toBe(400);
    const closed = await plan(branchA, { scheduledAt: '2026-08-15T08:00:00+07:00' });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.message).toContain('Tháng 8/2026');
    expect((await plan(r.doanTK, {}, 'doan.thachkhe')).statusCode).toBe(400);
    expect(await count('meetings')).toBe(meetings);

    expect((await t.as('bithu.thachkhe', 'POST', `/api/meetings/${id}/lock`)).statusCode).toBe(400);
    const ghost = await t.as('bithu.thachkhe', 'POST', `/api/meetings/${id}/discussions`, {
      speakerPersonId: stranger,
      content: 'Không được ghi',
    });
    expect(ghost.statusCode).toBe(400);
    expect(await count('meeting_discussions', sql`meeting_id = ${id}`)).toBe(0);
    expect(await count('audit_log')).toBe(audits);

    const good = await plan(branchA, {
      mode: 'hybrid',
      onlineLink: 'https://meet.example.vn/chidoan',
      scheduledAt: '2026-10-02T08:00:00+07:00',
    });
    expect(good.statusCode).toBe(201);
    expect((await detail(good.json().id)).meeting).toMatchObject({
      periodKey: '2026-10',
      onlineLink: 'https://meet.example.vn/chidoan',
    });
  });
});

describe('scope', () => {
  it("hides a branch's meetings from another commune and refuses read-only roles", async () => {
    const id = (await plan(branchA, { scheduledAt: '2026-11-25T08:00:00+07:00' })).json().id as number;
    const p1 = (await detail(id)).attendance[0].personId;
    for (const [method, url, body] of [
      ['GET', `/api/meetings/${id}`],
      ['GET', `/api/units/${branchA}/meetings`],
      ['PUT', `/api/meetings/${id}/attendance`, { entries: [{ personId: p1, status: 'present' }] }],
      ['PATCH', `/api/meetings/${id}`, { content: 'x' }],
      ['POST', `/api/meetings/${id}/lock`],
    ] as const) {
      const res = await t.as('doan.camxuyen', method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await plan(branchB)).statusCode).toBe(404); // another branch head's branch
    const sup = await t.as('dangu.thachkhe', 'GET', `/api/meetings/${id}`);
    expect(sup.statusCode).toBe(200);
    expect(sup.json().abilities).toEqual({ edit: false, rollcall: false, lock: false });
    const write = await t.as('dangu.thachkhe', 'PATCH', `/api/meetings/${id}`, { content: 'x' });
    expect(write.statusCode).toBe(403);
  });
});
