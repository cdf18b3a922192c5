/** Admission, leaving / removal / death, and the Youth Union age-out, through HTTP. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { vietnamDay } from '../../server/lib/vn-time';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let t: TestApp;
let doanTK: number;
let branchA: number;
let branchB: number;
let phunuBranch: number;
const today = vietnamDay(new Date());

const count = async (unitId: number) =>
  (await one<{ n: number }>(
    t.database.db,
    sql`select coalesce((select members from unit_member_counts where unit_id = ${unitId}), 0)::int as n`,
  ))!.n;
const membership = async (id: number) =>
  (await one<{ unitId: number; status: string; leftOn: string | null; joinedOn: string | null }>(
    t.database.db,
    sql`select unit_id as "unitId", status, left_on::text as "leftOn", joined_on::text as "joinedOn"
      from memberships where id = ${id}`,
  ))!;
const events = async (membershipId: number) =>
  rows<{ kind: string; onDate: string; decisionNo: string | null; reason: string | null }>(
    t.database.db,
    sql`select kind, on_date::text as "onDate", decision_no as "decisionNo", reason
      from membership_events where membership_id = ${membershipId} order by id`,
  );
const admit = (persona: string, unitId: number, body: Record<string, unknown>) =>
  t.as(persona, 'POST', `/api/units/${unitId}/admissions`, body);
const newPerson = (fullName: string, birth: string, extra: Record<string, unknown> = {}) => ({
  fullName,
  birth,
  gender: 'M',
  ...extra,
});

beforeAll(async () => {
  t = await makeTestApp();
  const r = await refs(t.database.db);
  doanTK = r.doanTK;
  const [a, b] = await r.branches(r.doanTK);
  branchA = a!.id;
  branchB = b!.id;
  phunuBranch = (await r.branches(r.phunuTK))[0]!.id;
});
afterAll(async () => t.close());

describe('admission (kết nạp)', () => {
  it('admits a new person into the branch, normalising the fields, with its event and audit row', async () => {
    const before = await count(branchA);
    const res = await admit('bithu.thachkhe', branchA, {
      person: newPerson('  nguyễn   văn  KẾT ', '05/03/2006', {
        phone: '912 345 678',
        nationalId: '042206001234',
      }),
      joinedOn: '2026-03-26',
      decisionNo: '05/QĐ-CĐ',
    });
    expect(res.statusCode).toBe(201);
    const { membershipId, personId } = res.json() as { membershipId: number; personId: number };
    const p = await one<Record<string, unknown>>(
      t.database.db,
      sql`select family_name, given_name, birth_date::text as birth, phone, national_id from persons where id = ${personId}`,
    );
    expect(p).toEqual({
      family_name: 'Nguyễn Văn',
      given_name: 'Kết',
      birth: '2006-03-05',
      phone: '0912345678',
      national_id: '042206001234',
    });
    expect(await membership(membershipId)).toMatchObject({
      unitId: branchA,
      status: 'active',
      joinedOn: '2026-03-26',
    });
    expect(await count(branchA)).toBe(before + 1);
    expect(await events(membershipId)).toEqual([
      { kind: 'admitted', onDate: '2026-03-26', decisionNo: '05/QĐ-CĐ', reason: null },
    ]);
    const audit = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'member.admit' and entity_id = ${String(membershipId)}`,
    );
    expect(audit?.n).toBe(1);
    // The new member is in the branch list and the profile shows the admission.
    const life = await t.as('bithu.thachkhe', 'GET', `/api/people/${personId}/lifecycle`);
    expect(life.json().memberships[0].events[0]).toMatchObject({ kind: 'admitted', decisionNo: '05/QĐ-CĐ' });
    expect(life.json().memberships[0].abilities).toEqual({ transfer: true, stay: true, end: true });
  });

  it('refuses outside the Đoàn age, 16 to 30, in Vietnamese', async () => {
    const young = await admit('bithu.thachkhe', branchA, {
      person: newPerson('Trần Văn Nhỏ', '01/06/2012'),
      joinedOn: '2026-11-01',
    });
    expect(young.statusCode).toBe(400);
    expect(young.json().error.message).toContain('chưa đủ 16 tuổi');
    const old = await admit('bithu.thachkhe', branchA, {
      person: newPerson('Lê Văn Già', '1990'),
      joinedOn: '2026-11-01',
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.message).toContain('đã quá 30 tuổi');
    // 15 years and one day is "16 tuổi" in the Đoàn's reckoning; the 15th birthday itself is not.
    const onBirthday = await admit('bithu.thachkhe', branchA, {
      person: newPerson('Phạm Văn Sát', '10/10/2010'),
      joinedOn: '2025-10-10',
    });
    expect(onBirthday.statusCode).toBe(400);
    const dayAfter = await admit('bithu.thachkhe', branchA, {
      person: newPerson('Phạm Văn Sát', '10/10/2010'),
      joinedOn: '2025-10-11',
    });
    expect(dayAfter.statusCode).toBe(201);
  });

  it('refuses bad fields with the field named, a unit that is not a branch, and a future date', async () => {
    const phone = await admit('bithu.thachkhe', branchA, {
      person: newPerson('Võ Văn Số', '2005', { phone: '12345' }),
      joinedOn: '2026-01-10',
    });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.details[0].field).toBe('body.person.phone');
    const both = await admit('bithu.thachkhe', branchA, { joinedOn: '2026-01-10' });
    expect(both.statusCode).toBe(400);
    const grassroots = await admit('doan.thachkhe', doanTK, {
      person: newPerson('Võ Văn Xã', '2005'),
      joinedOn: '2026-01-10',
    });
    expect(grassroots.statusCode).toBe(400);
    expect(grassroots.json().error.message).toContain('cấp chi');
    const future = await admit('bithu.thachkhe', branchA, {
      person: newPerson('Võ Văn Mai', '2005'),
      joinedOn: '2999-01-10',
    });
    expect(future.statusCode).toBe(400);
    expect(
      (await admit('bithu.thachkhe', branchB, { person: newPerson('A B', '2005'), joinedOn: today }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses a person already a live member of the organization, naming their branch', async () => {
    const live = await one<{ personId: number; unitName: string }>(
      t.database.db,
      sql`select m.person_id as "personId", u.name as "unitName" from memberships m join units u on u.id = m.unit_id
        where m.unit_id = ${branchA} and m.status = 'active' order by m.id limit 1`,
    );
    const res = await admit('doan.thachkhe', branchB, { personId: live!.personId, joinedOn: '2026-01-10' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain(live!.unitName);
    // The same CCCD typed as a new person is caught too.
    const withId = await one<{ nationalId: string }>(
      t.database.db,
      sql`select p.national_id as "nationalId" from memberships m join persons p on p.id = m.person_id
        where m.unit_id = ${branchA} and m.status = 'active' and p.national_id is not null
          and p.birth_date is not null order by m.id limit 1`,
    );
    if (withId) {
      const p = await one<{ birth: string; gender: string }>(
        t.database.db,
        sql`select to_char(birth_date, 'DD/MM/YYYY') as birth, gender from persons where national_id = ${withId.nationalId} limit 1`,
      );
      const dup = await admit('doan.thachkhe', branchB, {
        person: {
          fullName: 'Tên Khác Hẳn',
          birth: p!.birth,
          gender: p!.gender,
          nationalId: withId.nationalId,
        },
        joinedOn: '2026-01-10',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.message).toContain('cùng số CCCD');
    }
    // A person the actor cannot see is not found.
    const hidden = await one<{ personId: number }>(
      t.database.db,
      sql`select m.person_id as "personId" from memberships m where m.unit_id = ${branchB} and m.status = 'active'
        and not exists (select 1 from memberships o where o.person_id = m.person_id and o.unit_id = ${branchA})
        order by m.id limit 1`,
    );
    expect(
      (await admit('bithu.thachkhe', branchA, { personId: hidden!.personId, joinedOn: today })).statusCode,
    ).toBe(404);
  });
});

describe('leaving, removal and death', () => {
  let ids: { membershipId: number; personId: number }[];
  beforeAll(async () => {
    ids = await rows(
      t.database.db,
      sql`select m.id as "membershipId", m.person_id as "personId" from memberships m
        join persons p on p.id = m.person_id
        where m.unit_id = ${branchB} and m.status = 'active' and p.birth_date > date '1998-01-01'
          and not exists (select 1 from memberships o where o.person_id = m.person_id and o.id <> m.id)
        order by m.id limit 3`,
    );
  });

  it('a member leaves: dated, decision kept, no longer counted, history kept; re-admission is possible', async () => {
    const m = ids[0]!;
    const before = await count(branchB);
    const res = await t.as('doan.thachkhe', 'POST', `/api/memberships/${m.membershipId}/end`, {
      kind: 'left',
      on: '2026-10-01',
      decisionNo: '09/QĐ',
      reason: 'Xin ra khỏi tổ chức',
    });
    expect(res.statusCode).toBe(200);
    expect(await membership(m.membershipId)).toMatchObject({ status: 'left', leftOn: '2026-10-01' });
    expect(await count(branchB)).toBe(before - 1);
    expect(await events(m.membershipId)).toEqual([
      { kind: 'left', onDate: '2026-10-01', decisionNo: '09/QĐ', reason: 'Xin ra khỏi tổ chức' },
    ]);
    const again = await t.as('doan.thachkhe', 'POST', `/api/memberships/${m.membershipId}/end`, {
      kind: 'left',
      on: today,
    });
    expect(again.statusCode).toBe(400);
    const life = await t.as('doan.thachkhe', 'GET', `/api/people/${m.personId}/lifecycle`);
    expect(life.json().memberships[0]).toMatchObject({
      status: 'left',
      abilities: { transfer: false, end: false },
    });
    // Came back: admitted again as the same person.
    const back = await admit('doan.thachkhe', branchB, { personId: m.personId, joinedOn: today });
    expect(back.statusCode).toBe(201);
    expect((await events(back.json().membershipId)).map((e) => e.kind)).toEqual(['admitted']);
  });

  it('removal needs its reason', async () => {
    const m = ids[1]!;
    const url = `/api/memberships/${m.membershipId}/end`;
    expect((await t.as('doan.thachkhe', 'POST', url, { kind: 'removed', on: today })).statusCode).toBe(400);
    const res = await t.as('doan.thachkhe', 'POST', url, {
      kind: 'removed',
      on: today,
      decisionNo: '10/QĐ-KL',
      reason: 'Bỏ sinh hoạt 12 tháng liền',
    });
    expect(res.statusCode).toBe(200);
    expect(await membership(m.membershipId)).toMatchObject({ status: 'removed', leftOn: today });
    const audit = await one<{ after: { reason: string } }>(
      t.database.db,
      sql`select after from audit_log where action = 'member.remove' and entity_id = ${String(m.membershipId)}`,
    );
    expect(audit?.after.reason).toBe('Bỏ sinh hoạt 12 tháng liền');
  });

  it('death ends every live membership of the person, in every organization, and closes an open transfer', async () => {
    const db = t.database.db;
    // A Đoàn member of branch A who is also in the Women's Union branch, with a transfer pending.
    const p = await one<{ membershipId: number; personId: number }>(
      db,
      sql`select m.id as "membershipId", m.person_id as "personId" from memberships m
        where m.unit_id = ${branchA} and m.status = 'active'
          and not exists (select 1 from membership_events e where e.membership_id = m.id)
          and not exists (select 1 from memberships o where o.person_id = m.person_id and o.id <> m.id)
        order by m.id limit 1`,
    );
    const phunu = await one<{ id: number }>(
      db,
      sql`insert into memberships (person_id, organization_code, unit_id, status, joined_on)
        values (${p!.personId}, 'PHUNU', ${phunuBranch}, 'active', '2020-01-01') returning id`,
    );
    const pending = await t.as('bithu.thachkhe', 'POST', `/api/memberships/${p!.membershipId}/transfers`, {
      kind: 'transfer',
      toUnitId: branchB,
      on: today,
    });
    expect(pending.statusCode).toBe(201);
    const res = await t.as('bithu.thachkhe', 'POST', `/api/people/${p!.personId}/death`, {
      on: today,
      reason: 'Tai nạn giao thông',
    });
    expect(res.statusCode).toBe(200);
    expect((await membership(p!.membershipId)).status).toBe('deceased');
    expect((await membership(phunu!.id)).status).toBe('deceased');
    expect((await events(p!.membershipId)).map((e) => e.kind)).toEqual([
      'transfer_issued',
      'transfer_recalled',
      'deceased',
    ]);
    expect((await events(phunu!.id)).map((e) => e.kind)).toEqual(['deceased']);
    const transfer = await one<{ status: string }>(
      db,
      sql`select status from transfers where id = ${pending.json().id}`,
    );
    expect(transfer?.status).toBe('recalled');
    const audit = await one<{ after: { memberships: unknown[] } }>(
      db,
      sql`select after from audit_log where action = 'member.death' and entity_id = ${String(p!.personId)}`,
    );
    expect(audit?.after.memberships).toHaveLength(2);
    expect(
      (await t.as('bithu.thachkhe', 'POST', `/api/people/${p!.personId}/death`, { on: today })).statusCode,
    ).toBe(403);
  });
});

describe('Youth Union age-out (trưởng thành Đoàn)', () => {
  const on = '2026-11-27';
  let thirty: number;
  let yearOnly: number;
  let young: number;

  beforeAll(async () => {
    const add = async (fullName: string, birth: string, joinedOn: string) => {
      const res = await admit('doan.thachkhe', branchB, { person: newPerson(fullName, birth), joinedOn });
      expect(res.statusCode).toBe(201);
      return res.json().membershipId as number;
    };
    thirty = await add('Đặng Văn Ba Mươi', '27/11/1996', '2014-01-01');
    yearOnly = await add('Đặng Văn Năm Sinh', '1996', '2014-01-01');
    young = await add('Đặng Văn Trẻ', '28/11/1996', '2014-01-01');
  });

  it('proposes the Đoàn members below the commune who are 30 or older on the day, and no one younger', async () => {
    const res = await t.as('doan.thachkhe', 'GET', `/api/units/${doanTK}/age-out?on=${on}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { membershipId: number; age: number }[];
    const ids = items.map((i) => i.membershipId);
    expect(ids).toContain(thirty);
    expect(ids).toContain(yearOnly);
    expect(ids).not.toContain(young);
    expect(items.every((i) => i.age >= 30)).toBe(true);
    // The day after, the younger one turns 30 too.
    const later = await t.as('doan.thachkhe', 'GET', `/api/units/${doanTK}/age-out?on=2026-11-28`);
    expect((later.json().items as { membershipId: number }[]).map((i) => i.membershipId)).toContain(young);
  });

  it('is refused for a branch-level unit, and out of scope is not found', async () => {
    const branch = await t.as('bithu.thachkhe', 'GET', `/api/units/${branchA}/age-out`);
    expect(branch.statusCode).toBe(400);
    expect(branch.json().error.message).toContain('không phải Đoàn cấp cơ sở');
    expect((await t.as('bithu.thachkhe', 'GET', `/api/units/${doanTK}/age-out`)).statusCode).toBe(404);
    expect((await t.as('doan.camxuyen', 'GET', `/api/units/${doanTK}/age-out`)).statusCode).toBe(404);
  });

  it('confirms the ticked members in one batch with one audit row, and refuses anyone not proposed', async () => {
    const url = `/api/units/${doanTK}/age-out`;
    const wrong = await t.as('doan.thachkhe', 'POST', url, { on, membershipIds: [thirty, young] });
    expect(wrong.statusCode).toBe(400);
    expect((await membership(thirty)).status).toBe('active');
    const before = await count(branchB);
    const res = await t.as('doan.thachkhe', 'POST', url, {
      on,
      decisionNo: '20/QĐ-ĐTN',
      membershipIds: [thirty, yearOnly],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().count).toBe(2);
    expect(await membership(thirty)).toMatchObject({ status: 'aged_out', leftOn: on });
    expect((await membership(yearOnly)).status).toBe('aged_out');
    expect((await membership(young)).status).toBe('active');
    expect(await count(branchB)).toBe(before - 2);
    expect(await events(thirty)).toEqual([
      { kind: 'admitted', onDate: '2014-01-01', decisionNo: null, reason: null },
      { kind: 'aged_out', onDate: on, decisionNo: '20/QĐ-ĐTN', reason: null },
    ]);
    const audits = await rows<{ after: { members: { membershipId: number }[] } }>(
      t.database.db,
      sql`select after from audit_log where action = 'member.age_out' and entity_id = ${String(doanTK)}`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after.members.map((m) => m.membershipId).sort()).toEqual([thirty, yearOnly].sort());
    const list = await t.as('doan.thachkhe', 'GET', `${url}?on=${on}`);
    expect((list.json().items as { membershipId: number }[]).map((i) => i.membershipId)).not.toContain(
      thirty,
    );
  });
});
