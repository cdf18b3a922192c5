/**
 * Periodic reports (issue 6, point 2) through HTTP on the demo province: the workflow one level at a time, stale
 * edits, frozen figures, the level above's late/missing overview on a driven clock, and the .docx/.xlsx exports
 * compared with the dashboard's figures.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../contracts/oversight';
import type { Overview, ReportDetail } from '../../contracts/reports';
import { one } from '../../server/db/query';
import { formatFigure } from '../../server/modules/reports/text';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let now = new Date('2026-12-20T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branchA: number;
let branchB: number;

const ok = async (who: string, method: string, url: string, body?: unknown, status = 200) => {
  const res = await t.as(who, method, url, body);
  expect(res.statusCode, `${method} ${url} as ${who}: ${res.body.slice(0, 300)}`).toBe(status);
  return res;
};
const create = async (who: string, unitId: number, periodKey: string) =>
  (await ok(who, 'POST', '/api/reports', { unitId, periodKey }, 201)).json().id as number;
const detail = async (id: number, who = 'doan.thachkhe') =>
  (await ok(who, 'GET', `/api/reports/${id}`)).json() as ReportDetail;
/** Fills in the signer, which a commune report has no default for (its head is not a member row). */
const sign = async (who: string, id: number) =>
  ok(who, 'PATCH', `/api/reports/${id}`, {
    version: (await detail(id, who)).version,
    signerName: 'Trần Văn Ký',
  });
const dashboard = async (unitId: number, period: string, who = 'doan.thachkhe') =>
  (await ok(who, 'GET', `/api/oversight/dashboard?unitId=${unitId}&period=${period}`)).json() as Dashboard;
const overview = async (unitId: number, periodKey: string) =>
  (
    await ok('doan.thachkhe', 'GET', `/api/reports/overview?unitId=${unitId}&periodKey=${periodKey}`)
  ).json() as Overview;
const admit = (fullName: string, joinedOn: string) =>
  ok(
    'bithu.thachkhe',
    'POST',
    `/api/units/${branchA}/admissions`,
    { person: { fullName, birth: '12/04/2004', gender: 'F' }, joinedOn, decisionNo: '15/QĐ-CĐ' },
    201,
  );

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  [branchA, branchB] = (await r.branches(r.doanTK)).map((b) => b.id) as [number, number];
});
afterAll(async () => t.close());

