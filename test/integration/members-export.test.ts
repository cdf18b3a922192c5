/** The member list as .xlsx and the "danh sách trích ngang" as .docx: content, who may, and the audit rows. */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';
import { addMember, expectedTotals, testClock } from '../helpers/members';

let t: TestApp;
let ref: Awaited<ReturnType<typeof refs>>;
let branch: { id: number; name: string };
let yearOnly: number;

beforeAll(async () => {
  t = await makeTestApp({ clock: testClock });
  ref = await refs(t.database.db);
  branch = (await ref.branches(ref.doanTK))[0]!;
  await addMember(t.database.db, branch.id, {
    familyName: '=HYPERLINK("http://x.invalid")',
    givenName: 'Hoa',
    birthDate: '2000-02-29',
    nationalId: '042300001234',
    partyStatus: 'probationary',
  });
  yearOnly = await addMember(t.database.db, branch.id, {
    familyName: 'Đinh Thử',
    givenName: 'Năm',
    birthYear: 1998,
  });
});
afterAll(async () => t.close());

const download = async (user: string, url: string, status = 200) => {
  const res = await t.as(user, 'GET', url);
  expect(res.statusCode, res.statusCode === status ? '' : res.body).toBe(status);
  return res;
};
const readXlsx = async (body: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
};
const exports = async () =>
  rows<{ actor_name: string; entity_id: string | null; after: Record<string, unknown> }>(
    t.database.db,
    sql`select actor_name, entity_id, after from audit_log where action = 'person.export' order by id`,
  );

describe('GET /api/people.xlsx', () => {
  it('writes the filtered list: Vietnamese headers, one row per person, real dates, neutralised formulas', async () => {
    const res = await download('bithu.thachkhe', `/api/people.xlsx?unitId=${branch.id}`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/,
    );
    const ws = await readXlsx(res.rawPayload);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 6)).toEqual(['STT', 'Họ và tên', 'Họ đệm', 'Tên', 'Ngày sinh', 'Giới tính']);
    expect(headers).toContain('Ngày vào Đoàn/Hội');
    expect(headers).not.toContain('Số CCCD');
    const expected = await expectedTotals(
      t.database.db,
      branch.id,
      sql`m.status in ('active', 'transferring')`,
    );
    expect(ws.actualRowCount - 1).toBe(expected.people);
    expect(Number(res.headers['x-export-rows'])).toBe(expected.people);
    expect(ws.getColumn(2).width).toBeGreaterThan(20);

    const rowOf = (familyName: string) => {
      for (let i = 2; i <= ws.rowCount; i++)
        if (ws.getRow(i).getCell(3).value === familyName) return ws.getRow(i);
      throw new Error(`${familyName} not exported`);
    };
    const f = rowOf(`'=HYPERLINK("http://x.invalid")`);
    expect(f.getCell(2).value).toBe(`'=HYPERLINK("http://x.invalid") Hoa`);
    const birth = f.getCell(5);
    expect(birth.value).toBeInstanceOf(Date);
    expect((birth.value as Date).toISOString().slice(0, 10)).toBe('2000-02-29');
    expect(birth.numFmt).toBe('dd/mm/yyyy');
    expect(f.getCell(6).value).toBe('Nữ');
    const joined = f.getCell(headers.indexOf('Ngày vào Đoàn/Hội') + 1);
    expect(joined.value).toBeInstanceOf(Date);
    expect((joined.value as Date).toISOString().slice(0, 10)).toBe('2015-03-26');
    // A year alone stays a year.
    expect(rowOf('Đinh Thử').getCell(5).value).toBe(1998);
  });

  it('takes the same filters as the list', async () => {
    const list = (await t.as('doan.thachkhe', 'GET', '/api/people?gender=M&ageBand=19-24&pageSize=1')).json();
    const ws = await readXlsx(
      (await download('doan.thachkhe', '/api/people.xlsx?gender=M&ageBand=19-24')).rawPayload,
    );
    expect(ws.actualRowCount - 1).toBe(list.total);
    expect(list.total).toBeGreaterThan(0);
  });

  it('adds the sensitive columns only when asked by a role that may read them, and audits every export', async () => {
    const before = (await exports()).length;
    const ws = await readXlsx(
      (await download('bithu.thachkhe', `/api/people.xlsx?unitId=${branch.id}&sensitive=1`)).rawPayload,
    );
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(-4)).toEqual(['Số CCCD', 'Dân tộc', 'Tôn giáo', 'Đảng viên']);
    let hoa: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(3).value === `'=HYPERLINK("http://x.invalid")`) hoa = r;
    });
    expect(hoa!.getCell(headers.length - 3).value).toBe('042300001234');
    expect(hoa!.getCell(headers.length).value).toBe('Dự bị');

    const refused = await download('dangu.thachkhe', '/api/people.xlsx?sensitive=1', 403);
    expect(refused.json().error.message).toMatch(/nhạy cảm/);
    await download('dangu.thachkhe', '/api/people.xlsx');

    const audit = (await exports()).slice(before);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actor_name: expect.any(String),
      entity_id: String(branch.id),
      after: {
        format: 'xlsx',
        rows: ws.actualRowCount - 1,
        sensitiveFields: ['nationalId', 'ethnicity', 'religion', 'partyStatus'],
        filters: { unitId: branch.id, status: 'live' },
      },
    });
    expect(audit[1]).toMatchObject({ entity_id: null, after: { format: 'xlsx', sensitiveFields: [] } });
  });

  it('hides units outside the scope and refuses roles without person.read', async () => {
    await download('doan.camxuyen', `/api/people.xlsx?unitId=${branch.id}`, 404);
    await download('ubnd.thachkhe', '/api/people.xlsx', 403);
  });
});

