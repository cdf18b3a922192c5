/**
 * Duplicates: the same person arriving twice is offered for review by each of the three rules (and different
 * people are not); a merge keeps every membership, the history, the better attendance record and the account
 * link, deletes the merged row, keeps its snapshot and is audited; out of scope is 404; "không trùng" sticks.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicatePair, DuplicatesResponse } from '../../contracts/duplicates';
import { one, rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import { addMember, testClock } from '../helpers/members';

let t: TestApp;
let doanTK: number;
let phunuBranch: number;
let branchA: number;
let branchB: number;
let cxBranch: number;

const list = async (persona: string, unitId: number) => {
  const res = await t.as(persona, 'GET', `/api/duplicates?unitId=${unitId}&pageSize=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DuplicatesResponse;
};
const pairOf = (r: DuplicatesResponse, x: number, y: number): DuplicatePair | undefined =>
  r.items.find((p) => (p.a.id === x && p.b.id === y) || (p.a.id === y && p.b.id === x));

beforeAll(async () => {
  t = await makeTestApp({ clock: testClock });
  const r = await refs(t.database.db);
  doanTK = r.doanTK;
  const branches = await r.branches(r.doanTK);
  branchA = branches[0]!.id;
  branchB = branches[1]!.id;
  phunuBranch = (await r.branches(r.phunuTK))[0]!.id;
  cxBranch = (await r.branches(r.doanCX))[0]!.id;
});
afterAll(async () => t.close());

describe('duplicate detection', () => {
  it('finds the same CCCD, the same name + birth date (or year) and the same name + phone, and not different people', async () => {
    const db = t.database.db;
    const cccd1 = await addMember(db, branchA, {
      familyName: 'Hồ Văn',
      givenName: 'Khải',
      birthDate: '1998-05-04',
      nationalId: '042098009991',
    });
    const cccd2 = await addMember(db, branchB, {
      familyName: 'Hồ Văn',
      givenName: 'Khai',
      birthDate: '1998-04-05',
      nationalId: '042098009991',
    });
    const birth1 = await addMember(db, branchA, {
      familyName: 'Lương Thị',
      givenName: 'Diệu',
      birthDate: '2001-02-03',
    });
    // typed without diacritics in another import: the normalised name still matches
    const birth2 = await addMember(db, branchB, {
      familyName: 'Luong Thi',
      givenName: 'Dieu',
      birthDate: '2001-02-03',
    });
    const year1 = await addMember(db, branchB, {
      familyName: 'Lương Thị',
      givenName: 'Diệu',
      birthYear: 2001,
    });
    const phone1 = await addMember(db, branchA, {
      familyName: 'Đinh Văn',
      givenName: 'Toàn',
      birthYear: 1995,
      phone: '0987000111',
    });
    const phone2 = await addMember(db, branchB, {
      familyName: 'Đinh Văn',
      givenName: 'Toàn',
      birthDate: '1996-07-08',
      phone: '0987000111',
    });
    // different people: same name, different birth dates; same phone, different names; same name and birth
    // date but two different CCCDs
    const other1 = await addMember(db, branchA, {
      familyName: 'Mai Văn',
      givenName: 'Lực',
      birthDate: '1990-01-01',
    });
    const other2 = await addMember(db, branchB, {
      familyName: 'Mai Văn',
      givenName: 'Lực',
      birthDate: '1991-01-01',
    });
    const fam1 = await addMember(db, branchA, { familyName: 'Cù Thị', givenName: 'Na', phone: '0987000222' });
    const fam2 = await addMember(db, branchA, {
      familyName: 'Cù Văn',
      givenName: 'Nam',
      phone: '0987000222',
    });
    const id1 = await addMember(db, branchA, {
      familyName: 'Tạ Văn',
      givenName: 'Bình',
      birthDate: '1992-03-03',
      nationalId: '042092000001',
    });
    const id2 = await addMember(db, branchB, {
      familyName: 'Tạ Văn',
      givenName: 'Bình',
      birthDate: '1992-03-03',
      nationalId: '042092000002',
    });

    const r = await list('doan.thachkhe', doanTK);
    expect(pairOf(r, cccd1, cccd2)?.reasons).toEqual(['national_id']);
    expect(pairOf(r, birth1, birth2)?.reasons).toEqual(['name_birth']);
    expect(pairOf(r, birth1, year1)?.reasons).toEqual(['name_birth']);
    expect(pairOf(r, phone1, phone2)?.reasons).toEqual(['name_phone']);
    expect(pairOf(r, other1, other2)).toBeUndefined();
    expect(pairOf(r, fam1, fam2)).toBeUndefined();
    expect(pairOf(r, id1, id2)).toBeUndefined();
    expect(r.total).toBeGreaterThanOrEqual(4);

    // both records side by side, with their memberships and what differs
    const p = pairOf(r, cccd1, cccd2) as DuplicatePair;
    const a = p.a.id === cccd1 ? p.a : p.b;
    expect(a.memberships.map((m) => m.unitId)).toEqual([branchA]);
    expect(a.memberships[0]?.organizationName).toBeTruthy();
    expect(p.differing).toEqual(expect.arrayContaining(['name', 'birth']));
    expect(p.differing).not.toContain('nationalId');

    // the branch level sees only its own pairs; another commune's officer none of them
    const inB = await list('doan.thachkhe', branchB);
    expect(pairOf(inB, cccd1, cccd2)).toBeUndefined();
    const cx = await t.as('doan.camxuyen', 'GET', `/api/duplicates?unitId=${doanTK}`);
    expect(cx.statusCode).toBe(404);
    // the review shows sensitive fields in full, so it is audited
    const audit = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'person.reveal_sensitive'
        and entity_type = 'unit' and entity_id = ${String(doanTK)}`,
    );
    expect(audit?.n).toBeGreaterThan(0);
  });

  it('finds the same person across organizations of one commune for an actor who may merge in both', async () => {
    const db = t.database.db;
    const doan = await addMember(db, branchA, {
      familyName: 'Phan Thị',
      givenName: 'Xuyến',
      birthDate: '1999-09-09',
      phone: '0987000333',
    });
    const phunu = await addMember(db, phunuBranch, {
      familyName: 'Phan Thị',
      givenName: 'Xuyến',
      birthDate: '1999-09-09',
    });
    expect(pairOf(await list('admin', doanTK), doan, phunu)?.reasons).toEqual(['name_birth']);
    // the commune's Đoàn officer cannot merge in the Women's Union: not offered
    expect(pairOf(await list('doan.thachkhe', doanTK), doan, phunu)).toBeUndefined();
  });

  it('"không trùng" stores the pair and it is not offered again', async () => {
    const db = t.database.db;
    const x = await addMember(db, branchA, {
      familyName: 'Kiều Văn',
      givenName: 'Sơn',
      birthDate: '1994-04-04',
    });
    const y = await addMember(db, branchB, {
      familyName: 'Kiều Văn',
      givenName: 'Sơn',
      birthDate: '1994-04-04',
    });
    expect(pairOf(await list('doan.thachkhe', doanTK), x, y)).toBeDefined();
    const res = await t.as('doan.thachkhe', 'POST', '/api/duplicates/dismiss', { personA: y, personB: x });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ personA: Math.min(x, y), personB: Math.max(x, y) });
    expect(pairOf(await list('doan.thachkhe', doanTK), x, y)).toBeUndefined();
    const stored = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from duplicate_dismissals where person_a = ${Math.min(x, y)} and person_b = ${Math.max(x, y)}`,
    );
    expect(stored?.n).toBe(1);
  });
});

describe('merge', () => {
  it('keeps every membership, the history, the better attendance, the account link; deletes the merged row, keeps its snapshot, audits once', async () => {
    const db = t.database.db;
    const kept = await addMember(db, branchA, {
      familyName: 'Võ Văn',
      givenName: 'Tường',
      birthDate: '1997-06-06',
      phone: '0987000444',
    });
    // The merged record: a second live copy in the same branch, and a past membership of another branch.
    const merged = await addMember(db, branchA, {
      familyName: 'Võ Văn',
      givenName: 'Tường',
      birthDate: '1997-06-06',
      nationalId: '042097001111',
    });
    await db.execute(sql`insert into memberships (person_id, organization_code, unit_id, status, joined_on)
      select ${merged}, organization_code, id, 'left', '2014-01-01' from units where id = ${branchB}`);
    const mergedMemberships = await rows<{ id: number }>(
      db,
      sql`select id from memberships where person_id = ${merged} order by id`,
    );
    await db.execute(sql`insert into membership_events (membership_id, person_id, organization_code, kind, on_date, unit_id)
      select id, person_id, organization_code, 'admitted', '2015-03-26', unit_id from memberships where person_id = ${merged}`);
    // Two meetings of the branch invite both records: in one kept is absent and merged present; in the other
    // kept is not yet marked and merged came online.
    const meeting = async () => {
      const res = await t.as('admin', 'POST', `/api/units/${branchA}/meetings`, {
        kind: 'regular',
        scheduledAt: '2026-11-20T12:00:00.000Z',
        mode: 'in_person',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const both = await meeting();
    const second = await meeting();
    const roll = await t.as('admin', 'PUT', `/api/meetings/${both}/attendance`, {
      entries: [
        { personId: kept, status: 'absent_unexcused' },
        { personId: merged, status: 'present' },
      ],
    });
    expect(roll.statusCode, roll.body).toBe(200);
    await t.as('admin', 'PUT', `/api/meetings/${second}/attendance`, {
      entries: [{ personId: merged, status: 'online' }],
    });
    const invitedBefore = (await t.as('admin', 'GET', `/api/meetings/${both}`)).json().meeting
      .invited as number;
    await db.execute(sql`insert into meeting_discussions (meeting_id, speaker_person_id, speaker_name, content)
      values (${both}, ${merged}, 'Võ Văn Tường', 'Ý kiến')`);
    // The member's phone account belongs to the merged record.
    const created = await t.as('admin', 'POST', '/api/accounts', {
      username: 'vovantuong',
      name: 'Võ Văn Tường',
      password: 'MatKhau2026',
    });
    const userId = created.json().id as string;
    await db.execute(sql`update "user" set person_id = ${merged} where id = ${userId}`);

    const before = await one<{ n: number }>(
      db,
      sql`select members as n from unit_member_counts where unit_id = ${branchA}`,
    );

    // out of scope: 404; the same record twice: 400
    const outside = await t.as('doan.camxuyen', 'POST', '/api/duplicates/merge', {
      keptId: kept,
      mergedId: merged,
    });
    expect(outside.statusCode).toBe(404);
    const self = await t.as('doan.thachkhe', 'POST', '/api/duplicates/merge', {
      keptId: kept,
      mergedId: kept,
    });
    expect(self.statusCode).toBe(400);

    const res = await t.as('doan.thachkhe', 'POST', '/api/duplicates/merge', {
      keptId: kept,
      mergedId: merged,
      take: ['nationalId'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      keptId: kept,
      mergedId: merged,
      memberships: 2,
      foldedMemberships: 1,
      attendanceConflicts: 2,
      accounts: 1,
    });

    // the merged person is gone; the kept one took the CCCD and kept its own phone
    expect(await one(db, sql`select 1 from persons where id = ${merged}`)).toBeUndefined();
    // ...and so are its name keys: a search no longer finds it
    expect(await one(db, sql`select 1 from person_name_keys where person_id = ${merged}`)).toBeUndefined();
    const k = await one<{ nationalId: string; phone: string }>(
      db,
      sql`select national_id as "nationalId", phone from persons where id = ${kept}`,
    );
    expect(k).toEqual({ nationalId: '042097001111', phone: '0987000444' });
    // every membership kept: the second live copy in the same branch folded as 'merged', with a 'merged' event
    const ms = await rows<{ id: number; status: string; personId: number }>(
      db,
      sql`select id, status, person_id as "personId" from memberships
        where id in (${sql.join(
          mergedMemberships.map((m) => sql`${m.id}`),
          sql`, `,
        )}) order by id`,
    );
    expect(ms.map((m) => [m.personId, m.status])).toEqual([
      [kept, 'merged'],
      [kept, 'left'],
    ]);
    const events = await rows<{ kind: string }>(
      db,
      sql`select kind from membership_events where person_id = ${kept} order by id`,
    );
    expect(events.map((e) => e.kind)).toEqual(['admitted', 'admitted', 'merged']);
    // the folded copy no longer counts in the branch
    const after = await one<{ n: number }>(
      db,
      sql`select members as n from unit_member_counts where unit_id = ${branchA}`,
    );
    expect(after!.n).toBe(before!.n - 1);
    // attendance: the better record won in each meeting, one invitee fewer
    const att = await rows<{ meetingId: number; status: string }>(
      db,
      sql`select meeting_id as "meetingId", status from meeting_attendance where person_id = ${kept}
        and meeting_id in (${both}, ${second}) order by meeting_id`,
    );
    expect(att).toEqual([
      { meetingId: both, status: 'present' },
      { meetingId: second, status: 'online' },
    ]);
    const detail = (await t.as('admin', 'GET', `/api/meetings/${both}`)).json();
    expect(detail.meeting.invited).toBe(invitedBefore - 1);
    expect(detail.discussions[0].speakerPersonId).toBe(kept);
    // the account now opens the kept record
    const u = await one<{ personId: number }>(
      db,
      sql`select person_id as "personId" from "user" where id = ${userId}`,
    );
    expect(u?.personId).toBe(kept);
    // snapshot and audit
    const m = await one<{ snapshot: { person: { id: number; national_id: string }; taken: string[] } }>(
      db,
      sql`select snapshot from person_merges where kept_person_id = ${kept} and merged_person_id = ${merged}`,
    );
    expect(m?.snapshot.person.id).toBe(merged);
    expect(m?.snapshot.person.national_id).toBe('042097001111');
    expect(m?.snapshot.taken).toEqual(['nationalId']);
    const audit = await rows<{ entityId: string }>(
      db,
      sql`select entity_id as "entityId" from audit_log where action = 'person.merge'`,
    );
    expect(audit).toEqual([{ entityId: String(kept) }]);
    // the profile shows both memberships now
    const profile = (await t.as('doan.thachkhe', 'GET', `/api/people/${kept}`)).json();
    expect(profile.memberships.map((x: { id: number }) => x.id)).toEqual(
      expect.arrayContaining(mergedMemberships.map((x) => x.id)),
    );
  });

  it('refuses an officer whose scope does not hold both records (404) and leaves both untouched', async () => {
    const db = t.database.db;
    const here = await addMember(db, branchA, {
      familyName: 'Lò Văn',
      givenName: 'Pả',
      birthDate: '1993-03-03',
    });
    const there = await addMember(db, cxBranch, {
      familyName: 'Lò Văn',
      givenName: 'Pả',
      birthDate: '1993-03-03',
    });
    const res = await t.as('doan.thachkhe', 'POST', '/api/duplicates/merge', {
      keptId: here,
      mergedId: there,
    });
    expect(res.statusCode).toBe(404);
    const dismiss = await t.as('doan.thachkhe', 'POST', '/api/duplicates/dismiss', {
      personA: here,
      personB: there,
    });
    expect(dismiss.statusCode).toBe(404);
    expect(await one(db, sql`select 1 from persons where id = ${there}`)).toBeDefined();
    // the province officer holds both
    const ok = await t.as('tinhdoan', 'POST', '/api/duplicates/merge', { keptId: there, mergedId: here });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await one(db, sql`select 1 from persons where id = ${here}`)).toBeUndefined();
  });

  it('is refused to a branch head (403)', async () => {
    const res = await t.as('bithu.thachkhe', 'GET', `/api/duplicates?unitId=${branchA}`);
    expect(res.statusCode).toBe(403);
  });
});
