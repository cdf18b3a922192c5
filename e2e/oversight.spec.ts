import { expect, test } from '@playwright/test';
import type { Dashboard, Definition } from '../contracts/oversight';
import type { ReportDetail } from '../contracts/reports';
import { docxToPdfText, oneLine, vnCount, vnFigure, vnRate } from './fixtures/docx-pdf';
import {
  choose,
  DESKTOP,
  dashboardApi,
  drillInto,
  drillTable,
  expectChildren,
  expectKpi,
  shot,
  signedIn,
  whenReady,
} from './fixtures/oversight-pages';
import { E2E_NOW, installServerClock, login, openMenuItem } from './helpers';
import { expectNoHorizontalScroll, PHONE, settled } from './phone-kit';

/**
 * Issue 6's journey. The province supervisor (Ban Tuyên giáo và Dân vận Tỉnh ủy) opens the oversight dashboard
 * for the last quarter that has ended, reads the figures beside the previous quarter's, drills down from the
 * province to Tỉnh Đoàn Hà Tĩnh, to Đoàn xã Thạch Khê and to one of its branches, each figure checked against
 * the API; the dashboard is saved at desktop and phone width. Then the commune's Đoàn officer writes the
 * quarterly report (a narrative section edited) and submits it; the province officer approves and locks it; the
 * supervisor downloads it as .docx, which LibreOffice turns into a PDF whose text must carry the administrative
 * header, the report number and the report's frozen figures.
 */

const ORG_PROVINCE = 'Tỉnh Đoàn Hà Tĩnh';
const COMMUNE = 'Đoàn xã Thạch Khê';
const BRANCH = 'Chi đoàn Thôn Hạ Vàng';
const CHART = 'Tỷ lệ chi sinh hoạt đúng định kỳ theo đơn vị trực thuộc';
const NUMBER = '27-BC/ĐTN';
const SIGNER = 'Lê Văn Nam';
const PROPOSAL =
  'Đề nghị Tỉnh đoàn hỗ trợ kinh phí tổ chức sinh hoạt chuyên đề cho các chi đoàn có nhiều đoàn viên đi làm ăn xa.';
const ROMAN = ['I', 'II', 'III', 'IV'];
/** The columns of the report's per-branch table (BẢNG 2), in order. */
const PER_UNIT = [
  'people',
  'admitted',
  'complianceRate',
  'attendanceRate',
  'voiceReceived',
  'voiceResolved',
] as const satisfies readonly Definition['key'][];

/** The last quarter that has ended at the server's "now" (E2E_NOW, Vietnam time): the one reported on. */
function lastEndedQuarter() {
  const [year, month] = E2E_NOW.slice(0, 7).split('-').map(Number) as [number, number];
  const q = Math.ceil(month / 3);
  const y = q === 1 ? year - 1 : year;
  const n = q === 1 ? 4 : q - 1;
  return {
    key: `${y}-Q${n}`,
    year: y,
    n,
    label: `Quý ${ROMAN[n - 1]}/${y}`,
    phrase: `quý ${ROMAN[n - 1]} năm ${y}`,
  };
}
const QUARTER = lastEndedQuarter();

test.use({ viewport: DESKTOP, actionTimeout: 20_000 });

const formatOf = (r: ReportDetail, key: Definition['key']) =>
  r.definitions.find((d) => d.key === key)?.format ?? 'count';

