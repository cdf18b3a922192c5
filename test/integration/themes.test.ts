import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: number;
let branchesTK: number;
let provinceDoan: number;
const themes: Record<'tk' | 'cx' | 'province', number> = { tk: 0, cx: 0, province: 0 };

const publish = (who: string, unitId: number, body: Record<string, unknown>) =>
  t.as(who, 'POST', `/api/units/${unitId}/themes`, { month: '2026-11', body: 'Nội dung chủ điểm', ...body });
const plan = (body: Record<string, unknown> = {}) =>
  t.as('bithu.thachkhe', 'POST', `/api/units/${branchA}/meetings`, {
    kind: 'thematic',
    scheduledAt: '2026-11-15T19:30:00+07:00',
    mode: 'in_person',
    ...body,
  });
const meetings = async () =>
  (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from meetings`))!.n;
const form = (bytes: Uint8Array, name: string) => {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(bytes)]), name);
  return f;
};

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  branchA = (await r.branches(r.doanTK))[0]!.id;
  branchesTK = (
    await rows(
      t.database.db,
      sql`select b.id from units b join units g on b.path <@ g.path
      where g.id = ${r.doanTK} and b.level = 'branch' and b.active`,
    )
  ).length;
  provinceDoan = (await one<{ id: number }>(
    t.database.db,
    sql`select id from units where organization_code = 'DOAN' and level = 'province' order by id limit 1`,
  ))!.id;
});
afterAll(async () => t.close());

describe('publishing the month’s theme', () => {
  it('lets province and commune officers publish for the units below them, nobody else', async () => {
    const tk = await publish('doan.thachkhe', r.doanTK, {
      title: 'Tuổi trẻ Thạch Khê chung tay xây dựng nông thôn mới',
    });
    expect(tk.statusCode).toBe(201);
    themes.tk = tk.json().id;
    themes.cx = (await publish('doan.camxuyen', r.doanCX, { title: 'Chủ điểm Cẩm Xuyên' })).json().id;
    const pv = await publish('tinhdoan', provinceDoan, { title: 'Kỷ niệm ngày Nhà giáo Việt Nam 20/11' });
    expect(pv.statusCode).toBe(201);
    themes.province = pv.json().id;

    expect((await publish('bithu.thachkhe', branchA, { title: 'X' })).statusCode).toBe(403);
    const onBranch = await publish('doan.thachkhe', branchA, { title: 'X' });
    expect(onBranch.statusCode).toBe(400);
    expect(onBranch.json().error.message).toContain('cấp tỉnh hoặc cấp xã');
    expect((await publish('doan.thachkhe', r.doanCX, { title: 'X' })).statusCode).toBe(404);
    expect((await publish('doan.thachkhe', r.doanTK, { title: 'X', month: '2026-13' })).statusCode).toBe(400);
  });

  it('lists for a branch what its commune and province published that month, and for a commune its own', async () => {
    const branch = await t.as('bithu.thachkhe', 'GET', `/api/units/${branchA}/themes?month=2026-11`);
    expect(branch.statusCode).toBe(200);
    expect(branch.json().items.map((i: { id: number }) => i.id)).toEqual([themes.province, themes.tk]);
    expect(branch.json().abilities.publish).toBe(false);
    expect(branch.json().items.every((i: { own: boolean }) => !i.own)).toBe(true);

    const commune = (await t.as('doan.thachkhe', 'GET', `/api/units/${r.doanTK}/themes`)).json();
    expect(commune.month).toBe('2026-11');
    expect(commune.abilities.publish).toBe(true);
    expect(commune.items.find((i: { id: number }) => i.id === themes.tk).own).toBe(true);
    expect(
      (await t.as('bithu.thachkhe', 'GET', `/api/units/${branchA}/themes?month=2026-12`)).json().items,
    ).toEqual([]);
  });

  it('shows a theme to the branches below its publisher only, and lets only the publisher edit it', async () => {
    const seen = await t.as('bithu.thachkhe', 'GET', `/api/themes/${themes.tk}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      theme: { id: themes.tk, unitId: r.doanTK, month: '2026-11', body: 'Nội dung chủ điểm' },
      attachments: [],
      abilities: { edit: false },
    });
    expect((await t.as('doan.camxuyen', 'GET', `/api/themes/${themes.tk}`)).statusCode).toBe(404);
    expect((await t.as('doan.camxuyen', 'GET', `/api/themes/${themes.province}`)).statusCode).toBe(200);

    const edit = await t.as('doan.thachkhe', 'PATCH', `/api/themes/${themes.tk}`, { body: 'Nội dung mới' });
    expect(edit.statusCode).toBe(200);
    expect((await t.as('doan.thachkhe', 'GET', `/api/themes/${themes.tk}`)).json().theme.body).toBe(
      'Nội dung mới',
    );
    expect(
      (await t.as('doan.thachkhe', 'PATCH', `/api/themes/${themes.province}`, { title: 'X' })).statusCode,
    ).toBe(403);
    expect(
      (await t.as('doan.camxuyen', 'PATCH', `/api/themes/${themes.tk}`, { title: 'X' })).statusCode,
    ).toBe(404);
  });

  it('takes Word, PDF and image attachments checked by their bytes', async () => {
    const sheetMeeting = (await plan({ kind: 'regular' })).json().id;
    const docx = (await t.as('bithu.thachkhe', 'GET', `/api/meetings/${sheetMeeting}/attendance-sheet.docx`))
      .rawPayload;
    const up = await t.as(
      'doan.thachkhe',
      'POST',
      `/api/themes/${themes.tk}/files`,
      form(docx, 'tai-lieu.docx'),
    );
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({
      purpose: 'attachment',
      contentType: expect.stringContaining('wordprocessingml'),
    });
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const pdfUp = await t.as(
      'doan.thachkhe',
      'POST',
      `/api/themes/${themes.tk}/files`,
      form(pdf, 'huong-dan.pdf'),
    );
    expect(pdfUp.json()).toMatchObject({ contentType: 'application/pdf', fileName: 'huong-dan.pdf' });
    // A zip that is not a Word document is refused.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a word file')]);
    expect(
      (await t.as('doan.thachkhe', 'POST', `/api/themes/${themes.tk}/files`, form(zip, 'a.docx'))).statusCode,
    ).toBe(400);
    expect(
      (await t.as('doan.thachkhe', 'POST', `/api/themes/${themes.province}/files`, form(docx, 'a.docx')))
        .statusCode,
    ).toBe(403);

    const detail = (await t.as('bithu.thachkhe', 'GET', `/api/themes/${themes.tk}`)).json();
    expect(detail.attachments).toHaveLength(2);
    expect(detail.theme.attachments).toBe(2);
    const down = await t.as('bithu.thachkhe', 'GET', detail.attachments[0].url);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await t.as('doan.camxuyen', 'GET', detail.attachments[0].url)).statusCode).toBe(404);
    // The branch reads the attachment but only the publisher removes it.
    expect((await t.as('bithu.thachkhe', 'DELETE', detail.attachments[0].url)).statusCode).toBe(403);
    expect((await t.as('doan.thachkhe', 'DELETE', detail.attachments[0].url)).statusCode).toBe(200);
  });
});

