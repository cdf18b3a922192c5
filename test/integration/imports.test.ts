import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../server/db/query';
import { makeImportsService } from '../../server/modules/imports/imports.service';
import { badFiles, communeCsv, type Known, knownPeople } from '../fixtures/imports/cases';
import { day, fileForm, listWorkbook, readBack, type Value } from '../fixtures/imports/workbooks';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

const now = new Date('2026-11-27T03:00:00Z');
const clock = { now: () => now };
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: { id: number; name: string; areaId: number };
let village: string;
let known: Known;

beforeAll(async () => {
  t = await makeTestApp({ clock });
  r = await refs(t.database.db);
  [branchA] = (await r.branches(r.doanTK)) as [typeof branchA];
  village = branchA.name.replace(/^Chi đoàn /, '');
  known = await knownPeople(t.database.db);
});
afterAll(async () => t.close());

const count = async (table: string, where = sql`true`) =>
  (await one<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`,
  ))!.n;

async function upload(who: string, unitId: number, data: Buffer, name = 'danh-sach.xlsx') {
  return t.app.inject({
    method: 'POST',
    url: `/api/units/${unitId}/imports`,
    headers: { 'x-requested-with': 'DoanHoi', cookie: await t.cookie(who) },
    payload: fileForm(data, name),
  });
}

/** Polls the job until it is no longer checking or committing. */
async function settle(id: number, who: string) {
  for (let i = 0; i < 300; i++) {
    const res = await t.as(who, 'GET', `/api/imports/${id}`);
    const job = res.json();
    if (!['checking', 'committing'].includes(job.status)) return job;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`job ${id} never settled`);
}

async function check(id: number, who: string, changes: Record<string, string | null> = {}) {
  const job = (await t.as(who, 'GET', `/api/imports/${id}`)).json();
  const mapping = Object.fromEntries(
    job.columns.map((c: { index: number; field: string | null }) => [String(c.index), c.field]),
  );
  const res = await t.as(who, 'POST', `/api/imports/${id}/check`, { mapping: { ...mapping, ...changes } });
  expect(res.statusCode, res.body).toBe(202);
  return settle(id, who);
}

const formula = (f: string, result: string | number) => ({ formula: f, result });

interface More {
  ethnicity?: Value;
  area?: Value;
  occupation?: Value;
  party?: Value;
  joined?: Value;
  away?: Value;
  note?: Value;
  age?: Value;
}

/** A row of the branch list: STT, name, birth under Nam / Nữ, phone, CCCD, then the other columns. */
function row(
  stt: number,
  name: Value,
  male: Value,
  female: Value,
  phone: Value,
  id: Value,
  m: More = {},
): Value[] {
  const rest = [
    m.ethnicity ?? 'Kinh',
    m.area ?? village,
    m.occupation ?? null,
    m.party ?? null,
    m.joined ?? null,
  ];
  return [stt, name, male, female, phone, id, ...rest, m.away ?? null, m.note ?? null, m.age ?? null];
}

/** The branch list of a chi đoàn, with every kind of mistake people make. */
function branchRows(): Value[][] {
  const k = known;
  return [
    row(1, 'Nguyễn Văn An', day(1998, 3, 15), null, 912345678, 42098001234, {
      occupation: 'Nông dân',
      joined: '26/03/2014',
      age: formula('2026-1998', 28),
    }),
    row(2, '  trần THỊ   thu hà ', null, '05/07/2001', '0987.654.321', '042301002345', {
      ethnicity: ' kinh ',
      area: `  ${village.toUpperCase()} `,
      occupation: 'Công nhân',
      joined: day(2017, 3, 26),
      away: 'Bình Dương',
      age: formula('2026-2001', 25),
    }),
    row(3, 'Lê Thị Mai', null, 2003, null, null, { occupation: 'Sinh viên' }),
    row(4, 'Phạm Văn Bình', '31/02/2000', null, '0912000111', null),
    row(5, 'Hoàng Văn Cường', day(1999, 1, 1), null, '01234', null),
    row(6, 'Võ Văn Dũng', day(1997, 5, 5), null, '0913000222', '999097001234'),
    row(7, 'Đặng Văn Em', day(2000, 6, 1), null, '0914000333', '042099001234'),
    row(8, null, null, null, '0915000444', null),
    row(9, 'NGUYỄN VĂN AN', day(1998, 3, 15), null, null, null),
    row(10, k.linked.name.toUpperCase(), ...k.linked.birthCells, null, null),
    row(11, k.member.name, ...k.member.birthCells, null, k.member.nationalId),
    row(12, 'Bùi Thị Giang', null, day(2013, 2, 2), null, null, { occupation: 'Học sinh' }),
    row(13, 'Ngô Văn Hải', day(1990, 4, 4), null, formula('"0916"&"555666"', '0916555666'), null, {
      occupation: 'Cán bộ',
    }),
    row(14, 'Trịnh Thị Lan', null, day(1996, 12, 1), null, null, { occupation: 'Giáo viên', party: 'x' }),
    row(15, 'Đỗ Văn Minh', day(1999, 9, 9), null, '+84 977 888 999', null, {
      party: 'Dự bị',
      joined: '15/10/1998',
    }),
    row(16, 'Mai Thị Ngọc', null, '12/8/02', null, null),
    row(17, 'Lý Văn Phúc', 'x', null, null, null),
    row(18, 'Cao Thị Quyên', null, '15.03.2000', 'không có', null, {
      note: '=HYPERLINK("http://x.example","bấm")',
    }),
    [19],
  ];
}

async function branchWorkbook() {
  return listWorkbook({
    titles: [
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'BCH ĐOÀN XÃ THẠCH KHÊ',
      `DANH SÁCH ĐOÀN VIÊN ${branchA.name.toUpperCase()} NĂM 2026`,
      '',
    ],
    header: [
      'STT',
      'Họ và tên',
      'Ngày sinh',
      '',
      'Số điện thoại',
      'Số CCCD',
      'Dân tộc',
      'Thôn',
      'Nghề nghiệp',
      'Đảng viên',
      'Ngày vào Đoàn',
      'Làm ăn xa',
      'Ghi chú',
      'Tuổi',
    ],
    subHeader: [null, null, 'Nam', 'Nữ', null, null, null, null, null, null, null, null, null, null],
    numbering: true,
    rows: branchRows(),
    footer: [
      ['Tổng cộng: 18 đoàn viên'],
      [],
      [null, null, null, null, null, null, null, null, null, `Thạch Khê, ngày 20 tháng 11 năm 2026`],
      ['Người lập biểu', null, null, null, null, null, null, null, null, 'TM. BAN CHẤP HÀNH'],
      [null, null, null, null, null, null, null, null, null, 'BÍ THƯ'],
      ['Hoàng Minh Tuấn'],
    ],
    dateColumns: [2, 3, 10],
    sheetsBefore: ['Bìa'],
  });
}

describe('importing a branch list as people really keep it', () => {
  let jobId: number;
  let firstDataRow: number;

  it('finds the header under the title rows, proposes a mapping and shows samples', async () => {
    const wb = await branchWorkbook();
    firstDataRow = wb.firstDataRow;
    const res = await upload('bithu.thachkhe', branchA.id, wb.data, 'DS chi doan.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    jobId = job.id;
    expect(job).toMatchObject({
      status: 'uploaded',
      sheetName: 'Danh sách',
      headerRow: 5,
      unitName: branchA.name,
    });
    expect(firstDataRow).toBe(8);
    const fields = Object.fromEntries(
      job.columns.map((c: { letter: string; field: string }) => [c.letter, c.field]),
    );
    expect(fields).toEqual({
      A: null,
      B: 'fullName',
      C: 'male',
      D: 'female',
      E: 'phone',
      F: 'nationalId',
      G: 'ethnicity',
      H: 'area',
      I: 'occupation',
      J: 'partyStatus',
      K: 'joinedOn',
      L: 'awayFromHome',
      M: 'note',
      N: null,
    });
    expect(job.columns[2].header).toBe('Ngày sinh / Nam');
    expect(job.columns[1].samples[0]).toBe('Nguyễn Văn An');
    expect(job.columns[13].samples[0]).toBe('28'); // a formula shows its cached result
    expect(job.notes[0]).toContain('dữ liệu từ dòng 8');
    expect(job.notes.join(' ')).toContain('Bìa');
  });

  it('checks every row in the background and names each problem', async () => {
    const job = await check(jobId, 'bithu.thachkhe', { '8': null });
    expect(job.status).toBe('checked');
    expect(job.counts).toEqual({ total: 18, valid: 7, invalid: 8, duplicate: 3 });
    expect(job.progress).toEqual({ done: 18, total: 18 });
    expect(job.notes.join(' ')).toMatch(/Dừng đọc ở dòng 27 \(dòng tổng cộng "Tổng cộng: 18 đoàn viên"\)/);
    expect(job.notes.join(' ')).toMatch(/4 dòng có nội dung sau dòng 27/);
    expect(job.notes.join(' ')).toMatch(/1 dòng trống/);

    const page = (
      await t.as('bithu.thachkhe', 'GET', `/api/imports/${jobId}/rows?status=all&pageSize=50`)
    ).json();
    const byRow = new Map(page.items.map((i: { rowNumber: number }) => [i.rowNumber, i]));
    const problem = (row: number) =>
      (
        byRow.get(row) as {
          problems: Array<{ column: string; header: string; message: string; severity: string }>;
        }
      ).problems;
    const errors = (row: number) => problem(row).filter((p) => p.severity === 'error');
    expect(byRow.get(8)).toMatchObject({
      status: 'valid',
      fullName: 'Nguyễn Văn An',
      birth: '15/03/1998',
      phone: '0912345678',
    });
    expect(problem(8)).toEqual([
      expect.objectContaining({
        column: 'F',
        severity: 'warning',
        message: expect.stringContaining('042098001234'),
      }),
    ]);
    expect(byRow.get(9)).toMatchObject({
      status: 'valid',
      fullName: 'Trần Thị Thu Hà',
      birth: '05/07/2001',
      phone: '0987654321',
    });
    expect(byRow.get(10)).toMatchObject({ status: 'valid', birth: '2003' });
    expect(errors(11)).toEqual([
      expect.objectContaining({
        column: 'C',
        header: 'Ngày sinh / Nam',
        message: expect.stringContaining('không có thật'),
      }),
    ]);
    expect(errors(12)).toEqual([
      expect.objectContaining({
        column: 'E',
        header: 'Số điện thoại',
        message: expect.stringContaining('thiếu chữ số'),
      }),
    ]);
    expect(errors(13)).toEqual([
      expect.objectContaining({ column: 'F', message: expect.stringContaining('mã tỉnh') }),
    ]);
    expect(errors(14)).toEqual([
      expect.objectContaining({
        column: 'F',
        message: expect.stringMatching(/năm sinh 1999 nhưng ngày sinh ghi năm 2000/),
      }),
    ]);
    expect(errors(15)).toEqual([
      expect.objectContaining({ column: 'B', message: expect.stringContaining('Thiếu họ và tên') }),
    ]);
    expect(byRow.get(16)).toMatchObject({ status: 'duplicate', duplicateOfRow: 8 });
    expect(byRow.get(17)).toMatchObject({ status: 'duplicate', duplicateOfPersonId: known.linked.id });
    expect(problem(17).at(-1)?.message).toMatch(/trùng họ tên và ngày sinh.*không tạo người mới/);
    expect(byRow.get(18)).toMatchObject({ status: 'duplicate', duplicateOfPersonId: known.member.id });
    expect(problem(18).at(-1)?.message).toMatch(/trùng số CCCD.*đang là đoàn viên của .*sẽ không nhập lại/);
    expect(errors(19)).toEqual([
      expect.objectContaining({ column: 'D', message: expect.stringContaining('chưa đủ 16 tuổi') }),
    ]);
    expect(byRow.get(20)).toMatchObject({ status: 'valid', phone: '0916555666' });
    expect(problem(20)).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('quá 30 tuổi') }),
    ]);
    expect(byRow.get(21)).toMatchObject({ status: 'valid' });
    expect(errors(22)).toEqual([
      expect.objectContaining({ column: 'K', message: expect.stringContaining('trước ngày sinh') }),
    ]);
    expect(byRow.get(23)).toMatchObject({ status: 'valid', birth: '12/08/2002' });
    expect(byRow.get(24)).toMatchObject({ status: 'valid', birth: null });
    expect(problem(24)).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('Thiếu ngày sinh') }),
    ]);
    expect(errors(25)).toEqual([
      expect.objectContaining({ column: 'E', message: expect.stringContaining('không có') }),
    ]);

    const problems = (
      await t.as('bithu.thachkhe', 'GET', `/api/imports/${jobId}/rows?status=invalid`)
    ).json();
    expect(problems.total).toBe(8);
  });

  it('refuses all-or-nothing while a row is invalid, and writes nothing', async () => {
    const persons = await count('persons');
    const res = await t.as('bithu.thachkhe', 'POST', `/api/imports/${jobId}/commit`, {
      mode: 'all_or_nothing',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Còn 8 dòng lỗi');
    expect(await count('persons')).toBe(persons);
    expect((await t.as('bithu.thachkhe', 'GET', `/api/imports/${jobId}`)).json().status).toBe('checked');
  });

  it('imports exactly the valid rows, links the known person, and audits it', async () => {
    const persons = await count('persons');
    const members = await count('memberships', sql`unit_id = ${branchA.id} and status = 'active'`);
    const res = await t.as('bithu.thachkhe', 'POST', `/api/imports/${jobId}/commit`, { mode: 'valid_only' });
    expect(res.statusCode, res.body).toBe(202);
    const job = await settle(jobId, 'bithu.thachkhe');
    expect(job.status).toBe('committed');
    expect(job.result).toEqual({ persons: 7, memberships: 8, linked: 1, skipped: 10 });
    expect(await count('persons')).toBe(persons + 7);
    expect(await count('memberships', sql`unit_id = ${branchA.id} and status = 'active'`)).toBe(members + 8);
    expect(
      await count(
        'memberships',
        sql`person_id = ${known.linked.id} and organization_code = 'DOAN' and unit_id = ${branchA.id}`,
      ),
    ).toBe(1);
    const an = await one<Record<string, unknown>>(
      t.database.db,
      sql`select family_name, given_name, birth_date::text as birth, gender, phone, national_id, home_area_id, occupation
        from persons where search_text = 'nguyen van an' and national_id = '042098001234'`,
    );
    expect(an).toMatchObject({
      family_name: 'Nguyễn Văn',
      given_name: 'An',
      birth: '1998-03-15',
      gender: 'M',
      phone: '0912345678',
      home_area_id: branchA.areaId,
      occupation: null,
    });
    const ha = await one<Record<string, unknown>>(
      t.database.db,
      sql`select ethnicity, away_from_home, away_place, gender from persons where search_text = 'tran thi thu ha' and birth_date = '2001-07-05'`,
    );
    expect(ha).toEqual({ ethnicity: 'Kinh', away_from_home: true, away_place: 'Bình Dương', gender: 'F' });
    expect(
      await count('persons', sql`search_text = 'le thi mai' and birth_year = 2003 and birth_date is null`),
    ).toBe(1);
    expect(await count('persons', sql`search_text = 'trinh thi lan' and party_status = 'full'`)).toBe(1);
    expect(await count('audit_log', sql`action = 'import.commit' and entity_id = ${String(jobId)}`)).toBe(1);
    expect(await count('import_mappings', sql`unit_id = ${branchA.id}`)).toBe(1);
  });

  it('hands back the rejected rows with a reason, formulas neutralised', async () => {
    const res = await t.as('bithu.thachkhe', 'GET', `/api/imports/${jobId}/rejected`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheets = await readBack(res.rawPayload);
    const rows = sheets['Dòng chưa nhập'] as string[][];
    const header = rows[0] as string[];
    expect(header[0]).toBe('Dòng trong tệp gốc');
    expect(header.at(-1)).toBe('Lý do');
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([11, 12, 13, 14, 15, 16, 18, 19, 22, 25]);
    const reason = (n: number) => rows.find((r) => r[0] === String(n))?.at(-1) ?? '';
    expect(reason(11)).toMatch(/^Cột C \(Ngày sinh \/ Nam\): Ngày sinh "31\/02\/2000" không có thật/);
    expect(reason(16)).toContain('Trùng với dòng 8');
    const note = rows.find((r) => r[0] === '25')?.[header.indexOf('Ghi chú')];
    expect(note).toBe(`'=HYPERLINK("http://x.example","bấm")`);
  });

  it('remembers the mapping for the unit and flags the same list as already imported', async () => {
    const wb = await branchWorkbook();
    const res = await upload('bithu.thachkhe', branchA.id, wb.data);
    const job = res.json();
    expect(job.columns[8]).toMatchObject({ header: 'Nghề nghiệp', field: null });
    const checked = await check(job.id, 'bithu.thachkhe');
    // Everyone with a birth date, CCCD or phone is now found in the database; a year alone without them is not.
    expect(checked.counts).toEqual({ total: 18, valid: 2, invalid: 8, duplicate: 8 });
    const list = (await t.as('bithu.thachkhe', 'GET', `/api/units/${branchA.id}/imports`)).json();
    expect(list.items.map((i: { id: number }) => i.id).slice(0, 2)).toEqual([job.id, jobId]);
    const cancelled = await t.as('bithu.thachkhe', 'POST', `/api/imports/${job.id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    expect(await count('import_rows', sql`job_id = ${job.id}`)).toBe(0);
  });
});

describe('importing a commune list from CSV', () => {
  for (const [encoding, delimiter] of [
    ['windows-1258', ';'],
    ['utf-16le', '\t'],
    ['utf-16be', ','],
    ['utf-8-bom', ','],
    ['utf-8', ';'],
  ] as const) {
    it(`reads ${encoding} with "${delimiter === '\t' ? 'TAB' : delimiter}" and sends each member to the branch of their village`, async () => {
      const { data, villages } = await communeCsv(t.database.db, r.doanTK, encoding, delimiter);
      const res = await upload('doan.thachkhe', r.doanTK, data, 'ds-xa.csv');
      expect(res.statusCode, res.body).toBe(201);
      const up = res.json();
      expect(up.columns.map((c: { field: string | null }) => c.field)).toEqual([
        'givenName',
        'familyName',
        'gender',
        'birthDate',
        'area',
        'phone',
        'nationalId',
        'position',
        'note',
      ]);
      const job = await check(up.id, 'doan.thachkhe');
      expect(job.counts).toEqual({ total: 5, valid: 4, invalid: 1, duplicate: 0 });
      const rows = (await t.as('doan.thachkhe', 'GET', `/api/imports/${up.id}/rows`)).json();
      expect(rows.items[0]).toMatchObject({ fullName: 'Nguyễn Thị Hồng', birth: '2000' });
      expect(rows.items[4].problems[0].message).toMatch(/không tìm thấy thôn\/tổ dân phố "Thôn Không Có"/i);
      expect(rows.items[4].problems[0].message).toContain(villages[0]);
      await t.as('doan.thachkhe', 'POST', `/api/imports/${up.id}/cancel`);
    });
  }

  it('commits a commune list into the right branches', async () => {
    const { data } = await communeCsv(t.database.db, r.doanTK, 'utf-8-bom', ',');
    const up = (await upload('doan.thachkhe', r.doanTK, data, 'ds-xa.csv')).json();
    await check(up.id, 'doan.thachkhe');
    await t.as('doan.thachkhe', 'POST', `/api/imports/${up.id}/commit`, { mode: 'valid_only' });
    const job = await settle(up.id, 'doan.thachkhe');
    expect(job.result).toMatchObject({ persons: 4, memberships: 4 });
    const placed = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from memberships m join persons p on p.id = m.person_id join units u on u.id = m.unit_id
        where u.parent_id = ${r.doanTK} and u.area_id = p.home_area_id and p.phone in ('0901000001', '0901000002', '0901000003', '0901000004')`,
    );
    expect(placed?.n).toBe(4);
  });
});

