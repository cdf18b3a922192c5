import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let branchA: number;
let meeting: number;

const plan = async (unitId: number, scheduledAt = '2026-11-05T19:30:00+07:00') => {
  const res = await t.as('bithu.thachkhe', 'POST', `/api/units/${unitId}/meetings`, {
    kind: 'regular',
    scheduledAt,
    mode: 'in_person',
    place: 'Nhà văn hoá thôn',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
};
const count = async (table: string) =>
  (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))!.n;
/** A multipart body with one file, as a browser sends it. */
const form = (bytes: Uint8Array, name: string, type = 'image/png') => {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return f;
};
const upload = (id: number, body: FormData, purpose = 'signed_sheet', who = 'bithu.thachkhe') =>
  t.as(who, 'POST', `/api/meetings/${id}/files?purpose=${purpose}`, body);
const documentXml = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  return { xml: await zip.file('word/document.xml')!.async('string'), media: zip.file(/^word\/media\//) };
};

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  const r = await refs(t.database.db);
  branchA = (await r.branches(r.doanTK))[0]!.id;
  meeting = await plan(branchA);
});
afterAll(async () => t.close());

describe('printable attendance sheet', () => {
  it('lists every invitee in order, the away members apart, and the check-in QR code with its 6-digit code', async () => {
    const detail = (await t.as('bithu.thachkhe', 'GET', `/api/meetings/${meeting}`)).json();
    const away = detail.attendance[0];
    await t.database.db.execute(
      sql`update meeting_attendance set away_from_home = true where meeting_id = ${meeting} and person_id = ${away.personId}`,
    );
    await t.database.db.execute(
      sql`update persons set away_place = 'Bình Dương' where id = ${away.personId}`,
    );
    await t.database.db.execute(sql`insert into meeting_checkins (meeting_id, code, opens_at, closes_at)
      values (${meeting}, '482913', '2026-11-05T12:00:00Z', '2026-11-05T15:00:00Z')
      on conflict (meeting_id) do update set code = excluded.code`);

    const res = await t.as('dangu.thachkhe', 'GET', `/api/meetings/${meeting}/attendance-sheet.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Danh sach diem danh - .*\.docx"; filename\*=UTF-8''Danh%20s%C3%A1ch/,
    );
    const { xml, media } = await documentXml(res.rawPayload);
    expect(xml).toContain('DANH SÁCH ĐIỂM DANH SINH HOẠT');
    expect(xml).toContain('05/11/2026');
    expect(xml).toContain('19:30');
    expect(xml).toContain('Nhà văn hoá thôn');
    expect(xml).toContain('Tháng 11/2026');
    expect(xml).toContain('482913');
    expect(media.length).toBe(1);
    const names: string[] = detail.attendance.map((a: { fullName: string }) => a.fullName);
    const positions = names.map((n) => xml.indexOf(`>${n}<`));
    expect(positions.every((p) => p > 0)).toBe(true);
    // At home in Vietnamese order, then the away member in section II with where they work.
    const home = positions.slice(1);
    expect([...home].sort((a, b) => a - b)).toEqual(home);
    const section = xml.indexOf('làm ăn xa (1 người)');
    expect(section).toBeGreaterThan(Math.max(...home));
    expect(positions[0]).toBeGreaterThan(section);
    expect(xml).toContain('Làm ăn xa: Bình Dương');
  });

  it('prints without a QR code when check-in is not set up, and hides other communes’ meetings', async () => {
    const other = await plan(branchA, '2026-11-20T19:30:00+07:00');
    await t.database.db.execute(sql`delete from meeting_checkins where meeting_id = ${other}`);
    const res = await t.as('bithu.thachkhe', 'GET', `/api/meetings/${other}/attendance-sheet.docx`);
    expect(res.statusCode).toBe(200);
    const { xml, media } = await documentXml(res.rawPayload);
    expect(media.length).toBe(0);
    expect(xml).not.toContain('Mã điểm danh');
    expect(
      (await t.as('doan.camxuyen', 'GET', `/api/meetings/${other}/attendance-sheet.docx`)).statusCode,
    ).toBe(404);
  });
});

describe('photos of the signed sheet', () => {
  let pngId: number;
  let png: Buffer;

  it('stores a real PNG checked by its bytes, lists it and serves it back unsniffed', async () => {
    png = await QRCode.toBuffer('anh-danh-sach', { type: 'png' });
    const audits = await count('audit_log');
    const res = await upload(meeting, form(png, 'danh sách đã ký.png', 'application/octet-stream'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      purpose: 'signed_sheet',
      fileName: 'danh sách đã ký.png',
      contentType: 'image/png',
      sizeBytes: png.length,
    });
    pngId = res.json().id;
    expect(await count('audit_log')).toBe(audits + 1);

    const list = await t.as('bithu.thachkhe', 'GET', `/api/meetings/${meeting}/files`);
    expect(list.json()).toMatchObject({
      items: [{ id: pngId, url: `/api/files/${pngId}` }],
      abilities: { upload: true, delete: true },
    });
    const down = await t.as('dangu.thachkhe', 'GET', `/api/files/${pngId}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toMatch(/^inline;/);
    expect(Buffer.compare(down.rawPayload, png)).toBe(0);
  });

  it('takes photos larger than the JSON body limit (up to 10 MB)', async () => {
    const photo = Buffer.alloc(3 * 1024 * 1024, 0);
    png.copy(photo);
    const res = await upload(meeting, form(photo, 'anh-lon.png'), 'photo');
    expect(res.statusCode).toBe(201);
    expect(res.json().sizeBytes).toBe(photo.length);
  });

  it('serves a PDF as a download', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await upload(meeting, form(pdf, 'bien-ban', 'application/pdf'), 'photo');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: 'bien-ban.pdf',
      contentType: 'application/pdf',
      purpose: 'photo',
    });
    const down = await t.as('bithu.thachkhe', 'GET', `/api/files/${res.json().id}`);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toMatch(/^attachment; filename="bien-ban\.pdf"/);
  });

  it('refuses disguised, oversized, empty and mislabelled uploads, writing nothing', async () => {
    const files = await count('files');
    const audits = await count('audit_log');
    const text = await upload(meeting, form(Buffer.from('xin chào, đây không phải ảnh'), 'image.png'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('image.png');
    expect(text.json().error.message).toContain('JPEG, PNG, PDF');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    expect((await upload(meeting, form(exe, 'anh.jpg', 'image/jpeg'))).statusCode).toBe(400);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    png.copy(big);
    const tooBig = await upload(meeting, form(big, 'to.png'));
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toContain('10 MB');
    expect((await upload(meeting, form(Buffer.alloc(0), 'rong.png'))).statusCode).toBe(400);
    expect((await upload(meeting, form(png, 'a.png'), 'attachment')).statusCode).toBe(400);
    const json = await t.as('bithu.thachkhe', 'POST', `/api/meetings/${meeting}/files?purpose=photo`, {
      a: 1,
    });
    expect(json.statusCode).toBe(400);
    expect(await count('files')).toBe(files);
    expect(await count('audit_log')).toBe(audits);
  });

  it('hides files out of scope and refuses read-only actors', async () => {
    expect((await t.as('doan.camxuyen', 'GET', `/api/files/${pngId}`)).statusCode).toBe(404);
    expect((await t.as('doan.camxuyen', 'DELETE', `/api/files/${pngId}`)).statusCode).toBe(404);
    expect((await t.as('doan.camxuyen', 'GET', `/api/meetings/${meeting}/files`)).statusCode).toBe(404);
    expect((await upload(meeting, form(png, 'x.png'), 'photo', 'doan.camxuyen')).statusCode).toBe(404);
    expect((await t.as('dangu.thachkhe', 'DELETE', `/api/files/${pngId}`)).statusCode).toBe(403);
    expect((await t.as('doan.thachkhe', 'GET', '/api/files/999999')).statusCode).toBe(404);
  });

  it('deletes while the minutes are open, and refuses once they are locked', async () => {
    const extra = await upload(meeting, form(png, 'them.png'), 'photo');
    const del = await t.as('bithu.thachkhe', 'DELETE', `/api/files/${extra.json().id}`);
    expect(del.statusCode).toBe(200);
    expect((await t.as('bithu.thachkhe', 'GET', `/api/files/${extra.json().id}`)).statusCode).toBe(404);

    const detail = (await t.as('bithu.thachkhe', 'GET', `/api/meetings/${meeting}`)).json();
    const roll = await t.as('bithu.thachkhe', 'PUT', `/api/meetings/${meeting}/attendance`, {
      entries: [{ personId: detail.attendance[1].personId, status: 'present' }],
    });
    expect(roll.statusCode).toBe(200);
    expect((await t.as('bithu.thachkhe', 'POST', `/api/meetings/${meeting}/lock`)).statusCode).toBe(200);
    const locked = await t.as('bithu.thachkhe', 'DELETE', `/api/files/${pngId}`);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain('khoá');
    const list = (await t.as('bithu.thachkhe', 'GET', `/api/meetings/${meeting}/files`)).json();
    expect(list.abilities).toEqual({ upload: true, delete: false });
    // The signed sheet is often photographed after the meeting: uploading stays open.
    expect((await upload(meeting, form(png, 'sau.png'), 'photo')).statusCode).toBe(201);
  });
});
