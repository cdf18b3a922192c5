/** The authorization matrix's cases for the classification routes (issue 6 point 3), and the fixtures they need. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { one } from '../../../server/db/query';
import type { TestApp } from '../app';
import type { BaseFx } from './base';
import { type Case, READERS, WRITERS } from './case';

const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 4),
);

/** This year's proposals for the commune, so a branch has one to confirm. */
export async function classificationFixtures(app: TestApp, base: BaseFx) {
  const res = await app.as('admin', 'POST', '/api/classification/proposals', {
    unitId: base.doanTK,
    year: YEAR,
  });
  expect(res.statusCode, res.body).toBe(200);
  const row = await one<{ level: string }>(
    app.database.db,
    sql`select proposed_level as level from unit_classifications where unit_id = ${base.branchA} and year = ${YEAR}`,
  );
  return { classYear: YEAR, classLevel: row!.level };
}
type Fx = BaseFx & Awaited<ReturnType<typeof classificationFixtures>>;

const SCHEME = {
  levels: [
    { code: 'xuat_sac', name: 'Hoàn thành xuất sắc nhiệm vụ' },
    { code: 'tot', name: 'Hoàn thành tốt nhiệm vụ' },
    { code: 'hoan_thanh', name: 'Hoàn thành nhiệm vụ' },
    { code: 'khong_hoan_thanh', name: 'Không hoàn thành nhiệm vụ' },
  ],
  criteria: [
    {
      key: 'sinh_hoat',
      label: 'Tỷ lệ tháng sinh hoạt đúng định kỳ',
      metric: 'rhythmShare',
      thresholds: { xuat_sac: 0.9, tot: 0.75, hoan_thanh: 0.5 },
    },
  ],
};

export const classificationCases: Record<string, Case<Fx>> = {
  'GET /api/classification/schemes/:organization': {
    allowed: READERS,
    inside: 'giamsat.tinh',
    url: () => '/api/classification/schemes/DOAN',
  },
  'PUT /api/classification/schemes/:organization': {
    allowed: ['admin', 'province_officer'],
    inside: 'tinhdoan',
    outside: 'phunu.tinh',
    url: () => '/api/classification/schemes/DOAN',
    body: () => SCHEME,
  },
  'POST /api/classification/proposals': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/classification/proposals',
    body: (f) => ({ unitId: f.doanTK, year: f.classYear }),
  },
  'GET /api/classification': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/classification?unitId=${f.doanTK}&year=${f.classYear}`,
  },
  'POST /api/classification/:unitId/:year/confirm': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/classification/${f.branchA}/${f.classYear}/confirm`,
    body: (f) => ({ level: f.classLevel, reason: 'Ma trận phân quyền' }),
  },
  'POST /api/classification/confirm-batch': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/classification/confirm-batch',
    body: (f) => ({ unitId: f.doanTK, year: f.classYear }),
  },
};
