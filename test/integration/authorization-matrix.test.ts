import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/roles';
import { importForm, importMapping } from '../fixtures/imports/matrix';
import { makeTestApp, type TestApp } from '../helpers/app';
import { baseFixtures } from '../helpers/matrix/base';
import {
  ADMIN,
  ALL,
  hasId,
  IMPORTERS,
  type Case as MatrixCase,
  MEETING_WRITERS,
  PERSONAS,
  pngForm,
  READERS,
  WRITERS,
} from '../helpers/matrix/case';
import { classificationCases, classificationFixtures } from '../helpers/matrix/classification';
import { duplicatesCases, duplicatesFixtures } from '../helpers/matrix/duplicates';
import { lifecycleCases, lifecycleFixtures } from '../helpers/matrix/lifecycle';
import { oversightCases, oversightFixtures } from '../helpers/matrix/oversight';
import { plansCases, plansFixtures } from '../helpers/matrix/plans';
import { reportsCases, reportsFixtures } from '../helpers/matrix/reports';
import { voiceCases, voiceFixtures } from '../helpers/matrix/voice';

type Fx = Awaited<ReturnType<typeof fixtures>>;
type Case = MatrixCase<Fx>;

const CASES: Record<string, Case> = {
  'GET /api/health': { allowed: 'public', inside: 'admin', url: () => '/api/health' },
  'GET /api/openapi.json': { allowed: 'public', inside: 'admin', url: () => '/api/openapi.json' },
  'GET /api/me': { allowed: 'signed-in', inside: 'doanvien.thachkhe', url: () => '/api/me' },
  'GET /api/units/roots': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/units/roots',
    outsideSees: (res, f) => hasId(res, f.doanTK),
  },
  'GET /api/units': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/units?q=thach%20khe',
    outsideSees: (res) => res.json().items.length > 0,
  },
  'GET /api/units/:id': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.doanTK}`,
  },
  'GET /api/units/:id/children': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/children`,
  },
  'POST /api/units': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/units',
    status: 201,
    body: (f) => ({ parentId: f.doanTK, name: 'Chi đoàn Ma Trận', kind: 'residential', areaId: f.villageTK }),
  },
  'PATCH /api/units/:id': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}`,
    body: () => ({ name: 'Chi đoàn Đổi Tên' }),
  },
  'POST /api/units/:id/move': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.group}/move`,
    body: (f) => ({ newParentId: f.branchB }),
  },
  'POST /api/units/:id/merge': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.mergeFrom}/merge`,
    body: (f) => ({ targetUnitId: f.mergeInto }),
  },
  'GET /api/accounts': { allowed: ADMIN, inside: 'admin', url: () => '/api/accounts' },
  'POST /api/accounts': {
    allowed: ADMIN,
    inside: 'admin',
    url: () => '/api/accounts',
    status: 201,
    body: () => ({ username: 'matran.moi', name: 'Tài Khoản Mới', password: 'MatKhau2026' }),
  },
  'PATCH /api/accounts/:id': {
    allowed: ADMIN,
    inside: 'admin',
    url: (f) => `/api/accounts/${f.memberUser}`,
    body: () => ({ name: 'Đoàn Viên Đổi Tên' }),
  },
  'POST /api/accounts/:id/reset-password': {
    allowed: ADMIN,
    inside: 'admin',
    url: (f) => `/api/accounts/${f.memberUser}/reset-password`,
    body: () => ({ newPassword: 'MatKhauMoi2026' }),
  },
  'POST /api/accounts/:id/grants': {
    allowed: ADMIN,
    inside: 'admin',
    url: (f) => `/api/accounts/${f.memberUser}/grants`,
    status: 201,
    body: (f) => ({ role: 'branch_head', unitId: f.branchB }),
  },
  'DELETE /api/grants/:id': { allowed: ADMIN, inside: 'admin', url: (f) => `/api/grants/${f.grantToRevoke}` },
  'GET /api/organizations': { allowed: ALL, inside: 'doanvien.thachkhe', url: () => '/api/organizations' },
  'GET /api/organizations/:code/rules': {
    allowed: ALL,
    inside: 'bithu.thachkhe',
    url: () => '/api/organizations/DOAN/rules',
  },
  'POST /api/organizations/:code/rules': {
    allowed: ADMIN,
    inside: 'admin',
    url: () => '/api/organizations/NCT/rules',
    status: 201,
    body: () => ({
      kind: 'meeting_rhythm',
      value: { months: 3 },
      effectiveFrom: '2027-01-01',
      source: 'Ma trận',
    }),
  },
  'GET /api/areas': {
    allowed: ['admin', 'province_officer', 'grassroots_officer', 'branch_head', 'supervisor', 'respondent'],
    inside: 'ubnd.thachkhe',
    url: () => '/api/areas?q=thach',
  },
  'GET /api/areas/:id': {
    allowed: ['admin', 'province_officer', 'grassroots_officer', 'branch_head', 'supervisor', 'respondent'],
    inside: 'ubnd.thachkhe',
    url: (f) => `/api/areas/${f.villageTK}`,
  },
  'GET /api/people': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/people?unitId=${f.doanTK}`,
  },
  'GET /api/people.xlsx': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/people.xlsx?unitId=${f.branchA}`,
  },
  'GET /api/units/:id/members.docx': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/members.docx`,
  },
  'GET /api/people/:id': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/people/${f.personTK}`,
  },
  'GET /api/stats/counts': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/stats/counts?unitId=${f.branchA}`,
  },
  'GET /api/units/:id/meetings': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/meetings`,
  },
  'POST /api/units/:id/meetings': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/meetings`,
    status: 201,
    body: () => ({ kind: 'regular', scheduledAt: new Date().toISOString(), mode: 'in_person' }),
  },
  'GET /api/meetings/:id': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}`,
  },
  'PUT /api/meetings/:id/attendance': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/attendance`,
    body: (f) => ({ entries: [{ personId: f.invitee, status: 'present' }] }),
  },
  'PATCH /api/meetings/:id': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}`,
    body: () => ({ content: 'Nội dung ma trận' }),
  },
  'POST /api/meetings/:id/discussions': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/discussions`,
    status: 201,
    body: () => ({ speakerName: 'Khách mời', content: 'Ý kiến ma trận' }),
  },
  'GET /api/meetings/:id/attendance-sheet.docx': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/attendance-sheet.docx`,
  },
  'GET /api/meetings/:id/files': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/files`,
  },
  'POST /api/meetings/:id/files': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/files?purpose=signed_sheet`,
    status: 201,
    body: (f) => pngForm(f.png),
  },
  'GET /api/files/:id': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/files/${f.file}`,
  },
  'DELETE /api/files/:id': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/files/${f.fileToDelete}`,
  },
  'GET /api/units/:id/themes': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/themes`,
  },
  'POST /api/units/:id/themes': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.doanTK}/themes`,
    status: 201,
    body: (f) => ({ month: f.month, title: 'Chủ điểm ma trận 2', body: 'Nội dung' }),
  },
  'GET /api/themes/:id': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/themes/${f.theme}`,
  },
  'PATCH /api/themes/:id': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/themes/${f.theme}`,
    body: () => ({ title: 'Chủ điểm ma trận (sửa)' }),
  },
  'GET /api/themes/:id/coverage': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/themes/${f.theme}/coverage`,
  },
  'POST /api/themes/:id/files': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/themes/${f.theme}/files`,
    status: 201,
    body: (f) => pngForm(f.png),
  },
  // Before the lock below: a locked meeting keeps its theme.
  'PUT /api/meetings/:id/theme': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/theme`,
    body: (f) => ({ themeId: f.theme }),
  },
  // Cadres attending meetings (before the lock below: locked minutes take no new assignment).
  'GET /api/meetings/:id/cadres': {
    allowed: READERS,
    inside: 'dangu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/cadres`,
  },
  'GET /api/meetings/:id/cadre-candidates': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/cadre-candidates`,
  },
  'POST /api/meetings/:id/cadres': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/cadres`,
    status: 201,
    body: () => ({}),
  },
  'PATCH /api/meeting-cadres/:id': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meeting-cadres/${f.cadreToRecord}`,
    body: () => ({ status: 'attended', note: 'Ma trận' }),
  },
  'DELETE /api/meeting-cadres/:id': {
    allowed: WRITERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meeting-cadres/${f.cadreToRemove}`,
  },
  'GET /api/me/cadre-visits': { allowed: 'signed-in', inside: 'tinhdoan', url: () => '/api/me/cadre-visits' },
  'GET /api/cadre-coverage': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/cadre-coverage?unitId=${f.doanTK}&months=6`,
  },
  'GET /api/notifications': { allowed: 'signed-in', inside: 'tinhdoan', url: () => '/api/notifications' },
  'POST /api/notifications/:id/read': {
    allowed: 'signed-in',
    inside: 'tinhdoan',
    url: (f) => `/api/notifications/${f.notification}/read`,
  },
  'POST /api/notifications/read-all': {
    allowed: 'signed-in',
    inside: 'doanvien.thachkhe',
    url: () => '/api/notifications/read-all',
  },
  // Self check-in (before the lock below; the check-in before the window is closed).
  'GET /api/meetings/:id/checkin': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/checkin`,
  },
  'POST /api/checkin': {
    allowed: ['member'],
    inside: 'doanvien.thachkhe',
    url: () => '/api/checkin',
    body: (f) => ({ code: f.checkinCode, mode: 'present' }),
  },
  'POST /api/meetings/:id/checkin/open': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/checkin/open`,
    body: () => ({ minutes: 60 }),
  },
  'POST /api/meetings/:id/checkin/close': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/checkin/close`,
  },
  'GET /api/me/meetings': {
    allowed: 'signed-in',
    inside: 'doanvien.thachkhe',
    url: () => '/api/me/meetings',
  },
  'GET /api/outbox': { allowed: ADMIN, inside: 'admin', url: () => '/api/outbox' },
  // After the roll-call above has made the meeting 'held'.
  'POST /api/meetings/:id/lock': {
    allowed: MEETING_WRITERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/meetings/${f.meeting}/lock`,
  },
  'GET /api/compliance': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/compliance?unitId=${f.doanTK}`,
  },
  'GET /api/compliance/attention': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/compliance/attention?unitId=${f.doanTK}`,
  },
  'GET /api/units/:id/member-attendance': {
    allowed: READERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/member-attendance?year=2026`,
  },
  'GET /api/units/:id/imports': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/imports`,
  },
  'POST /api/units/:id/imports': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/units/${f.branchA}/imports`,
    status: 201,
    body: () => importForm(),
  },
  'GET /api/imports/template': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    url: () => '/api/imports/template',
  },
  'GET /api/imports/:id': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/imports/${f.importChecked}`,
  },
  'POST /api/imports/:id/check': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/imports/${f.importUploaded}/check`,
    status: 202,
    body: () => importMapping,
  },
  'GET /api/imports/:id/rows': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/imports/${f.importChecked}/rows`,
  },
  'GET /api/imports/:id/rejected': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/imports/${f.importChecked}/rejected`,
  },
  // After the rejected rows above were read from the same checked job.
  'POST /api/imports/:id/commit': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/imports/${f.importChecked}/commit`,
    status: 202,
    body: () => ({ mode: 'valid_only' }),
  },
  'POST /api/imports/:id/cancel': {
    allowed: IMPORTERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/imports/${f.importToCancel}/cancel`,
  },
  'GET /api/audit': { allowed: ADMIN, inside: 'admin', url: () => '/api/audit' },
  // Each area's routes live in test/helpers/matrix/<area>.ts, with the fixtures they need.
  ...(lifecycleCases as Record<string, Case>),
  ...(duplicatesCases as Record<string, Case>),
  ...(voiceCases as Record<string, Case>),
  ...(oversightCases as Record<string, Case>),
  ...(plansCases as Record<string, Case>),
  ...(classificationCases as Record<string, Case>),
  ...(reportsCases as Record<string, Case>),
};

