/** Two-sided transfers (chuyển sinh hoạt) and temporary stays (sinh hoạt tạm), through HTTP as the branch heads. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { DEMO_PASSWORD } from '../../server/demo/personas';
import { vietnamDay } from '../../server/lib/vn-time';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let t: TestApp;
let branchA: number; // bithu.thachkhe's branch
let branchB: number; // another branch of Đoàn Thạch Khê
let branchCX: number; // a branch of Đoàn Cẩm Xuyên, headed by bithu.cx (created here)
let phunuBranch: number;
let doanCX: number;
/** active Đoàn memberships in branch A of persons with no other membership */
let members: { membershipId: number; personId: number }[];
const today = vietnamDay(new Date());
const HEAD_CX = 'bithu.camxuyen.test';

const count = async (unitId: number) =>
  (await one<{ n: number }>(
    t.database.db,
    sql`select coalesce((select members from unit_member_counts where unit_id = ${unitId}), 0)::int as n`,
  ))!.n;
const doanTotal = async () =>
  (await one<{ n: number }>(
    t.database.db,
    sql`select coalesce(sum(c.members), 0)::int as n from unit_member_counts c join units u on u.id = c.unit_id
      where u.organization_code = 'DOAN'`,
  ))!.n;
const membership = async (id: number) =>
  (await one<{ unitId: number; status: string }>(
    t.database.db,
    sql`select unit_id as "unitId", status from memberships where id = ${id}`,
  ))!;
const events = async (membershipId: number) =>
  rows<{
    kind: string;
    reason: string | null;
    unitId: number;
    otherUnitId: number | null;
    decisionNo: string | null;
  }>(
    t.database.db,
    sql`select kind, reason, unit_id as "unitId", other_unit_id as "otherUnitId", decision_no as "decisionNo"
      from membership_events where membership_id = ${membershipId} order by id`,
  );
const audits = async (action: string, membershipId: number) =>
  rows<{ after: Record<string, unknown> }>(
    t.database.db,
    sql`select after from audit_log where action = ${action} and entity_type = 'membership'
      and entity_id = ${String(membershipId)}`,
  );
const issue = (persona: string, membershipId: number, body: Record<string, unknown>) =>
  t.as(persona, 'POST', `/api/memberships/${membershipId}/transfers`, { on: today, ...body });

beforeAll(async () => {
  t = await makeTestApp();
  const db = t.database.db;
  const r = await refs(db);
  const [a, b] = await r.branches(r.doanTK);
  branchA = a!.id;
  branchB = b!.id;
  doanCX = r.doanCX;
  branchCX = (await r.branches(r.doanCX))[0]!.id;
  phunuBranch = (await r.branches(r.phunuTK))[0]!.id;
  members = await rows(
    db,
    sql`select m.id as "membershipId", m.person_id as "personId" from memberships m
      where m.unit_id = ${branchA} and m.status = 'active'
        and not exists (select 1 from memberships o where o.person_id = m.person_id and o.id <> m.id)
      order by m.id limit 6`,
  );
  expect(members.length).toBe(6);
  const created = await t.as('admin', 'POST', '/api/accounts', {
    username: HEAD_CX,
    name: 'Bí Thư Cẩm Xuyên',
    password: DEMO_PASSWORD,
  });
  expect(created.statusCode).toBe(201);
  const grant = await t.as('admin', 'POST', `/api/accounts/${created.json().id}/grants`, {
    role: 'branch_head',
    unitId: branchCX,
  });
  expect(grant.statusCode).toBe(201);
});
afterAll(async () => t.close());

