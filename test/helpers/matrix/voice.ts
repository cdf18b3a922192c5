/** The authorization matrix's cases for the voice routes, and the fixtures they need. */
import { expect } from 'vitest';
import type { Role } from '../../../contracts/roles';
import type { TestApp } from '../app';
import { refs } from '../fixtures';
import type { BaseFx } from './base';
import { ADMIN, ALL, type Case, hasId, pngForm, READERS } from './case';

/** voice.raise: members for themselves, branch heads and officers on behalf of members. */
const RAISERS: Role[] = ['admin', 'province_officer', 'grassroots_officer', 'branch_head', 'member'];
/** voice.handle: forward, resolve, merge. */
const HANDLERS: Role[] = ['admin', 'province_officer', 'grassroots_officer', 'branch_head'];
/** voice.answer: recipient bodies' accounts. */
const RESPONDENTS: Role[] = ['admin', 'respondent'];

export async function voiceFixtures(app: TestApp, base: BaseFx) {
  const r = await refs(app.database.db);
  const raise = async (content: string) => {
    const res = await app.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      kind: 'kien_nghi',
      categoryCode: 'ha_tang',
      content,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const bodies = (
    await app.as('admin', 'GET', `/api/voice/bodies?areaId=${await r.area('Xã Thạch Khê')}`)
  ).json().items as Array<{ id: number; name: string }>;
  const ubnd = bodies.find((b) => b.name === 'UBND xã Thạch Khê')!.id;
  const dangu = bodies.find((b) => b.name === 'Đảng ủy xã Thạch Khê')!.id;
  const toUbnd = async (content: string) => {
    const id = await raise(content);
    const res = await app.as('admin', 'POST', `/api/voice/items/${id}/forward`, { bodyId: ubnd });
    expect(res.statusCode, res.body).toBe(200);
    return id;
  };
  const answered = await raise('Ý kiến đã trả lời (ma trận)');
  expect(
    (await app.as('admin', 'POST', `/api/voice/items/${answered}/resolve`, { answer: 'Đã trả lời' }))
      .statusCode,
  ).toBe(200);
  const committed = await toUbnd('Ý kiến có cam kết (ma trận)');
  const dueOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const ans = await app.as('ubnd.thachkhe', 'POST', `/api/voice/items/${committed}/answer`, {
    answer: 'Sẽ làm',
    commitments: [{ text: 'Làm đường', dueOn }],
  });
  expect(ans.statusCode, ans.body).toBe(200);
  const commitment = (await app.as('ubnd.thachkhe', 'GET', `/api/voice/items/${committed}`)).json()
    .commitments[0].id as number;
  const withFile = await raise('Ý kiến có ảnh (ma trận)');
  const up = await app.as(
    'doanvien.thachkhe',
    'POST',
    `/api/voice/items/${withFile}/files`,
    pngForm(base.png),
  );
  expect(up.statusCode, up.body).toBe(201);
  const dialogue = async (title: string) => {
    const res = await app.as('admin', 'POST', '/api/voice/dialogues', {
      unitId: base.doanTK,
      title,
      leader: 'Chủ tịch UBND xã',
      scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const voiceDialogue = await dialogue('Đối thoại ma trận');
  const extraBody = await app.as('admin', 'POST', '/api/voice/bodies', {
    areaId: await r.area('Xã Thạch Khê'),
    name: 'Hội Nông dân xã Thạch Khê (ma trận)',
    kind: 'agency',
  });
  expect(extraBody.statusCode, extraBody.body).toBe(201);
  const rule = await app.as('admin', 'PUT', '/api/voice/deadlines', {
    categoryCode: 'moi_truong',
    level: 'province',
    days: 20,
  });
  expect(rule.statusCode, rule.body).toBe(200);
  const question = await app.as('admin', 'POST', `/api/voice/dialogues/${voiceDialogue}/questions`, {
    content: 'Câu hỏi ma trận',
  });
  expect(question.statusCode, question.body).toBe(200);
  return {
    voiceDialogue,
    voiceQuestion: question.json().id as number,
    voiceDialogueToPublish: await dialogue('Đối thoại để công bố (ma trận)'),
    voiceItem: await raise('Ý kiến để xem (ma trận)'),
    voiceToForward: await raise('Ý kiến để chuyển (ma trận)'),
    voiceToResolve: await raise('Ý kiến để giải quyết (ma trận)'),
    voiceToAnswer: await toUbnd('Ý kiến để UBND trả lời (ma trận)'),
    voiceToDecline: await toUbnd('Ý kiến để UBND từ chối (ma trận)'),
    voiceMergeTarget: await raise('Đề nghị sửa đường thôn (ma trận)'),
    voiceMergeSource: await raise('Đề nghị sửa đường ở thôn (ma trận)'),
    voiceAnswered: answered,
    voiceWithFile: withFile,
    voiceFile: up.json().id as number,
    voiceCommitment: commitment,
    ubndBody: ubnd,
    voiceExtraBody: extraBody.json().id as number,
    danguBody: dangu,
    areaTK: await r.area('Xã Thạch Khê'),
    respondentUser: await r.userId('ubnd.thachkhe'),
  };
}
type Fx = BaseFx & Awaited<ReturnType<typeof voiceFixtures>>;

export const voiceCases: Record<string, Case<Fx>> = {
  'GET /api/voice/categories': {
    allowed: ALL,
    inside: 'doanvien.thachkhe',
    url: () => '/api/voice/categories',
  },
  'PUT /api/voice/categories/:code': {
    allowed: ADMIN,
    inside: 'admin',
    url: () => '/api/voice/categories/van_hoa',
    body: () => ({ name: 'Văn hóa, thể thao', sortOrder: 9 }),
  },
  'GET /api/voice/deadlines': { allowed: ALL, inside: 'bithu.thachkhe', url: () => '/api/voice/deadlines' },
  'PUT /api/voice/deadlines': {
    allowed: ADMIN,
    inside: 'admin',
    url: () => '/api/voice/deadlines',
    body: () => ({ categoryCode: 'dat_dai', level: 'body', days: 45 }),
  },
  'GET /api/voice/bodies': {
    allowed: ALL,
    inside: 'ubnd.thachkhe',
    url: (f) => `/api/voice/bodies?areaId=${f.areaTK}`,
  },
  'POST /api/voice/bodies': {
    allowed: ADMIN,
    inside: 'admin',
    url: () => '/api/voice/bodies',
    status: 201,
    body: (f) => ({ areaId: f.areaTK, name: 'Công an xã Thạch Khê', kind: 'agency' }),
  },
  'PUT /api/voice/bodies/:id': {
    allowed: ADMIN,
    inside: 'admin',
    url: (f) => `/api/voice/bodies/${f.voiceExtraBody}`,
    body: () => ({ name: 'Hội Nông dân xã Thạch Khê', kind: 'agency', escalatesToId: null, active: true }),
  },
  'DELETE /api/voice/deadlines/:categoryCode/:level': {
    allowed: ADMIN,
    inside: 'admin',
    url: () => '/api/voice/deadlines/moi_truong/province',
  },
  'POST /api/voice/bodies/:id/accounts': {
    allowed: ADMIN,
    inside: 'admin',
    url: (f) => `/api/voice/bodies/${f.danguBody}/accounts`,
    body: (f) => ({ userId: f.memberUser }),
  },
  'POST /api/voice/items': {
    allowed: RAISERS,
    inside: 'doanvien.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/voice/items',
    status: 201,
    body: (f) => ({ kind: 'y_kien', categoryCode: 'khac', content: 'Ý kiến ma trận', unitId: f.branchA }),
  },
  'GET /api/voice/items': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/voice/items?pageSize=100',
    outsideSees: (res, f) => hasId(res, f.voiceItem),
  },
  'GET /api/voice/mine': { allowed: RAISERS, inside: 'doanvien.thachkhe', url: () => '/api/voice/mine' },
  'GET /api/voice/inbox': {
    allowed: RESPONDENTS,
    inside: 'ubnd.thachkhe',
    url: () => '/api/voice/inbox?pageSize=100',
  },
  'GET /api/voice/items/:id': {
    allowed: 'signed-in',
    inside: 'doanvien.thachkhe',
    url: (f) => `/api/voice/items/${f.voiceItem}`,
  },
  'POST /api/voice/items/:id/forward': {
    allowed: HANDLERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/items/${f.voiceToForward}/forward`,
    body: (f) => ({ unitId: f.doanTK }),
  },
  'POST /api/voice/items/:id/resolve': {
    allowed: HANDLERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/items/${f.voiceToResolve}/resolve`,
    body: () => ({ answer: 'Chi đoàn đã giải quyết' }),
  },
  'POST /api/voice/items/:id/answer': {
    allowed: RESPONDENTS,
    inside: 'ubnd.thachkhe',
    url: (f) => `/api/voice/items/${f.voiceToAnswer}/answer`,
    body: () => ({ answer: 'UBND xã trả lời' }),
  },
  'POST /api/voice/items/:id/decline': {
    allowed: RESPONDENTS,
    inside: 'ubnd.thachkhe',
    url: (f) => `/api/voice/items/${f.voiceToDecline}/decline`,
    body: (f) => ({ reason: 'Thuộc thẩm quyền Đảng ủy', bodyId: f.danguBody }),
  },
  'POST /api/voice/items/:id/merge': {
    allowed: HANDLERS,
    inside: 'bithu.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/items/${f.voiceMergeTarget}/merge`,
    body: (f) => ({ sourceIds: [f.voiceMergeSource] }),
  },
  'POST /api/voice/items/:id/feedback': {
    allowed: RAISERS,
    inside: 'doanvien.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/items/${f.voiceAnswered}/feedback`,
    body: () => ({ satisfied: true }),
  },
  'POST /api/voice/commitments/:id/done': {
    allowed: 'signed-in',
    inside: 'ubnd.thachkhe',
    url: (f) => `/api/voice/commitments/${f.voiceCommitment}/done`,
    body: () => ({ note: 'Xong' }),
  },
  'POST /api/voice/items/:id/files': {
    allowed: RAISERS,
    inside: 'doanvien.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/items/${f.voiceWithFile}/files`,
    status: 201,
    body: (f) => pngForm(f.png),
  },
  'GET /api/voice/files/:id': {
    allowed: 'signed-in',
    inside: 'doanvien.thachkhe',
    url: (f) => `/api/voice/files/${f.voiceFile}`,
  },
  'POST /api/voice/dialogues': {
    allowed: HANDLERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: () => '/api/voice/dialogues',
    status: 201,
    body: (f) => ({
      unitId: f.doanTK,
      title: 'Đối thoại (ma trận)',
      leader: 'Bí thư Đảng ủy xã',
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
  },
  'GET /api/voice/dialogues': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/dialogues?unitId=${f.doanTK}`,
  },
  'GET /api/voice/my-dialogues': {
    allowed: ['admin', 'member'],
    inside: 'doanvien.thachkhe',
    url: () => '/api/voice/my-dialogues',
  },
  'GET /api/voice/dialogues/:id': {
    allowed: 'signed-in',
    inside: 'doanvien.thachkhe',
    url: (f) => `/api/voice/dialogues/${f.voiceDialogue}`,
  },
  'POST /api/voice/dialogues/:id/questions': {
    allowed: 'signed-in',
    inside: 'doanvien.thachkhe',
    url: (f) => `/api/voice/dialogues/${f.voiceDialogue}/questions`,
    body: () => ({ content: 'Hỏi trước buổi đối thoại' }),
  },
  'POST /api/voice/dialogue-questions/:id/answer': {
    allowed: HANDLERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/dialogue-questions/${f.voiceQuestion}/answer`,
    body: () => ({ answer: 'Trả lời tại buổi đối thoại' }),
  },
  'POST /api/voice/dialogues/:id/publish': {
    allowed: HANDLERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/dialogues/${f.voiceDialogueToPublish}/publish`,
    body: () => ({ summary: 'Kết quả đối thoại' }),
  },
  'GET /api/voice/stats': {
    allowed: READERS,
    inside: 'doan.thachkhe',
    outside: 'doan.camxuyen',
    url: (f) => `/api/voice/stats?unitId=${f.doanTK}`,
  },
};