test('giám sát: bảng chỉ tiêu theo quý, xem sâu tới xã và chi; báo cáo quý lập, gửi, duyệt, khóa, tải .docx', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);

  // (1) The supervisor opens the dashboard and chooses the quarter that has just ended.
  await installServerClock(page);
  await login(page, 'giamsat.tinh');
  await openMenuItem(page, 'Giám sát, đánh giá');
  // The whole province, every organization, is the heaviest answer: the one the page receives is read here
  // (the API's answer at the commune and branch levels below is fetched again beside the page).
  const answered = page.waitForResponse(
    (r) => {
      const url = new URL(r.url());
      return (
        url.pathname === '/api/oversight/dashboard' &&
        url.searchParams.get('period') === QUARTER.key &&
        !url.searchParams.has('unitId')
      );
    },
    { timeout: 90_000 },
  );
  await choose(page, page.getByLabel('Kỳ', { exact: true }), `Quý ${ROMAN[QUARTER.n - 1]}`);
  await expect(page).toHaveURL(new RegExp(`[?&]period=${QUARTER.key}`));
  const provinceAnswer = await answered;
  expect(provinceAnswer.status()).toBe(200);
  const scope = (await provinceAnswer.json()) as Dashboard;
  expect(scope.unit).toBeNull();
  await expect(page.getByText(`${QUARTER.label}: `)).toContainText(`So với ${scope.previous.label}`);
  for (const key of ['people', 'branches', 'complianceRate', 'admitted'] as const) {
    await expectKpi(page, scope, key);
  }
  await expect(page.getByRole('img', { name: CHART })).toBeVisible();
  const orgId = await expectChildren(page, scope, ORG_PROVINCE);

  // (2) Drill down: the province's Youth Union, then the commune's, then one of its branches.
  await drillInto(page, ORG_PROVINCE);
  await expect(page).toHaveURL(new RegExp(`[?&]unitId=${orgId}\\b`));
  const org = await dashboardApi(page, QUARTER.key, orgId);
  await expectKpi(page, org, 'branches');
  await drillInto(page, COMMUNE);
  const communeId = org.children.find((c) => c.name === COMMUNE)?.unitId as number;
  await expect(page).toHaveURL(new RegExp(`[?&]unitId=${communeId}\\b`));
  const commune = await dashboardApi(page, QUARTER.key, communeId);
  expect(commune.unit?.name).toBe(COMMUNE);
  for (const key of ['branches', 'memberships', 'complianceRate', 'attendanceRate', 'thematic'] as const) {
    await expectKpi(page, commune, key);
  }
  await expect(page.getByRole('img', { name: CHART })).toBeVisible();
  const branchId = await expectChildren(page, commune, BRANCH);
  await shot(page, 'oversight-dashboard-desktop');

  await drillInto(page, BRANCH);
  await expect(page).toHaveURL(new RegExp(`[?&]unitId=${branchId}\\b`));
  const branch = await dashboardApi(page, QUARTER.key, branchId);
  expect(branch.unit?.name).toBe(BRANCH);
  for (const key of ['memberships', 'people', 'complianceRate', 'attendanceRate'] as const) {
    await expectKpi(page, branch, key);
  }
  await expect(drillTable(page)).toContainText('Đơn vị này không có đơn vị trực thuộc');

  // (3) The same commune dashboard on a 360 px phone: nothing sticks out sideways.
  const phone = await signedIn(browser, 'giamsat.tinh', PHONE, true);
  await phone.goto(`/oversight?period=${QUARTER.key}&unitId=${communeId}`);
  await expect(phone.getByRole('heading', { name: 'Giám sát, đánh giá', level: 1 })).toBeVisible();
  await expectKpi(phone, commune, 'memberships');
  await expect(phone.getByRole('img', { name: CHART })).toBeVisible();
  await expectNoHorizontalScroll(phone, 'bảng chỉ tiêu giám sát');
  await shot(phone, 'oversight-dashboard-phone');
  await phone.context().close();

  // (4) The commune's Đoàn officer writes the quarterly report, edits a section and submits it. On a retry after
  // the report was locked (a failure further on), the locked report is the one read below.
  const officer = await signedIn(browser, 'doan.thachkhe');
  await openMenuItem(officer, 'Báo cáo định kỳ');
  await expect(officer.getByText(`${QUARTER.label} · Hạn nộp: `)).toBeVisible();
  const ownRow = officer.locator('tr.ant-table-row').filter({ hasText: 'Báo cáo của chính đơn vị' });
  await expect(ownRow).toContainText(COMMUNE);
  const lockedBefore = test.info().retry > 0 && (await ownRow.textContent())?.includes('Đã khóa');
  let reportId: number;
  if (lockedBefore) {
    const href = await ownRow.getByRole('link', { name: `Mở ${COMMUNE}` }).getAttribute('href');
    reportId = Number(/\/reports\/(\d+)$/.exec(href ?? '')?.[1]);
    await officer.context().close();
  } else {
    await expect(ownRow).toContainText('Chưa lập');
    await officer.getByRole('button', { name: 'Lập báo cáo của đơn vị' }).click();
    await expect(officer.getByText('Đã lập báo cáo nháp')).toBeVisible();
    await expect(officer).toHaveURL(/\/reports\/\d+$/);
    reportId = Number(/\/reports\/(\d+)$/.exec(officer.url())?.[1]);
    await expect(
      officer.getByRole('heading', { name: `${COMMUNE} — ${QUARTER.label}`, level: 1 }),
    ).toBeVisible();
    await officer.getByLabel('Số, ký hiệu').fill(NUMBER);
    await officer.getByLabel('Người ký', { exact: true }).fill(SIGNER);
    await officer.getByLabel('V. ĐỀ XUẤT, KIẾN NGHỊ', { exact: true }).fill(PROPOSAL);
    await officer.getByRole('button', { name: 'Lưu' }).click();
    await expect(officer.getByText('Đã lưu', { exact: true })).toBeVisible();
    await whenReady(officer.getByRole('button', { name: 'Gửi báo cáo' }));
    const confirm = officer.locator('.ant-popconfirm');
    await settled(confirm);
    await confirm.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect(officer.getByText('Đã cập nhật báo cáo')).toBeVisible();
    await expect(officer.locator('.ant-tag').filter({ hasText: 'Đã gửi' })).toBeVisible();
    await expect(officer.getByText(/^Số liệu đã chốt lúc /)).toBeVisible();
    // One level at a time: the writer does not approve their own report.
    await expect(officer.getByRole('button', { name: 'Duyệt' })).toHaveCount(0);
    await officer.context().close();

    // (5) The province officer finds it among the communes' reports, approves it and locks it.
    const province = await signedIn(browser, 'tinhdoan');
    await openMenuItem(province, 'Báo cáo định kỳ');
    await expect(province.getByText(`${QUARTER.label} · Hạn nộp: `)).toBeVisible();
    const communeRow = province.locator('tr.ant-table-row').filter({ hasText: COMMUNE });
    await expect(communeRow).toContainText('Đã gửi');
    await province.getByRole('link', { name: `Mở ${COMMUNE}` }).click();
    await expect(province).toHaveURL(new RegExp(`/reports/${reportId}$`));
    await whenReady(province.getByRole('button', { name: 'Duyệt' }));
    await expect(province.locator('.ant-tag').filter({ hasText: 'Đã duyệt' })).toBeVisible();
    await whenReady(province.getByRole('button', { name: 'Khóa' }));
    const lockConfirm = province.locator('.ant-popconfirm');
    await settled(lockConfirm);
    await lockConfirm.getByRole('button', { name: 'Khóa' }).click();
    await expect(province.locator('.ant-tag').filter({ hasText: 'Đã khóa' })).toBeVisible();
    await province.context().close();
  }

  // (6) The supervisor goes back up to the commune, opens its report and downloads it as .docx.
  await page.getByRole('button', { name: 'Lên đơn vị cấp trên' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]unitId=${communeId}\\b`));
  // the header's link follows the unit shown (wait for the page to have re-rendered for the commune)
  await expect(page.locator(`a[href="/reports?unitId=${communeId}"]`)).toBeVisible();
  await page.getByRole('button', { name: 'Báo cáo định kỳ' }).click();
  await expect(page).toHaveURL(new RegExp(`/reports\\?unitId=${communeId}\\b`));
  await expect(page.getByRole('heading', { name: 'Báo cáo định kỳ', level: 1 })).toBeVisible();
  const supervisorRow = page.locator('tr.ant-table-row').filter({ hasText: 'Báo cáo của chính đơn vị' });
  await expect(supervisorRow).toContainText('Đã khóa');
  await page.getByRole('link', { name: `Mở ${COMMUNE}` }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${reportId}$`));
  await expect(page.getByText(PROPOSAL)).toBeVisible();
  await expect(page.getByText(NUMBER, { exact: true })).toBeVisible();
  for (const name of ['Duyệt', 'Khóa', 'Gửi báo cáo', 'Trả lại']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải .docx' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`${QUARTER.key}\\.docx$`));
  const docx = test.info().outputPath('bao-cao.docx');
  await download.saveAs(docx);
  await expect(page.getByText(/^Đã tải .*\.docx$/)).toBeVisible();
  await shot(page, 'reports-report');

  // (7) The report's frozen figures are the dashboard's for the commune and quarter.
  const res = await page.request.get(`/api/reports/${reportId}`);
  expect(res.status()).toBe(200);
  const report = (await res.json()) as ReportDetail;
  expect(report.status).toBe('locked');
  expect(report.live).toBe(false);
  expect(report.number).toBe(NUMBER);
  expect(report.figures.memberships.value).toBe(commune.figures.memberships.value);
  expect(report.figures.complianceRate.value).toBe(commune.figures.complianceRate.value);

  // (8) LibreOffice turns the .docx into a PDF; its text holds the header, the number and the figures.
  const { text, layout } = await docxToPdfText(docx, test.info().outputPath('pdf'));
  // pdftotext ends each page with a form feed: no page is empty (none left over after the signature)
  const pages = text.split('\f').slice(0, -1);
  expect(pages.length).toBeGreaterThan(0);
  for (const [i, p] of pages.entries()) {
    expect(p.trim(), `trang ${i + 1}/${pages.length} của bản PDF`).not.toBe('');
  }
  const prose = oneLine(text);
  expect(prose).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(prose).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(prose).toContain('BÁO CÁO');
  expect(prose).toContain(`Số: ${NUMBER}`);
  const [y, m, d] = E2E_NOW.slice(0, 10).split('-');
  expect(prose).toContain(`Thạch Khê, ngày ${d} tháng ${m} năm ${y}`);
  expect(prose).toContain(QUARTER.phrase);
  expect(prose).toContain(PROPOSAL);
  // the signature column (its name below the recipients' lines in reading order when they run longer)
  expect(prose).toMatch(new RegExp(`T/M BAN CHẤP HÀNH BÍ THƯ (.* )?${SIGNER}`));
  const f = report.figures;
  const branches = f.branches.value ?? 0;
  const rate = f.complianceRate.value ?? 0;
  expect(prose).toContain(`(${vnCount(f.memberships.value ?? 0)} lượt sinh hoạt)`);
  expect(prose).toContain(`${vnCount(Math.round(rate * branches))}/${vnCount(branches)} chi đoàn`);
  expect(prose).toContain(`(${vnRate(rate)})`);
  // Table 1: every indicator's row, this quarter's figure and the previous quarter's.
  const rows = oneLine(layout);
  for (const def of report.definitions) {
    const fig = f[def.key];
    const previous = vnFigure(fig.previous, def.format);
    expect(rows, `dòng «${def.label}» của bảng chỉ tiêu`).toContain(
      `${def.label} ${vnFigure(fig.value, def.format)} ${previous}`,
    );
  }
  // Table 2: a row per branch, numbered, with its people, admissions, rhythm, attendance and opinions (a long
  // branch name wraps around the row's line, so the line holds the number and the figures).
  expect(report.children.map((c) => c.name)).toContain(BRANCH);
  report.children.forEach((c, i) => {
    const cells = PER_UNIT.map((k) =>
      vnFigure(c.figures[k].value, formatOf(report, k)).replace(/\./g, '\\.'),
    );
    const row = new RegExp(`^ *${i + 1} +(?:\\S.*\\S +)?${cells.join(' +')} *$`, 'm');
    expect(layout, `dòng ${i + 1} (${c.name}) của bảng theo đơn vị trực thuộc`).toMatch(row);
  });
});
