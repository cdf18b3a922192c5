/**
 * The authorization matrix's cases for the duplicates routes and the self-service corrections routes, and the
 * fixtures they need: two pairs of look-alike records in a Thạch Khê branch (one to dismiss, one to merge) and
 * three proposals of the member persona (to withdraw, approve and reject).
 */
import { expect } from 'vitest';
import type { Role } from '../../../contracts/roles';
import type { TestApp } from '../app';
import { addMember } from '../members';
import type { BaseFx } from './base';
import { type Case, MEETING_WRITERS, READERS, WRITERS } from './case';

/** person.self belongs to members; the administrator holds every action. */
const SELF: Role[] = ['admin', 'member'];

export async function duplicatesFixtures(app: TestApp, base: BaseFx) {
  const db = app.database.db;
  const twin = async (givenName: string, birthDate: string) => [
    await addMember(db, base.branchA, { familyName: 'Ma Trận', givenName, birthDate }),
    await addMember(db, base.branchB, { familyName: 'Ma Trận', givenName, birthDate }),
  ];
  const [dismissA, dismissB] = await twin('Một', '1990-01-01');
  const [mergeKept, mergeGone] = await twin('Hai', '1991-02-02');
  const propose = async (field: string, value: string) => {
    const res = await app.as('doanvien.thachkhe', 'POST', '/api/me/corrections', { field, value });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; unitId: number; personId: number };
  };
  const toWithdraw = await propose('education', '12/12');
  const toApprove = await propose('awayPlace', 'Khu công nghiệp Vũng Áng');
  const toReject = await propose('awayContact', '0912000999');
  return {
    dismissA: dismissA as number,
    dismissB: dismissB as number,
    mergeKept: mergeKept as number,
    mergeGone: mergeGone as number,
    correctionToWithdraw: toWithdraw.id,
    correctionToApprove: toApprove.id,
    correctionToReject: toReject.id,
    correctionUnit: toApprove.unitId,
    selfPerson: toApprove.personId,
  };
}
type Fx = BaseFx & Awaited<ReturnType<typeof duplicatesFixtures>>;

export const duplicatesCases: Record<string, Case<Fx>> = {
  'GET /api/duplicates': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/duplicates?unitId=${f.doanTK}`,
  },
  'POST /api/duplicates/dismiss': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/duplicates/dismiss',
    body: (f) => ({ personA: f.dismissA, personB: f.dismissB }),
  },
  'POST /api/duplicates/merge': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/duplicates/merge',
    body: (f) => ({ keptId: f.mergeKept, mergedId: f.mergeGone, take: ['birth'] }),
  },
  // Self-service corrections.
  'GET /api/me/profile': { allowed: SELF, inside: 'doanvien.thachkhe', url: () => '/api/me/profile' },
  'POST /api/me/corrections': {
    allowed: SELF,
    inside: 'doanvien.thachkhe',
    url: () => '/api/me/corrections',
    status: 201,
    body: () => ({ field: 'occupation', value: 'Thợ may (ma trận)' }),
  },
  'POST /api/me/corrections/:id/withdraw': {
    allowed: SELF,
    inside: 'doanvien.thachkhe',
    url: (f) => `/api/me/corrections/${f.correctionToWithdraw}/withdraw`,
  },
  'GET /api/corrections': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/corrections?unitId=${f.correctionUnit}`,
  },
  'GET /api/corrections/count': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/corrections/count',
    // another commune's officer has nothing pending from Thạch Khê to decide
    outsideSees: (res) => res.json().pending > 0,
  },
  'POST /api/corrections/:id/approve': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/corrections/${f.correctionToApprove}/approve`,
  },
  'POST /api/corrections/:id/reject': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/corrections/${f.correctionToReject}/reject`,
    body: () => ({ reason: 'Số liên hệ chưa đúng' }),
  },
  'GET /api/people/:id/corrections': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/people/${f.selfPerson}/corrections`,
  },
};