describe('periodic reports', () => {
  it('runs create → edit → submit → return → resubmit → approve → lock, one level at a time', async () => {
    now = new Date('2026-12-20T03:00:00Z');
    const id = await create('bithu.thachkhe', branchA, '2026-Q4');
    const dup = await t.as('doan.thachkhe', 'POST', '/api/reports', {
      unitId: branchA,
      periodKey: '2026-Q4',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain(`báo cáo số ${id}`);
    const month = await t.as('bithu.thachkhe', 'POST', '/api/reports', {
      unitId: branchA,
      periodKey: '2026-11',
    });
    expect(month.statusCode).toBe(400);
    expect(month.json().error.message).toContain('không làm theo tháng');

    const d = await detail(id, 'bithu.thachkhe');
    expect(d).toMatchObject({
      status: 'draft',
      live: true,
      signerTitle: 'BÍ THƯ',
      place: 'Thạch Khê',
      version: 1,
    });
    expect(d.recipients).toBe('- Ban Thường vụ Tỉnh đoàn (để báo cáo);\n- Lưu VP.');
    // the branch's head signs by default
    const head = await one<{ name: string }>(
      t.database.db,
      sql`select trim(p.family_name || ' ' || p.given_name) as name
      from memberships m join persons p on p.id = m.person_id
      where m.unit_id = ${branchA} and m.status = 'active' and m.position is not null
        and m.position not ilike '%phó%' order by m.id limit 1`,
    );
    expect(d.signerName).toBe(head?.name ?? null);
    expect(d.signerName).not.toBeNull();
    expect(d.narrative.map((s) => s.title)[0]).toBe('I. ĐẶC ĐIỂM TÌNH HÌNH');
    const results = d.narrative.find((s) => s.key === 'results')!.text;
    expect(results).toContain('Trong quý IV năm 2026');
    expect(results).toContain(`Kết nạp mới ${d.figures.admitted.value} đoàn viên`);
    expect(d.abilities).toEqual({
      canEdit: true,
      canSubmit: true,
      canApprove: false,
      canReturn: false,
      canLock: false,
    });

    const edited = (
      await ok('bithu.thachkhe', 'PATCH', `/api/reports/${id}`, {
        version: 1,
        number: '07-BC/CĐ',
        signerName: 'Nguyễn Văn An',
        narrative: [
          ...d.narrative.slice(0, 4),
          { key: 'proposals', title: 'V. ĐỀ XUẤT', text: 'Hỗ trợ kinh phí.' },
        ],
      })
    ).json() as ReportDetail;
    expect(edited).toMatchObject({ version: 2, number: '07-BC/CĐ', signerName: 'Nguyễn Văn An' });
    const stale = await t.as('bithu.thachkhe', 'PATCH', `/api/reports/${id}`, {
      version: 1,
      place: 'Hà Tĩnh',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('phiên bản hiện tại 2');

    const early = await t.as('doan.thachkhe', 'POST', `/api/reports/${id}/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('«Nháp»');
    const sent = (await ok('bithu.thachkhe', 'POST', `/api/reports/${id}/submit`)).json() as ReportDetail;
    expect(sent).toMatchObject({ status: 'submitted', live: false });
    expect(sent.figuresAt).not.toBeNull();
    const late = await t.as('bithu.thachkhe', 'PATCH', `/api/reports/${id}`, {
      version: sent.version,
      number: 'x',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('«Đã gửi»');

    // Wrong people: the branch head holds no report.approve (403), another commune does not see it (404).
    expect((await t.as('bithu.thachkhe', 'POST', `/api/reports/${id}/approve`)).statusCode).toBe(403);
    expect((await t.as('doan.camxuyen', 'POST', `/api/reports/${id}/approve`)).statusCode).toBe(404);
    // the province sees the branch report but does not skip the commune: one level at a time
    const skip = await t.as('tinhdoan', 'POST', `/api/reports/${id}/approve`);
    expect(skip.statusCode).toBe(403);
    expect(skip.json().error.message).toContain('cấp trên trực tiếp');
    expect((await t.as('doan.camxuyen', 'GET', `/api/reports/${id}`)).statusCode).toBe(404);
    expect((await t.as('giamsat.tinh', 'POST', `/api/reports/${id}/submit`)).statusCode).toBe(403);

    const noReason = await t.as('doan.thachkhe', 'POST', `/api/reports/${id}/return`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect((await detail(id)).abilities).toMatchObject({ canApprove: true, canReturn: true, canEdit: false });
    const back = (
      await ok('doan.thachkhe', 'POST', `/api/reports/${id}/return`, { reason: 'Bổ sung phần đề xuất' })
    ).json() as ReportDetail;
    expect(back).toMatchObject({ status: 'draft', live: true, returnReason: 'Bổ sung phần đề xuất' });
    await ok('bithu.thachkhe', 'POST', `/api/reports/${id}/submit`);
    await ok('doan.thachkhe', 'POST', `/api/reports/${id}/approve`);
    const twice = await t.as('doan.thachkhe', 'POST', `/api/reports/${id}/approve`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('«Đã duyệt»');
    const locked = (await ok('doan.thachkhe', 'POST', `/api/reports/${id}/lock`)).json() as ReportDetail;
    expect(locked.status).toBe('locked');
    expect(locked.abilities).toEqual({
      canEdit: false,
      canSubmit: false,
      canApprove: false,
      canReturn: false,
      canLock: false,
    });
    const reopen = await t.as('doan.thachkhe', 'POST', `/api/reports/${id}/return`, { reason: 'Mở lại' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.message).toContain('«Đã khóa»');

    expect(locked.events.map((e) => e.action)).toEqual([
      'created',
      'edited',
      'submitted',
      'returned',
      'submitted',
      'approved',
      'locked',
    ]);
    expect(locked.events[3]).toMatchObject({ reason: 'Bổ sung phần đề xuất', actorName: 'Lê Văn Nam' });
    const audits = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where entity_type = 'unit_report' and entity_id = ${String(id)}`,
    );
    expect(audits?.n).toBe(7);
  });

  it("has the commune's report approved by the province, never by the commune itself or its submitter", async () => {
    now = new Date('2026-12-21T03:00:00Z');
    const id = await create('doan.thachkhe', r.doanTK, '2026-H2');
    // an official report is signed: no signer, no submission (and the field is named)
    const unsigned = await t.as('doan.thachkhe', 'POST', `/api/reports/${id}/submit`);
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error).toMatchObject({ details: [{ field: 'signerName' }] });
    expect(unsigned.json().error.message).toContain('người ký');
    expect((await detail(id)).status).toBe('draft');
    await sign('doan.thachkhe', id);
    await ok('doan.thachkhe', 'POST', `/api/reports/${id}/submit`);
    const own = await t.as('doan.thachkhe', 'POST', `/api/reports/${id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toContain('cấp trên trực tiếp');
    expect((await detail(id)).abilities.canApprove).toBe(false);
    expect((await detail(id, 'tinhdoan')).abilities.canApprove).toBe(true);
    await ok('tinhdoan', 'POST', `/api/reports/${id}/approve`);

    // The province officer who wrote and sent a commune's report does not approve it himself.
    const cx = await create('tinhdoan', r.doanCX, '2026-H2');
    await sign('tinhdoan', cx);
    await ok('tinhdoan', 'POST', `/api/reports/${cx}/submit`);
    const self = await t.as('tinhdoan', 'POST', `/api/reports/${cx}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('tự duyệt');
  });

  it('keeps the submitted figures when the data changes; a new draft shows the new numbers', async () => {
    now = new Date('2026-10-20T03:00:00Z');
    const id = await create('doan.thachkhe', r.doanTK, '2026-Q4');
    await sign('doan.thachkhe', id);
    const frozen = (await ok('doan.thachkhe', 'POST', `/api/reports/${id}/submit`)).json() as ReportDetail;
    const before = await dashboard(r.doanTK, '2026-Q4');
    expect(frozen.figures).toEqual(before.figures);

    await admit('Phạm Thị Báo Cáo', '2026-10-15');
    const after = await dashboard(r.doanTK, '2026-Q4');
    expect(after.figures.admitted.value).toBe(before.figures.admitted.value! + 1);
    expect(after.figures.memberships.value).toBe(before.figures.memberships.value! + 1);

    const again = await detail(id, 'tinhdoan');
    expect(again.figures).toEqual(frozen.figures);
    expect(again.children).toEqual(frozen.children);
    expect(again.figuresAt).toBe(frozen.figuresAt);
    await ok('tinhdoan', 'POST', `/api/reports/${id}/approve`);
    await ok('tinhdoan', 'POST', `/api/reports/${id}/lock`);
    expect((await detail(id)).figures.admitted.value).toBe(before.figures.admitted.value);

    const draft = await detail(await create('bithu.thachkhe', branchA, '2026-H2'));
    const branchNow = await dashboard(branchA, '2026-H2');
    expect(draft.live).toBe(true);
    expect(draft.figures).toEqual(branchNow.figures);
    expect(draft.narrative.find((s) => s.key === 'results')!.text).toContain(
      `Kết nạp mới ${branchNow.figures.admitted.value} đoàn viên`,
    );
  });

  it('shows the level above who is late or missing, five days after the period ends', async () => {
    now = new Date('2026-10-03T03:00:00Z');
    const onTime = await create('bithu.thachkhe', branchA, '2026-Q3');
    await ok('bithu.thachkhe', 'POST', `/api/reports/${onTime}/submit`);
    const early = await overview(r.doanTK, '2026-Q3');
    expect(early.dueOn).toBe('2026-10-05');
    expect(early.rows[0]).toMatchObject({ unitId: r.doanTK, self: true, report: null });
    expect(early.rows.every((x) => !x.late && !x.missing)).toBe(true);

    now = new Date('2026-10-10T03:00:00Z');
    const tardy = await create('doan.thachkhe', branchB, '2026-Q3');
    const row = (o: Overview, unitId: number) => o.rows.find((x) => x.unitId === unitId)!;
    let o = await overview(r.doanTK, '2026-Q3');
    expect(row(o, branchA)).toMatchObject({
      late: false,
      missing: false,
      report: { id: onTime, status: 'submitted' },
    });
    expect(row(o, branchB)).toMatchObject({
      late: true,
      missing: false,
      report: { id: tardy, status: 'draft' },
    });
    expect(row(o, r.doanTK)).toMatchObject({ missing: true, late: false, report: null });
    const others = o.rows.filter((x) => ![branchA, branchB, r.doanTK].includes(x.unitId));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((x) => x.missing)).toBe(true);

    await ok('doan.thachkhe', 'POST', `/api/reports/${tardy}/submit`);
    o = await overview(r.doanTK, '2026-Q3');
    expect(row(o, branchB)).toMatchObject({ late: true, missing: false, report: { status: 'submitted' } });

    expect(
      (await t.as('doan.camxuyen', 'GET', `/api/reports/overview?unitId=${r.doanTK}&periodKey=2026-Q3`))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.as('doan.thachkhe', 'GET', `/api/reports/overview?unitId=${r.doanTK}&periodKey=2026-09`))
        .statusCode,
    ).toBe(400);
    const list = (await ok('doan.thachkhe', 'GET', `/api/reports?unitId=${branchA}`)).json();
    expect(list.items.map((i: { periodKey: string }) => i.periodKey)).toContain('2026-Q3');
  });

  it('exports the .docx in the administrative layout and the .xlsx, both with the dashboard figures', async () => {
    now = new Date('2026-12-22T03:00:00Z');
    await t.database.db.execute(
      sql`update units set name = '=HYPERLINK("x") Chi đoàn' where id = ${branchB}`,
    );
    const id = await create('doan.thachkhe', r.doanTK, '2026');
    await ok('doan.thachkhe', 'PATCH', `/api/reports/${id}`, {
      version: 1,
      number: '15-BC/ĐTN',
      signedOn: '2027-01-05',
    });
    // a draft's figures are computed for whoever reads it: the supervisor's dashboard
    const d = await dashboard(r.doanTK, '2026', 'giamsat.tinh');

    const docx = await ok('giamsat.tinh', 'GET', `/api/reports/${id}.docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const texts = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    const all = texts(xml).join('\n');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15-BC/ĐTN',
      'BÁO CÁO',
    ]) {
      expect(all).toContain(s);
    }
    expect(all).toContain('Thạch Khê, ngày 05 tháng 01 năm 2027');
    expect(all).toContain('BCH ĐOÀN XÃ THẠCH KHÊ');
    expect(all).toContain('Nơi nhận:');
    const rows = xml.split('<w:tr').map(texts);
    for (const def of d.definitions) {
      const line = rows.find((cells) => cells[0] === def.label);
      expect(line, def.label).toBeDefined();
      expect(line![1], def.label).toBe(formatFigure(d.figures[def.key].value, def));
      expect(line![2], def.label).toBe(formatFigure(d.figures[def.key].previous, def));
    }

    const xlsx = await ok('dangu.thachkhe', 'GET', `/api/reports/${id}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sum = wb.getWorksheet('Chỉ tiêu')!;
    const value = (v: ExcelJS.CellValue) => (v === '' || v === null || v === undefined ? null : v);
    d.definitions.forEach((def, i) => {
      const row = sum.getRow(5 + i);
      expect(row.getCell(1).value).toBe(def.label);
      expect(value(row.getCell(2).value), def.label).toBe(d.figures[def.key].value);
    });
    const per = wb.getWorksheet('Theo đơn vị')!;
    d.children.forEach((ch, i) => {
      const row = per.getRow(4 + i);
      expect(String(row.getCell(2).value).replace(/^'/, '')).toBe(ch.name);
      d.definitions.forEach((def, j) => {
        expect(value(row.getCell(4 + j).value), `${ch.name} ${def.key}`).toBe(ch.figures[def.key].value);
      });
    });
    const injected = d.children.findIndex((c) => c.unitId === branchB);
    expect(String(per.getRow(4 + injected).getCell(2).value).startsWith("'=")).toBe(true);

    expect((await t.as('doan.camxuyen', 'GET', `/api/reports/${id}.docx`)).statusCode).toBe(404);
    expect((await t.as('doan.camxuyen', 'GET', `/api/reports/${id}.xlsx`)).statusCode).toBe(404);
  });

  it('keeps PATCH to its own fields, needs the CSRF header on writes, and serves the files as private attachments', async () => {
    now = new Date('2026-12-22T03:00:00Z');
    const id = await create('bithu.thachkhe', branchA, '2025-H1');
    // Fields the editor does not own are dropped: the status, frozen figures, another unit, the version counter.
    const patched = (
      await ok('bithu.thachkhe', 'PATCH', `/api/reports/${id}`, {
        version: 1,
        number: '07-BC/CĐ',
        status: 'locked',
        unitId: r.doanCX,
        figures: { people: { value: 999_999, previous: 0 } },
        figuresAt: '2026-01-01T00:00:00Z',
        lockedAt: '2026-01-01T00:00:00Z',
        submittedBy: 'someone',
      })
    ).json() as ReportDetail;
    expect([patched.status, patched.unit.id, patched.number, patched.live, patched.lockedAt]).toEqual([
      'draft',
      branchA,
      '07-BC/CĐ',
      true,
      null,
    ]);
    expect(patched.figures.people?.value).not.toBe(999_999);
    // Without the anti-forgery header every write of the module is refused before it reaches the service.
    const cookie = await t.cookie('bithu.thachkhe');
    for (const [method, url, payload] of [
      ['POST', '/api/reports', { unitId: branchA, periodKey: '2026-Q3' }],
      ['PATCH', `/api/reports/${id}`, { version: 2, number: 'X' }],
      ['POST', `/api/reports/${id}/submit`, undefined],
      ['POST', '/api/plans', { unitId: r.doanTK, title: 'X', periodKey: '2026', targets: [] }],
      ['POST', `/api/units/${branchA}/party-introductions`, { personId: 1, stage: 'identified' }],
      ['DELETE', '/api/party-introductions/1', undefined],
      ['POST', '/api/classification/proposals', { unitId: r.doanTK, year: 2026 }],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { cookie }, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('CSRF');
    }
    expect((await detail(id)).version).toBe(2);
    for (const [ext, type] of [
      ['docx', 'wordprocessingml'],
      ['xlsx', 'spreadsheetml'],
    ] as const) {
      const res = await ok('giamsat.tinh', 'GET', `/api/reports/${id}.${ext}`);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="[ -~]+"; filename\*=UTF-8''/,
      );
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('2025-H1'));
    }
  });
});
