/** The authorization matrix's cases for the periodic-report routes (issue 6, point 2), and the fixtures they need. */
import { expect } from 'vitest';
import type { TestApp } from '../app';
import type { BaseFx } from './base';
import { type Case, MEETING_WRITERS, READERS, WRITERS } from './case';

/**
 * Reports of branch A (written by its branch head) in each state a case needs, on periods of 2025 so the real
 * clock never makes them future periods. The commune officer is the level above branch A.
 */
export async function reportsFixtures(app: TestApp, base: BaseFx) {
  const make = async (periodKey: string, steps: Array<[string, string]>, signer = true) => {
    const res = await app.as('bithu.thachkhe', 'POST', '/api/reports', { unitId: base.branchA, periodKey });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    if (signer) {
      // signed, so that it may be submitted (a branch without a head has no default signer)
      const signed = await app.as('bithu.thachkhe', 'PATCH', `/api/reports/${id}`, {
        version: 1,
        signerName: 'Trần Văn Ký',
      });
      expect(signed.statusCode, signed.body).toBe(200);
    }
    for (const [who, action] of steps) {
      const done = await app.as(who, 'POST', `/api/reports/${id}/${action}`);
      expect(done.statusCode, done.body).toBe(200);
    }
    return id;
  };
  const submitted: Array<[string, string]> = [['bithu.thachkhe', 'submit']];
  return {
    reportDraft: await make('2025-Q1', [], false),
    reportToSubmit: await make('2025-Q2', []),
    reportToApprove: await make('2025-Q3', submitted),
    reportToReturn: await make('2025-H1', submitted),
    reportToLock: await make('2025', [...submitted, ['doan.thachkhe', 'approve']]),
  };
}
type Fx = BaseFx & Awaited<ReturnType<typeof reportsFixtures>>;

export const reportsCases: Record<string, Case<Fx>> = {
  'GET /api/reports': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports?unitId=${f.branchA}`,
  },
  'GET /api/reports/overview': {
    allowed: READERS,
    inside: 'giamsat.tinh',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/overview?unitId=${f.doanTK}&periodKey=2025-Q3`,
  },
  'POST /api/reports': {
    allowed: MEETING_WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/reports',
    body: (f) => ({ unitId: f.doanTK, periodKey: '2025-Q4' }),
    status: 201,
  },
  'GET /api/reports/:id': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/${f.reportDraft}`,
  },
  'PATCH /api/reports/:id': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/${f.reportDraft}`,
    body: () => ({ version: 1, number: '03-BC/CĐ' }),
  },
  'POST /api/reports/:id/submit': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/${f.reportToSubmit}/submit`,
  },
  'POST /api/reports/:id/return': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/${f.reportToReturn}/return`,
    body: () => ({ reason: 'Bổ sung số liệu chi hội' }),
  },
  'POST /api/reports/:id/approve': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/${f.reportToApprove}/approve`,
  },
  'POST /api/reports/:id/lock': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/${f.reportToLock}/lock`,
  },
  'GET /api/reports/:id.docx': {
    allowed: READERS,
    inside: 'giamsat.tinh',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/${f.reportToLock}.docx`,
  },
  'GET /api/reports/:id.xlsx': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/reports/${f.reportDraft}.xlsx`,
  },
};