let t: TestApp;
let f: Fx;

async function fixtures(app: TestApp) {
  const base = await baseFixtures(app);
  return {
    ...base,
    ...(await lifecycleFixtures(app, base)),
    ...(await duplicatesFixtures(app, base)),
    ...(await voiceFixtures(app, base)),
    ...(await oversightFixtures(app, base)),
    ...(await plansFixtures(app, base)),
    ...(await classificationFixtures(app, base)),
    ...(await reportsFixtures(app, base)),
  };
}

beforeAll(async () => {
  t = await makeTestApp();
  f = await fixtures(t);
});
afterAll(async () => t.close());

describe('authorization matrix', () => {
  it('covers every /api route the server registered, and nothing stale', () => {
    const registered = t.app.routeCatalog
      .filter((r) => r.url !== '/api/auth/*')
      .map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !(k in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !registered.includes(k))).toEqual([]);
    // The better-auth endpoints are the one declared public catch-all.
    expect(
      t.app.routeCatalog.filter((r) => r.url === '/api/auth/*').every((r) => r.policy === 'public'),
    ).toBe(true);
  });

  it('answers every route × role as the policy says', async () => {
    let cases = 0;
    const fail: string[] = [];
    const check = (label: string, ok: boolean) => {
      cases++;
      if (!ok) fail.push(label);
    };
    // Refusals first: none of them may change anything the successes rely on.
    for (const [key, c] of Object.entries(CASES)) {
      const [method] = key.split(' ');
      const url = c.url(f);
      const body = c.body?.(f);
      const anon = await t.as(null, method!, url, body);
      check(
        `${key} anonymous → ${anon.statusCode}`,
        c.allowed === 'public' ? anon.statusCode === 200 : anon.statusCode === 401,
      );
      if (c.allowed === 'public' || c.allowed === 'signed-in') continue;
      for (const [persona, role] of Object.entries(PERSONAS)) {
        if ((c.allowed as Role[]).includes(role)) continue;
        const res = await t.as(persona, method!, url, body);
        check(`${key} as ${persona} (${role}) → ${res.statusCode}, expected 403`, res.statusCode === 403);
      }
      if (c.outside) {
        const res = await t.as(c.outside, method!, url, body);
        const ok = c.outsideSees ? res.statusCode === 200 && !c.outsideSees(res, f) : res.statusCode === 404;
        check(`${key} as ${c.outside} (out of scope) → ${res.statusCode}`, ok);
      }
    }
    for (const [key, c] of Object.entries(CASES)) {
      const [method] = key.split(' ');
      const res = await t.as(c.inside, method!, c.url(f), c.body?.(f));
      const ok = res.statusCode === (c.status ?? 200) && (!c.outsideSees || c.outsideSees(res, f));
      check(
        `${key} as ${c.inside} (in scope) → ${res.statusCode} ${res.statusCode >= 400 ? res.body : ''}`,
        ok,
      );
    }
    console.log(`authorization matrix: ${cases} route × role cases over ${Object.keys(CASES).length} routes`);
    expect(fail).toEqual([]);
  });
});