describe('a meeting picks the theme', () => {
  let meeting: number;

  it('plans a meeting with the commune’s theme, and refuses another commune’s or another month’s', async () => {
    const before = await meetings();
    const other = await plan({ themeId: themes.cx });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toContain('không dành cho chi đoàn/chi hội này');
    const december = await plan({ themeId: themes.tk, scheduledAt: '2026-12-02T19:30:00+07:00' });
    expect(december.statusCode).toBe(400);
    expect(december.json().error.message).toContain('tháng 11/2026');
    expect(await meetings()).toBe(before);

    const ok = await plan({ themeId: themes.tk });
    expect(ok.statusCode).toBe(201);
    meeting = ok.json().id;
    const detail = (await t.as('bithu.thachkhe', 'GET', `/api/meetings/${meeting}`)).json();
    expect(detail.meeting.theme).toEqual({
      id: themes.tk,
      title: 'Tuổi trẻ Thạch Khê chung tay xây dựng nông thôn mới',
    });
  });

  it('changes or drops the theme later, never to one not meant for the branch', async () => {
    const put = (themeId: number | null, who = 'bithu.thachkhe') =>
      t.as(who, 'PUT', `/api/meetings/${meeting}/theme`, { themeId });
    expect((await put(themes.province)).statusCode).toBe(200);
    expect((await t.as('bithu.thachkhe', 'GET', `/api/meetings/${meeting}`)).json().meeting.theme.id).toBe(
      themes.province,
    );
    expect((await put(null)).statusCode).toBe(200);
    expect((await t.as('bithu.thachkhe', 'GET', `/api/meetings/${meeting}`)).json().meeting.theme).toBeNull();
    const refused = await put(themes.cx);
    expect(refused.statusCode).toBe(400);
    expect((await put(999999)).statusCode).toBe(400);
    expect((await put(themes.tk, 'doan.camxuyen')).statusCode).toBe(404);
    expect((await put(themes.tk)).statusCode).toBe(200);
  });

  it('shows which branches used the theme, unused first, within each viewer’s scope', async () => {
    const res = await t.as('doan.thachkhe', 'GET', `/api/themes/${themes.tk}/coverage`);
    expect(res.statusCode).toBe(200);
    const cov = res.json();
    expect(cov.summary).toEqual({
      branches: branchesTK,
      used: 1,
      unused: branchesTK - 1,
      rate: 1 / branchesTK,
    });
    const last = cov.rows[cov.rows.length - 1];
    expect(last).toMatchObject({
      unitId: branchA,
      meetingId: meeting,
      meetingAt: '2026-11-15T12:30:00.000Z',
    });
    expect(cov.rows.slice(0, -1).every((row: { meetingId: number | null }) => row.meetingId === null)).toBe(
      true,
    );

    const own = (await t.as('bithu.thachkhe', 'GET', `/api/themes/${themes.tk}/coverage`)).json();
    expect(own.rows.map((row: { unitId: number }) => row.unitId)).toEqual([branchA]);
    expect((await t.as('doan.camxuyen', 'GET', `/api/themes/${themes.tk}/coverage`)).statusCode).toBe(404);
    const province = (await t.as('doan.camxuyen', 'GET', `/api/themes/${themes.province}/coverage`)).json();
    expect(province.summary.used).toBe(0);
    expect(province.rows.some((row: { unitId: number }) => row.unitId === branchA)).toBe(false);
  });

  it('keeps a used theme in its month, and freezes the pick once the minutes are locked', async () => {
    const move = await t.as('doan.thachkhe', 'PATCH', `/api/themes/${themes.tk}`, { month: '2026-12' });
    expect(move.statusCode).toBe(409);
    const detail = (await t.as('bithu.thachkhe', 'GET', `/api/meetings/${meeting}`)).json();
    await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${meeting}/attendance`, {
      entries: [{ personId: detail.attendance[0].personId, status: 'present' }],
    });
    expect((await t.as('bithu.thachkhe', 'POST', `/api/meetings/${meeting}/lock`)).statusCode).toBe(200);
    const locked = await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${meeting}/theme`, { themeId: null });
    expect(locked.statusCode).toBe(409);
  });
});
