/** The fixtures every area's matrix cases can use: two branches, personas' units, a meeting, files, imports. */
import QRCode from 'qrcode';
import { expect } from 'vitest';
import { importFixtures } from '../../fixtures/imports/matrix';
import type { TestApp } from '../app';
import { refs } from '../fixtures';
import { pngForm } from './case';

/** Two assignments of the province officer (one to record, one to remove) and the notice he got for one. */
async function cadreFixtures(app: TestApp, branchId: number, meeting: number, tinhdoan: string) {
  const other = await app.as('admin', 'POST', `/api/units/${branchId}/meetings`, {
    kind: 'extraordinary',
    scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    mode: 'in_person',
  });
  const assign = async (meetingId: number) => {
    const res = await app.as('admin', 'POST', `/api/meetings/${meetingId}/cadres`, { userId: tinhdoan });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  return {
    cadreToRecord: await assign(meeting),
    cadreToRemove: await assign(other.json().id),
    notification: (await app.as('tinhdoan', 'GET', '/api/notifications')).json().items[0].id as number,
  };
}

export async function baseFixtures(app: TestApp) {
  const r = await refs(app.database.db);
  const [a, b] = await r.branches(r.doanTK);
  const mk = async (parentId: number, name: string, areaId: number) => {
    const res = await app.as('admin', 'POST', '/api/units', { parentId, name, kind: 'residential', areaId });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  // A dedicated account takes the account-management writes, so no persona's rights change mid-test.
  const created = await app.as('admin', 'POST', '/api/accounts', {
    username: 'matran.fixture',
    name: 'Tài Khoản Thử',
    password: 'MatKhau2026',
  });
  const memberUser = created.json().id as string;
  const planned = await app.as('admin', 'POST', `/api/units/${a!.id}/meetings`, {
    kind: 'regular',
    scheduledAt: new Date().toISOString(),
    mode: 'in_person',
  });
  expect(planned.statusCode).toBe(201);
  const meeting = planned.json().id as number;
  const invitee = (await app.as('admin', 'GET', `/api/meetings/${meeting}`)).json().attendance[0]
    .personId as number;
  // Theme of this month, and meeting files (one to read, one to delete on a meeting that stays unlocked).
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    .format(new Date())
    .slice(0, 7);
  const theme = await app.as('admin', 'POST', `/api/units/${r.doanTK}/themes`, {
    month,
    title: 'Chủ điểm ma trận',
    body: 'Nội dung',
  });
  const png = await QRCode.toBuffer('ma-tran', { type: 'png' });
  const second = await app.as('admin', 'POST', `/api/units/${a!.id}/meetings`, {
    kind: 'regular',
    scheduledAt: new Date().toISOString(),
    mode: 'in_person',
  });
  const upload = async (meetingId: number) =>
    (await app.as('admin', 'POST', `/api/meetings/${meetingId}/files?purpose=photo`, pngForm(png))).json()
      .id as number;
  const grant = await app.as('admin', 'POST', `/api/accounts/${memberUser}/grants`, {
    role: 'branch_head',
    unitId: a!.id,
  });
  return {
    doanTK: r.doanTK,
    branchA: a!.id,
    branchB: b!.id,
    villageTK: a!.areaId,
    group: await mk(a!.id, 'Phân đoàn 1', a!.areaId),
    mergeFrom: await mk(r.doanTK, 'Chi đoàn Sáp Nhập A', a!.areaId),
    mergeInto: await mk(r.doanTK, 'Chi đoàn Sáp Nhập B', a!.areaId),
    memberUser,
    grantToRevoke: grant.json().id as number,
    personTK: await r.personIn(r.doanTK),
    meeting,
    invitee,
    checkinCode: (await app.as('admin', 'GET', `/api/meetings/${meeting}/checkin`)).json().window
      .code as string,
    ...(await cadreFixtures(app, a!.id, meeting, await r.userId('tinhdoan'))),
    month,
    theme: theme.json().id as number,
    png,
    file: await upload(meeting),
    fileToDelete: await upload(second.json().id),
    ...(await importFixtures(app, a!.id)),
  };
}

export type BaseFx = Awaited<ReturnType<typeof baseFixtures>>;
