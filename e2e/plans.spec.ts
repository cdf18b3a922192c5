import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { readWorkbook } from './fixtures/members-workbook';
import { dashboardApi, shot, signedIn } from './fixtures/oversight-pages';
import { openMenuItem } from './helpers';
import { settled } from './phone-kit';

/**
 * Issue 6, point 4: the commune's Đoàn officer records the implementation plan of the directive for the year
 * with two targets (the share of branches meeting on time, new admissions), sees each target beside the actual
 * figure for the commune and per branch, and downloads the progress as .xlsx with the same numbers.
 */
const COMMUNE = 'Đoàn xã Thạch Khê';
const TITLE = 'Kế hoạch thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy năm 2026';

test('a commune officer records a plan, follows its progress and downloads it', async ({ browser }) => {
  const page = await signedIn(browser, 'doan.thachkhe');
  const top = await dashboardApi(page, '2026');
  const commune = top.children.find((c) => c.name === COMMUNE);
  expect(commune, COMMUNE).toBeDefined();
  await openMenuItem(page, 'Kế hoạch thực hiện');
  await expect(page.getByText('Chọn một đơn vị', { exact: false }).first()).toBeVisible();
  await page.goto(`/plans?unitId=${commune!.unitId}`);

  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
  const dialog = page.getByRole('dialog');
  await settled(dialog);
  await dialog.getByLabel('Tên kế hoạch').fill(TITLE);
  await dialog.getByLabel('Số kế hoạch').fill('12-KH/ĐTN');
  await dialog.getByLabel('Ngày ban hành (dd/mm/yyyy)').fill('15/01/2026');
  await page.keyboard.press('Enter');
  // the year's plan (the form's default period type is the year, the current one)
  const indicators = dialog.getByLabel('Chỉ tiêu giao');
  await indicators.click();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])');
  await settled(open);
  for (const label of ['Tỷ lệ chi sinh hoạt đúng định kỳ', 'Kết nạp mới']) {
    await open
      .locator('.ant-select-item-option')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click();
  }
  await page.keyboard.press('Escape');
  await dialog.getByLabel('Tỷ lệ chi sinh hoạt đúng định kỳ').fill('80');
  await dialog.getByLabel('Kết nạp mới').fill('25');
  await dialog.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(page.getByText('Đã lưu kế hoạch và giao chỉ tiêu')).toBeVisible();

  // saved, the plan's progress opens
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(page.getByText('Tiến độ của Đoàn xã Thạch Khê')).toBeVisible();
  await expect(page.getByText('Số 12-KH/ĐTN, ngày 15/01/2026')).toBeVisible();
  const id = Number(/\/plans\/(\d+)/.exec(page.url())?.[1]);
  const res = await page.request.get(`/api/plans/${id}`);
  expect(res.status()).toBe(200);
  const d = await res.json();
  const actualOf = (indicator: string) =>
    d.unit.rows.find((r: { indicator: string }) => r.indicator === indicator).actual as number;
  expect(d.children.length).toBeGreaterThan(0);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải bảng tiến độ (.xlsx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Tiến độ kế hoạch \d+ - Đoàn xã Thạch Khê - 2026\.xlsx$/);
  const sheets = await readWorkbook(await readFile((await download.path()) as string));
  const own = sheets['Tiến độ'] ?? [];
  expect(own[0]?.[0]).toBe(TITLE);
  const row = (label: string) => own.find((r) => r[1] === label) ?? [];
  expect(row('Kết nạp mới').slice(2, 4)).toEqual(['25', String(actualOf('admitted'))]);
  expect(Number(row('Tỷ lệ chi sinh hoạt đúng định kỳ')[2])).toBeCloseTo(0.8);
  expect(Number(row('Tỷ lệ chi sinh hoạt đúng định kỳ')[3])).toBeCloseTo(actualOf('complianceRate'));
  expect((sheets['Theo đơn vị'] ?? []).length).toBe(2 + d.children.length); // title, header, one row per child
  await shot(page, 'plans-progress');
  await page.context().close();
});
