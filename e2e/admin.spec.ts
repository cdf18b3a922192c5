import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  login,
  openMenuItem,
  submitLogin,
  treeNode,
  uniqueSuffix,
  unitSearchResults,
  unitTree,
} from './helpers';

/**
 * Administration through the UI: create a chi đoàn, rename it (history keeps the old name), create an
 * account, give it branch_head on the new unit, and check what that account then sees.
 */

const PARENT = 'Đoàn xã Thạch Khê';
const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';

test.use({ viewport: { width: 1280, height: 800 } });

/** The toast antd shows after a successful save. */
function toast(page: Page, text: string) {
  return page.locator('.ant-message-notice').filter({ hasText: text });
}

/**
 * Chooses an option in an antd Select (optionally typing to search first). The dropdown animates in,
 * so a click can land before the option settles: retry until the choice shows in the field.
 */
async function pickOption(page: Page, field: Locator, optionText: string, typed?: string) {
  const holder = field.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    if (typed) await field.fill(typed);
    else await field.click();
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: optionText });
    await expect(option).toHaveCount(1, { timeout: 5_000 });
    await option.click({ timeout: 2_000 });
    await expect(holder).toContainText(optionText, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Finds a unit with the search box (no diacritics needed) and opens its details. */
async function openUnit(page: Page, query: string, name: string) {
  await page.getByRole('searchbox', { name: 'Tìm đơn vị (không cần dấu)' }).fill(query);
  const hit = unitSearchResults(page).getByRole('button', { name: new RegExp(`^${name}(\\s|$)`) });
  await expect(hit).toHaveCount(1);
  await hit.click();
  await expect(page.getByRole('heading', { name, level: 2, exact: true })).toBeVisible();
}

test('quản trị tạo chi đoàn, đổi tên, tạo tài khoản bí thư và người đó chỉ thấy chi đoàn của mình', async ({
  page,
  browser,
}) => {
  // A long journey (three sign-ins, each hashing a password on a shared CI machine).
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const unitName = `Chi đoàn Thử nghiệm ${suffix}`;
  const renamed = `Chi đoàn Thôn Mới ${suffix}`;
  const username = `bithu.e2e.${suffix}`;
  const fullName = `Trần Thị Thử ${suffix}`;
  const password = `MatKhau@${suffix}`;

  await login(page, 'admin');
  await openMenuItem(page, 'Cơ cấu tổ chức');

  // Thêm đơn vị con under Đoàn xã Thạch Khê.
  await openUnit(page, 'thach khe', PARENT);
  await page.getByRole('button', { name: 'Thêm đơn vị con' }).click();
  const create = page.getByRole('dialog', { name: `Thêm đơn vị con — ${PARENT}` });
  await expect(create).toBeVisible();
  await create.getByLabel('Tên đơn vị').fill(unitName);
  await create.getByRole('button', { name: 'Lưu' }).click();
  await expect(toast(page, 'Đã thêm đơn vị')).toBeVisible();
  await expect(create).toBeHidden();

  // Open it (search works without diacritics): the tree opens down to it; then rename it.
  await openUnit(page, `thu nghiem ${suffix}`, unitName);
  await expect(treeNode(page, unitName)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Trực thuộc' })).toContainText(PARENT);
  await expect(page.getByText('Chi đoàn / chi hội')).toBeVisible();
  await page.getByRole('button', { name: 'Đổi tên' }).click();
  const rename = page.getByRole('dialog', { name: 'Đổi tên' });
  await expect(rename.getByLabel('Tên đơn vị')).toHaveValue(unitName);
  await rename.getByLabel('Tên đơn vị').fill(renamed);
  await rename.getByRole('button', { name: 'Lưu' }).click();
  await expect(toast(page, 'Đã đổi tên đơn vị')).toBeVisible();
  await expect(rename).toBeHidden();
  await expect(page.getByRole('heading', { name: renamed, level: 2 })).toBeVisible();
  // The old name is gone from search; the new one is found. (Not checked in the tree: it is virtual and
  // sorted by name, and the renamed, still selected node is not scrolled back into view.)
  await page.getByRole('searchbox', { name: 'Tìm đơn vị (không cần dấu)' }).fill(`thu nghiem ${suffix}`);
  await expect(unitSearchResults(page)).toContainText('Không tìm thấy đơn vị nào');
  await openUnit(page, `thon moi ${suffix}`, renamed);

  // History: the rename with old → new name, and who did it.
  const history = page.getByRole('list').filter({ hasText: 'Đổi tên' });
  await expect(history).toContainText(`${unitName} → ${renamed}`);
  await expect(history).toContainText('Thành lập');
  await expect(history).toContainText('bởi ');

  // Tạo tài khoản.
  await openMenuItem(page, 'Tài khoản');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const account = page.getByRole('dialog', { name: 'Tạo tài khoản' });
  await account.getByLabel('Tên đăng nhập').fill(username);
  await account.getByLabel('Họ và tên').fill(fullName);
  await account.getByLabel('Mật khẩu ban đầu').fill(password);
  await account.getByRole('button', { name: 'Lưu' }).click();
  await expect(toast(page, 'Đã tạo tài khoản')).toBeVisible();
  await expect(account).toBeHidden();

  // Find it, expand its row, Thêm quyền: Bí thư / Chi hội trưởng on the new unit.
  await page.getByRole('searchbox', { name: 'Tìm theo họ tên hoặc tên đăng nhập' }).fill(username);
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Đang hoạt động');
  await row.getByRole('button', { name: 'Mở rộng dòng' }).click();
  await expect(page.getByText('Chưa có quyền nào.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm quyền' }).click();
  const grant = page.getByRole('dialog', { name: `Thêm quyền — ${fullName}` });
  await expect(grant).toBeVisible();
  await pickOption(page, grant.getByLabel('Vai trò'), 'Bí thư / Chi hội trưởng');
  await expect(grant).toContainText('Bí thư / Chi hội trưởng');
  await expect(grant.getByRole('radio', { name: 'Theo đơn vị (và các đơn vị trực thuộc)' })).toBeChecked();
  await pickOption(page, grant.getByLabel('Đơn vị', { exact: true }), renamed, `thon moi ${suffix}`);
  await expect(grant).toContainText(`${renamed} — ${PARENT}`);
  await grant.getByRole('button', { name: 'Lưu' }).click();
  await expect(toast(page, 'Đã thêm quyền')).toBeVisible();
  await expect(grant).toBeHidden();
  const grants = page.locator('.ant-table-expanded-row').filter({ hasText: 'Phân quyền' });
  await expect(grants).toContainText('Bí thư / Chi hội trưởng');
  await expect(grants).toContainText(renamed);

  // The new account signs in in its own browser context. A wrong password is refused first.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const head = await context.newPage();
  await head.goto('/');
  await submitLogin(head, username, `${password}-sai`);
  await expect(head.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);
  await submitLogin(head, username, password);
  await expect(head.getByText(`Xin chào, ${fullName}`)).toBeVisible();

  // No admin menu, and the tree holds exactly the new unit.
  await expect(head.getByRole('menuitem', { name: 'Tài khoản' })).toHaveCount(0);
  await openMenuItem(head, 'Cơ cấu tổ chức');
  await expect(treeNode(head, renamed)).toBeVisible();
  await expect(unitTree(head).getByRole('treeitem')).toHaveCount(1);
  await expect(unitTree(head)).not.toContainText(PARENT);

  // Searching for the parent commune finds nothing; the unit itself is found.
  await head.getByRole('searchbox', { name: 'Tìm đơn vị (không cần dấu)' }).fill('thach khe');
  await expect(unitSearchResults(head)).toContainText('Không tìm thấy đơn vị nào');
  await expect(unitSearchResults(head).getByRole('button')).toHaveCount(0);

  // The new unit has no members yet: the people list is empty and says what to do next.
  await openMenuItem(head, 'Hội viên / Đoàn viên');
  await expect(head.getByText('0 người · 0 lượt hội viên')).toBeVisible();
  await expect(head.getByText('Nhập danh sách từ Excel', { exact: false }).first()).toBeVisible();
  await context.close();
});

test('đăng nhập sai hiện thông báo tiếng Việt và vẫn ở trang đăng nhập', async ({ page }) => {
  await page.goto('/');
  await submitLogin(page, `khong.ton.tai.${uniqueSuffix()}`, 'MatKhauSai@1');
  await expect(page.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);
  await expect(page.getByRole('heading', { name: 'Đăng nhập DoanHoi' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toHaveCount(0);

  // Empty fields are caught before anything is sent.
  await page.getByLabel('Tên đăng nhập').fill('');
  await page.getByLabel('Mật khẩu').fill('');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page.getByText('Vui lòng nhập tên đăng nhập')).toBeVisible();
  await expect(page.getByText('Vui lòng nhập mật khẩu')).toBeVisible();
});
