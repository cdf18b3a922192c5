/** The authorization matrix's cases for implementation plans and Party introductions (issue 6), with fixtures. */
import { expect } from 'vitest';
import { vietnamDay } from '../../../server/lib/vn-time';
import type { TestApp } from '../app';
import type { BaseFx } from './base';
import { type Case, MEETING_WRITERS, READERS, WRITERS } from './case';

/**
 * Two plans of commune Thạch Khê (one to read and adjust, one to delete), and two members admitted to branch A:
 * one to record a stage for, one whose recorded stage the delete case removes.
 */
export async function plansFixtures(app: TestApp, base: BaseFx) {
  const today = vietnamDay(new Date());
  const plan = async (title: string) => {
    const res = await app.as('admin', 'POST', '/api/plans', {
      unitId: base.doanTK,
      title,
      periodKey: today.slice(0, 4),
      targets: [{ indicator: 'complianceRate', target: 0.9 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  // Two members of their own, admitted here, so no other area's case moves them first.
  const admit = async (fullName: string) => {
    const res = await app.as('admin', 'POST', `/api/units/${base.branchA}/admissions`, {
      person: { fullName, birth: '02/09/2000', gender: 'F' },
      joinedOn: '2020-03-26',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().personId as number;
  };
  const ms = [{ personId: await admit('Lê Thị Cảm Tình') }, { personId: await admit('Trần Thị Xoá Nhầm') }];
  const intro = await app.as('admin', 'POST', `/api/units/${base.branchA}/party-introductions`, {
    personId: ms[1]!.personId,
    stage: 'identified',
    stageOn: today,
  });
  expect(intro.statusCode, intro.body).toBe(201);
  return {
    plan: await plan('Kế hoạch ma trận'),
    planToDelete: await plan('Kế hoạch ma trận (xoá)'),
    partyPerson: ms[0]!.personId,
    introToDelete: intro.json().id as number,
    partyDay: today,
  };
}
type Fx = BaseFx & Awaited<ReturnType<typeof plansFixtures>>;

export const plansCases: Record<string, Case<Fx>> = {
  'POST /api/plans': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/plans',
    status: 201,
    body: (f) => ({
      unitId: f.doanTK,
      title: 'Kế hoạch thực hiện Chỉ thị',
      periodKey: f.partyDay.slice(0, 4),
      targets: [{ indicator: 'admitted', target: 10 }],
    }),
  },
  'GET /api/plans': {
    allowed: READERS,
    inside: 'giamsat.tinh',
    outside: 'doan.camxuyen',
    url: (f) => `/api/plans?unitId=${f.doanTK}`,
  },
  'GET /api/plans/:id': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/plans/${f.plan}?unitId=${f.branchA}`,
  },
  'GET /api/plans/:id.xlsx': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/plans/${f.plan}.xlsx?unitId=${f.branchA}`,
  },
  'PUT /api/plans/:id/targets': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/plans/${f.plan}/targets`,
    body: (f) => ({ unitId: f.branchA, indicator: 'complianceRate', target: 0.75 }),
  },
  'DELETE /api/plans/:id': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/plans/${f.planToDelete}`,
  },
  'POST /api/units/:id/party-introductions': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/party-introductions`,
    status: 201,
    body: (f) => ({ personId: f.partyPerson, stage: 'identified', stageOn: f.partyDay }),
  },
  // Party stages are Party-membership data: only the roles with person.readSensitive (not the supervisors).
  'GET /api/units/:id/party-introductions': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/party-introductions`,
  },
  'DELETE /api/party-introductions/:id': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/party-introductions/${f.introToDelete}`,
  },
};