describe('GET /api/units/:id/members.docx', () => {
  const documentXml = async (body: Buffer) => {
    const zip = await JSZip.loadAsync(body);
    return zip.file('word/document.xml')!.async('string');
  };

  it('prints the danh sách trích ngang: A4 landscape, administrative header, the table, signatures', async () => {
    const before = (await exports()).length;
    const res = await download('bithu.thachkhe', `/api/units/${branch.id}/members.docx?sensitive=1`);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(res.rawPayload);
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ĐOÀN XÃ THẠCH KHÊ',
      branch.name.toUpperCase(),
      'DANH SÁCH TRÍCH NGANG ĐOÀN VIÊN',
      'Thạch Khê, ngày 27 tháng 11 năm 2026',
      'Ngày vào Đoàn/Hội',
      'Chức vụ',
      'Ghi chú',
      'BÍ THƯ',
      'Đinh Thử Năm',
      '1998',
      '26/03/2015',
      'Dự bị',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(xml).toContain('w:orient="landscape"');
    const n = await one<{ n: number }>(
      t.database.db,
      sql`select count(distinct person_id)::int as n from memberships where unit_id = ${branch.id} and status = 'active'`,
    );
    expect(text).toContain(`Tổng số: ${n!.n} đoàn viên.`);
    const [audit] = (await exports()).slice(before);
    expect(audit).toMatchObject({ entity_id: String(branch.id), after: { format: 'docx', rows: n!.n } });
  });

  it('leaves ethnicity and Party status blank without the sensitive option, refuses it to supervisors', async () => {
    const text = (
      await documentXml((await download('bithu.thachkhe', `/api/units/${branch.id}/members.docx`)).rawPayload)
    ).replace(/<[^>]+>/g, '');
    expect(text).not.toContain('Dự bị');
    await download('dangu.thachkhe', `/api/units/${branch.id}/members.docx?sensitive=1`, 403);
    await download('dangu.thachkhe', `/api/units/${branch.id}/members.docx`);
    await download('doan.camxuyen', `/api/units/${branch.id}/members.docx`, 404);
  });
});

describe('profile', () => {
  it('splits the name, keeps a year alone, names the commune of the home area, lists memberships', async () => {
    const p = (await t.as('bithu.thachkhe', 'GET', `/api/people/${yearOnly}`)).json();
    expect(p).toMatchObject({ familyName: 'Đinh Thử', givenName: 'Năm', birthDate: null, birthYear: 1998 });
    expect(p.memberships).toEqual([
      expect.objectContaining({ unitId: branch.id, status: 'active', joinedOn: '2015-03-26', leftOn: null }),
    ]);
    const seeded = await ref.personIn(branch.id);
    const s = (await t.as('bithu.thachkhe', 'GET', `/api/people/${seeded}`)).json();
    expect(s.homeAreaName).toMatch(/^(Thôn|Tổ dân phố) /);
    expect(s.homeCommuneName).toBe('Xã Thạch Khê');
    expect(Array.isArray(s.history)).toBe(true);
  });

  it('stays visible through a membership that has ended, without the right to reveal', async () => {
    const gone = await addMember(
      t.database.db,
      branch.id,
      { familyName: 'Hồ Thị', givenName: 'Lan', birthDate: '1990-01-01', nationalId: '042190001111' },
      { status: 'left' },
    );
    const p = (await t.as('bithu.thachkhe', 'GET', `/api/people/${gone}`)).json();
    expect(p).toMatchObject({ nationalId: null, abilities: { revealSensitive: false } });
    expect((await t.as('bithu.thachkhe', 'GET', `/api/people/${gone}?reveal=1`)).statusCode).toBe(403);
  });
});