describe('refusing bad files with a message, writing nothing', () => {
  it('refuses each bad file', async () => {
    const jobs = await count('import_jobs');
    for (const f of await badFiles()) {
      const res = await upload('bithu.thachkhe', branchA.id, f.data, f.name);
      expect(res.statusCode, `${f.label}: ${res.body}`).toBe(400);
      expect(res.json().error.message, f.label).toMatch(f.message);
    }
    expect(await count('import_jobs')).toBe(jobs);
  });

  it('refuses lists over the row limit, at upload or while checking', async () => {
    const prev = process.env.DOANHOI_IMPORT_MAX_ROWS;
    process.env.DOANHOI_IMPORT_MAX_ROWS = '5';
    const small = await makeTestApp({ clock });
    try {
      const rows = (n: number) =>
        Array.from({ length: n }, (_, i) => [
          i + 1,
          `Nguyễn Văn Hùng ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}`.replace(/ (\w)$/, ''),
          day(1999, 1, 1 + i),
        ]);
      const big = await listWorkbook({
        titles: [],
        header: ['STT', 'Họ và tên', 'Ngày sinh'],
        rows: rows(300),
      });
      const inject = async (data: Buffer) =>
        small.app.inject({
          method: 'POST',
          url: `/api/units/${branchA.id}/imports`,
          headers: { 'x-requested-with': 'DoanHoi', cookie: await small.cookie('bithu.thachkhe') },
          payload: fileForm(data, 'lon.xlsx'),
        });
      const refused = await inject(big.data);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toMatch(/vượt giới hạn 5 dòng/);
      const six = await listWorkbook({
        titles: [],
        header: ['STT', 'Họ và tên', 'Ngày sinh'],
        rows: rows(6),
      });
      const up = (await inject(six.data)).json();
      const columns = Object.fromEntries(
        up.columns.map((c: { index: number; field: string }) => [String(c.index), c.field]),
      );
      await small.as('bithu.thachkhe', 'POST', `/api/imports/${up.id}/check`, { mapping: columns });
      let job = up;
      for (let i = 0; i < 200 && ['uploaded', 'checking'].includes(job.status); i++) {
        await new Promise((ok) => setTimeout(ok, 50));
        job = (await small.as('bithu.thachkhe', 'GET', `/api/imports/${up.id}`)).json();
      }
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/hơn 5 dòng/);
      const left = await one<{ n: number }>(
        small.database.db,
        sql`select count(*)::int as n from import_rows where job_id = ${up.id}`,
      );
      expect(left?.n).toBe(0);
    } finally {
      await small.close();
      if (prev === undefined) delete process.env.DOANHOI_IMPORT_MAX_ROWS;
      else process.env.DOANHOI_IMPORT_MAX_ROWS = prev;
    }
  });

  it('refuses a province-level unit and units out of scope', async () => {
    const wb = await branchWorkbook();
    const province = (await one<{ id: number }>(
      t.database.db,
      sql`select id from units where level = 'province' and organization_code = 'DOAN'`,
    ))!.id;
    const res = await upload('tinhdoan', province, wb.data);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('chi đoàn/chi hội hoặc một cơ sở cấp xã');
    expect((await upload('doan.camxuyen', branchA.id, wb.data)).statusCode).toBe(404);
  });
});

