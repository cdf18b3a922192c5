/** The authorization matrix's cases for the oversight routes (issue 6), and the fixtures they need. */
import type { TestApp } from '../app';
import type { BaseFx } from './base';
import { type Case, READERS } from './case';

/** The dashboard reads the base fixtures' units only. */
export async function oversightFixtures(_app: TestApp, _base: BaseFx) {
  return {};
}
type Fx = BaseFx & Awaited<ReturnType<typeof oversightFixtures>>;

export const oversightCases: Record<string, Case<Fx>> = {
  'GET /api/oversight/dashboard': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/oversight/dashboard?unitId=${f.doanTK}&period=2026-Q4`,
  },
  'GET /api/oversight/dashboard.xlsx': {
    allowed: READERS,
    inside: 'giamsat.tinh',
    outside: 'doan.camxuyen',
    url: (f) => `/api/oversight/dashboard.xlsx?unitId=${f.doanTK}&period=2026`,
  },
};
