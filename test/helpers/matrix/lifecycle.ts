/** The authorization matrix's cases for the lifecycle routes, and the fixtures they need. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows } from '../../../server/db/query';
import { vietnamDay } from '../../../server/lib/vn-time';
import type { TestApp } from '../app';
import type { BaseFx } from './base';
import { type Case, MEETING_WRITERS, READERS } from './case';

/**
 * Memberships of branch A (bithu.thachkhe's) of persons with no other membership, one per write case, and the
 * transfers and stays each decision case answers (issued as admin from branch A to branch B).
 */
export async function lifecycleFixtures(app: TestApp, base: BaseFx) {
  const today = vietnamDay(new Date());
  const ms = await rows<{ id: number; personId: number }>(
    app.database.db,
    sql`select m.id, m.person_id as "personId" from memberships m
      where m.unit_id = ${base.branchA} and m.status = 'active' and m.person_id not in (${base.personTK}, ${base.invitee})
        and not exists (select 1 from memberships o where o.person_id = m.person_id and o.id <> m.id)
      order by m.id desc limit 7`,
  );
  expect(ms.length).toBe(7);
  const [toIssue, toAccept, toRefuse, toRecall, toEndStay, toEnd, toDie] = ms as [
    (typeof ms)[0],
    ...(typeof ms)[0][],
  ];
  const send = async (membershipId: number, kind: 'transfer' | 'stay') => {
    const res = await app.as('admin', 'POST', `/api/memberships/${membershipId}/transfers`, {
      kind,
      toUnitId: base.branchB,
      on: today,
      ...(kind === 'stay' ? { until: '2099-12-31' } : {}),
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  const stay = await send(toEndStay!.id, 'stay');
  expect((await app.as('admin', 'POST', `/api/transfers/${stay}/accept`, { on: today })).statusCode).toBe(
    200,
  );
  // A member of 30 for the age-out confirmation (admitted at 20).
  const aged = await app.as('admin', 'POST', `/api/units/${base.branchB}/admissions`, {
    person: { fullName: 'Nguyễn Văn Ma Trận', birth: '01/01/1990', gender: 'M' },
    joinedOn: '2010-03-26',
  });
  expect(aged.statusCode).toBe(201);
  return {
    today,
    lcIssue: toIssue.id,
    lcAccept: await send(toAccept!.id, 'transfer'),
    lcRefuse: await send(toRefuse!.id, 'transfer'),
    lcRecall: await send(toRecall!.id, 'transfer'),
    lcEndStay: stay,
    lcEnd: toEnd!.id,
    lcDie: toDie!.personId,
    lcAged: aged.json().membershipId as number,
  };
}
type Fx = BaseFx & Awaited<ReturnType<typeof lifecycleFixtures>>;

export const lifecycleCases: Record<string, Case<Fx>> = {
  'POST /api/units/:id/admissions': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    status: 201,
    url: (f) => `/api/units/${f.branchA}/admissions`,
    body: () => ({
      person: { fullName: 'Trần Thị Kết Nạp', birth: '2004', gender: 'F' },
      joinedOn: '2026-01-09',
    }),
  },
  'GET /api/units/:id/transfer-targets': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/transfer-targets?q=chi`,
  },
  'GET /api/units/:id/transfers': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/transfers?box=outgoing`,
  },
  'POST /api/memberships/:id/transfers': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    status: 201,
    url: (f) => `/api/memberships/${f.lcIssue}/transfers`,
    body: (f) => ({ kind: 'transfer', toUnitId: f.branchB, on: f.today, decisionNo: '01/QĐ' }),
  },
  // The receiving side (branch B, under doan.thachkhe) answers; the sender (bithu.thachkhe) recalls.
  'POST /api/transfers/:id/accept': {
    allowed: MEETING_WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/transfers/${f.lcAccept}/accept`,
    body: (f) => ({ on: f.today }),
  },
  'POST /api/transfers/:id/refuse': {
    allowed: MEETING_WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/transfers/${f.lcRefuse}/refuse`,
    body: (f) => ({ on: f.today, reason: 'Không đúng địa bàn' }),
  },
  'POST /api/transfers/:id/recall': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/transfers/${f.lcRecall}/recall`,
    body: (f) => ({ on: f.today }),
  },
  'POST /api/transfers/:id/end': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/transfers/${f.lcEndStay}/end`,
    body: (f) => ({ on: f.today }),
  },
  'POST /api/memberships/:id/end': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/memberships/${f.lcEnd}/end`,
    body: (f) => ({ kind: 'left', on: f.today }),
  },
  'POST /api/people/:id/death': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/people/${f.lcDie}/death`,
    body: (f) => ({ on: f.today }),
  },
  'GET /api/people/:id/lifecycle': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/people/${f.personTK}/lifecycle`,
  },
  'GET /api/units/:id/age-out': {
    allowed: MEETING_WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.doanTK}/age-out`,
  },
  'POST /api/units/:id/age-out': {
    allowed: MEETING_WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.doanTK}/age-out`,
    body: (f) => ({ on: f.today, membershipIds: [f.lcAged] }),
  },
};