describe('interruptions leave the database as it was', () => {
  it('rolls a failing commit back whole and lets the user try again', async () => {
    const wb = await branchWorkbook();
    const up = (await upload('bithu.thachkhe', branchA.id, wb.data)).json();
    await t.database.db.execute(sql`delete from import_mappings where unit_id = ${branchA.id}`);
    await check(up.id, 'bithu.thachkhe');
    // Make the valid rows collide with themselves, as new people, then break one membership's unit.
    await t.database.db.execute(sql`update import_rows set status = 'valid', duplicate_of_person_id = null, duplicate_of_row = null,
      data = jsonb_set(data, '{unitId}', case when row_number = 25 then '999999' else 'null' end::jsonb)
      where job_id = ${up.id} and data ? 'givenName'`);
    const persons = await count('persons');
    const memberships = await count('memberships');
    await t.as('bithu.thachkhe', 'POST', `/api/imports/${up.id}/commit`, { mode: 'valid_only' });
    const job = await settle(up.id, 'bithu.thachkhe');
    expect(job.status).toBe('checked');
    expect(job.error).toContain('chưa có gì được ghi');
    expect(await count('persons')).toBe(persons);
    expect(await count('memberships')).toBe(memberships);
    await t.as('bithu.thachkhe', 'POST', `/api/imports/${up.id}/cancel`);
  });

  it('after a restart, resumes a check and returns an unfinished commit to "checked"', async () => {
    const wb = await branchWorkbook();
    const a = (await upload('bithu.thachkhe', branchA.id, wb.data)).json();
    const b = (await upload('bithu.thachkhe', branchA.id, wb.data)).json();
    await t.database.db.execute(sql`update import_jobs set status = 'checking' where id = ${a.id}`);
    await t.database.db.execute(sql`update import_jobs set status = 'committing' where id = ${b.id}`);
    const restarted = makeImportsService({ db: t.database.db, clock });
    await restarted.recover();
    await restarted.drain();
    const ja = (await t.as('bithu.thachkhe', 'GET', `/api/imports/${a.id}`)).json();
    const jb = (await t.as('bithu.thachkhe', 'GET', `/api/imports/${b.id}`)).json();
    expect(ja).toMatchObject({ status: 'checked', counts: { total: 18 } });
    expect(jb.status).toBe('checked');
    expect(jb.error).toContain('khởi động lại');
  });

  it('offers a template with instructions', async () => {
    const res = await t.as('chihoi.thachkhe', 'GET', '/api/imports/template');
    expect(res.statusCode).toBe(200);
    const sheets = await readBack(res.rawPayload);
    expect(Object.keys(sheets)).toEqual(['Danh sách', 'Hướng dẫn']);
    expect(sheets['Danh sách']?.[0]).toContain('Họ và tên');
    const up = await upload(
      'chihoi.thachkhe',
      (await r.branches(r.phunuTK))[0]!.id,
      res.rawPayload,
      'mau.xlsx',
    );
    expect(up.statusCode).toBe(201);
    expect(up.json().columns.filter((c: { field: string | null }) => c.field).length).toBe(15);
  });
});