describe('transfer between communes', () => {
  it('the sender finds branches of its organization outside its own scope (names and commune only)', async () => {
    const res = await t.as(
      'bithu.thachkhe',
      'GET',
      `/api/units/${branchA}/transfer-targets?q=cam%20xuyen&limit=50`,
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; name: string; communeName: string | null }[];
    expect(items.some((i) => i.id === branchCX)).toBe(true);
    expect(items.every((i) => i.communeName === 'Xã Cẩm Xuyên')).toBe(true);
    expect(Object.keys(items[0]!).sort()).toEqual(['communeName', 'id', 'name', 'parentName']);
    // Not its own branch, not another organization's.
    const all = await t.as('bithu.thachkhe', 'GET', `/api/units/${branchA}/transfer-targets?limit=50`);
    const ids = (all.json().items as { id: number }[]).map((i) => i.id);
    expect(ids).not.toContain(branchA);
    expect(ids).not.toContain(phunuBranch);
    // A unit out of the asker's scope answers 404.
    expect((await t.as('bithu.thachkhe', 'GET', `/api/units/${branchB}/transfer-targets`)).statusCode).toBe(
      404,
    );
  });

  it('is issued by the sender, seen by both sides in transit, counted once, and moves the member on acceptance', async () => {
    const m = members[0]!;
    const before = { a: await count(branchA), cx: await count(branchCX), total: await doanTotal() };
    expect((await t.as(HEAD_CX, 'GET', `/api/people/${m.personId}`)).statusCode).toBe(404);

    const res = await issue('bithu.thachkhe', m.membershipId, {
      kind: 'transfer',
      toUnitId: branchCX,
      decisionNo: '12/QĐ-ĐTN',
      reason: 'Chuyển nơi cư trú',
    });
    expect(res.statusCode).toBe(201);
    const transferId = res.json().id as number;
    expect(await membership(m.membershipId)).toEqual({ unitId: branchA, status: 'transferring' });
    // In transit: counted once, in the sender.
    expect(await count(branchA)).toBe(before.a);
    expect(await count(branchCX)).toBe(before.cx);
    expect(await doanTotal()).toBe(before.total);

    // The receiving head sees it in the incoming list and on the profile, without sensitive fields.
    const incoming = await t.as(HEAD_CX, 'GET', `/api/units/${branchCX}/transfers?box=incoming`);
    expect(incoming.statusCode).toBe(200);
    const item = (incoming.json().items as { id: number; abilities: Record<string, boolean> }[]).find(
      (i) => i.id === transferId,
    );
    expect(item?.abilities).toEqual({ accept: true, refuse: true, recall: false, end: false });
    expect(incoming.json().counts.incoming).toBeGreaterThanOrEqual(1);
    const profile = await t.as(HEAD_CX, 'GET', `/api/people/${m.personId}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json().nationalId).toBeNull();
    expect(profile.json().abilities.revealSensitive).toBe(false);
    expect((await t.as(HEAD_CX, 'GET', `/api/people/${m.personId}?reveal=1`)).statusCode).toBe(403);
    const history = await t.as(HEAD_CX, 'GET', `/api/people/${m.personId}/lifecycle`);
    expect(history.statusCode).toBe(200);
    expect(history.json().transfers[0].id).toBe(transferId);
    // The commune above the receiver sees it too; someone on neither side does not.
    expect((await t.as('doan.camxuyen', 'GET', `/api/people/${m.personId}`)).statusCode).toBe(200);
    expect((await t.as('chihoi.thachkhe', 'GET', `/api/people/${m.personId}`)).statusCode).toBe(404);
    // The sender sees it as outgoing, and may recall it (not accept it).
    const outgoing = await t.as('bithu.thachkhe', 'GET', `/api/units/${branchA}/transfers?box=outgoing`);
    expect(
      (outgoing.json().items as { id: number; abilities: Record<string, boolean> }[]).find(
        (i) => i.id === transferId,
      )?.abilities,
    ).toEqual({ accept: false, refuse: false, recall: true, end: false });
    expect(
      (await t.as('bithu.thachkhe', 'POST', `/api/transfers/${transferId}/accept`, { on: today })).statusCode,
    ).toBe(403);
    expect(
      (await t.as(HEAD_CX, 'POST', `/api/transfers/${transferId}/recall`, { on: today })).statusCode,
    ).toBe(403);

    // A second open transfer of the same membership is refused.
    const second = await issue('bithu.thachkhe', m.membershipId, { kind: 'transfer', toUnitId: branchB });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('đang chờ trả lời');

    const accepted = await t.as(HEAD_CX, 'POST', `/api/transfers/${transferId}/accept`, { on: today });
    expect(accepted.statusCode).toBe(200);
    expect(await membership(m.membershipId)).toEqual({ unitId: branchCX, status: 'active' });
    expect(await count(branchA)).toBe(before.a - 1);
    expect(await count(branchCX)).toBe(before.cx + 1);
    expect(await doanTotal()).toBe(before.total);
    expect(
      (await events(m.membershipId)).map((e) => [e.kind, e.unitId, e.otherUnitId, e.decisionNo]),
    ).toEqual([
      ['transfer_issued', branchA, branchCX, '12/QĐ-ĐTN'],
      ['transfer_accepted', branchCX, branchA, '12/QĐ-ĐTN'],
    ]);
    expect(await audits('member.transfer.issue', m.membershipId)).toHaveLength(1);
    expect(await audits('member.transfer.accept', m.membershipId)).toHaveLength(1);
    // Answered once only.
    const again = await t.as(HEAD_CX, 'POST', `/api/transfers/${transferId}/refuse`, {
      on: today,
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
    // The new branch now holds the member; the profile shows where it came from.
    const after = await t.as(HEAD_CX, 'GET', `/api/people/${m.personId}/lifecycle`);
    const ms = after.json().memberships as {
      unitId: number;
      events: { kind: string; otherUnitName: string }[];
    }[];
    expect(ms[0]!.unitId).toBe(branchCX);
    expect(ms[0]!.events.map((e) => e.kind)).toEqual(['transfer_issued', 'transfer_accepted']);
    expect(after.json().abilities.death).toBe(true);
  });

  it('refused with a reason: the member is back home, active, and the reason is kept', async () => {
    const m = members[1]!;
    const res = await issue('bithu.thachkhe', m.membershipId, { kind: 'transfer', toUnitId: branchB });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as number;
    const noReason = await t.as('doan.thachkhe', 'POST', `/api/transfers/${id}/refuse`, { on: today });
    expect(noReason.statusCode).toBe(400);
    const refused = await t.as('doan.thachkhe', 'POST', `/api/transfers/${id}/refuse`, {
      on: today,
      reason: 'Không có nơi cư trú tại thôn',
    });
    expect(refused.statusCode).toBe(200);
    expect(await membership(m.membershipId)).toEqual({ unitId: branchA, status: 'active' });
    const row = await one<{ status: string; decisionReason: string }>(
      t.database.db,
      sql`select status, decision_reason as "decisionReason" from transfers where id = ${id}`,
    );
    expect(row).toEqual({ status: 'refused', decisionReason: 'Không có nơi cư trú tại thôn' });
    expect((await events(m.membershipId)).map((e) => [e.kind, e.reason])).toEqual([
      ['transfer_issued', null],
      ['transfer_refused', 'Không có nơi cư trú tại thôn'],
    ]);
    expect(await audits('member.transfer.refuse', m.membershipId)).toHaveLength(1);
    const closed = await t.as(
      'bithu.thachkhe',
      'GET',
      `/api/units/${branchA}/transfers?box=outgoing&state=all`,
    );
    expect((closed.json().items as { id: number; status: string }[]).find((i) => i.id === id)?.status).toBe(
      'refused',
    );
  });

  it('recalled by the sender: nothing is lost and the receiver can no longer accept', async () => {
    const m = members[2]!;
    const before = await count(branchA);
    const res = await issue('bithu.thachkhe', m.membershipId, { kind: 'transfer', toUnitId: branchCX });
    const id = res.json().id as number;
    const recalled = await t.as('bithu.thachkhe', 'POST', `/api/transfers/${id}/recall`, {
      on: today,
      reason: 'Gia đình không chuyển đi nữa',
    });
    expect(recalled.statusCode).toBe(200);
    expect(await membership(m.membershipId)).toEqual({ unitId: branchA, status: 'active' });
    expect(await count(branchA)).toBe(before);
    expect((await events(m.membershipId)).map((e) => e.kind)).toEqual([
      'transfer_issued',
      'transfer_recalled',
    ]);
    expect((await t.as(HEAD_CX, 'POST', `/api/transfers/${id}/accept`, { on: today })).statusCode).toBe(409);
    // Once recalled the receiver no longer sees the person.
    expect((await t.as(HEAD_CX, 'GET', `/api/people/${m.personId}`)).statusCode).toBe(404);
  });

  it('refuses a target that is not a branch, of another organization, the same unit, or a membership that ended', async () => {
    const m = members[3]!;
    const msg = async (body: Record<string, unknown>) => {
      const res = await issue('bithu.thachkhe', m.membershipId, { kind: 'transfer', ...body });
      return [res.statusCode, res.json().error?.message as string] as const;
    };
    expect(await msg({ toUnitId: doanCX })).toEqual([400, expect.stringContaining('không phải một chi')]);
    expect(await msg({ toUnitId: phunuBranch })).toEqual([400, expect.stringContaining('tổ chức khác')]);
    expect(await msg({ toUnitId: branchA })).toEqual([400, expect.stringContaining('chọn một chi khác')]);
    expect(await msg({ toUnitId: 99_999_999 })).toEqual([400, expect.stringContaining('không tồn tại')]);
    const future = await issue('bithu.thachkhe', m.membershipId, {
      kind: 'transfer',
      toUnitId: branchB,
      on: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    // A membership out of the issuer's scope is not found.
    expect((await issue(HEAD_CX, m.membershipId, { kind: 'transfer', toUnitId: branchCX })).statusCode).toBe(
      404,
    );
    const left = await t.as('bithu.thachkhe', 'POST', `/api/memberships/${m.membershipId}/end`, {
      kind: 'left',
      on: today,
    });
    expect(left.statusCode).toBe(200);
    expect(await msg({ toUnitId: branchB })).toEqual([400, expect.stringContaining('đã ra khỏi tổ chức')]);
  });
});

describe('temporary stay', () => {
  it('is accepted by the host, listed there, never leaves home, and ends', async () => {
    const m = members[4]!;
    const home = await count(branchA);
    const host = await count(branchCX);
    const res = await issue('bithu.thachkhe', m.membershipId, {
      kind: 'stay',
      toUnitId: branchCX,
      until: '2027-06-30',
      reason: 'Đi làm ăn xa tại Cẩm Xuyên',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as number;
    expect(await membership(m.membershipId)).toEqual({ unitId: branchA, status: 'active' });
    const noUntil = await issue('bithu.thachkhe', members[5]!.membershipId, {
      kind: 'stay',
      toUnitId: branchCX,
    });
    expect(noUntil.statusCode).toBe(400);

    expect((await t.as(HEAD_CX, 'POST', `/api/transfers/${id}/accept`, { on: today })).statusCode).toBe(200);
    expect(await membership(m.membershipId)).toEqual({ unitId: branchA, status: 'active' });
    expect(await count(branchA)).toBe(home);
    expect(await count(branchCX)).toBe(host);
    const stays = await t.as(HEAD_CX, 'GET', `/api/units/${branchCX}/transfers?box=stays`);
    const listed = (stays.json().items as { id: number; person: { id: number }; until: string }[]).find(
      (i) => i.id === id,
    );
    expect(listed?.person.id).toBe(m.personId);
    expect(listed?.until).toBe('2027-06-30');
    expect(stays.json().counts.stays).toBeGreaterThanOrEqual(1);
    // The host can read the profile while the member stays; a transfer must wait for the stay to end.
    expect((await t.as(HEAD_CX, 'GET', `/api/people/${m.personId}`)).statusCode).toBe(200);
    const blocked = await issue('bithu.thachkhe', m.membershipId, { kind: 'transfer', toUnitId: branchB });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('đang sinh hoạt tạm');

    const ended = await t.as(HEAD_CX, 'POST', `/api/transfers/${id}/end`, { on: today, reason: 'Đã về quê' });
    expect(ended.statusCode).toBe(200);
    expect((await events(m.membershipId)).map((e) => e.kind)).toEqual(['stay_started', 'stay_ended']);
    expect(await audits('member.stay.end', m.membershipId)).toHaveLength(1);
    const after = await t.as(HEAD_CX, 'GET', `/api/units/${branchCX}/transfers?box=stays`);
    expect((after.json().items as { id: number }[]).some((i) => i.id === id)).toBe(false);
    expect((await t.as(HEAD_CX, 'GET', `/api/people/${m.personId}`)).statusCode).toBe(404);
  });

  it('a pending stay can be refused by the host', async () => {
    const m = members[5]!;
    const res = await issue('bithu.thachkhe', m.membershipId, {
      kind: 'stay',
      toUnitId: branchCX,
      until: '2027-01-31',
    });
    const id = res.json().id as number;
    const refused = await t.as(HEAD_CX, 'POST', `/api/transfers/${id}/refuse`, {
      on: today,
      reason: 'Chi đã đủ',
    });
    expect(refused.statusCode).toBe(200);
    expect(await membership(m.membershipId)).toEqual({ unitId: branchA, status: 'active' });
    // Free again for a new request.
    expect(
      (await issue('bithu.thachkhe', m.membershipId, { kind: 'transfer', toUnitId: branchB })).statusCode,
    ).toBe(201);
  });
});
