import { expect, type Page, test } from '@playwright/test';
import { horizontalOverflow, login, peopleRows, textOf, unitTree } from './helpers';

/** A branch head (bí thư chi đoàn) on a small Android phone: 360 × 740 CSS pixels. */
const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

/** Nothing on the page may stick out sideways (no horizontal scrolling on a phone). */
async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `chiều ngang trang (${where})`).toBeLessThanOrEqual(PHONE.width + 1);
}

test('bí thư chi đoàn dùng điện thoại 360 px: menu, cây đơn vị, danh sách đoàn viên', async ({ page }) => {
  await login(page, 'bithu.thachkhe');
  await expect(page.getByText('Phạm vi quyền của bạn')).toBeVisible();
  await expectNoHorizontalScroll(page, 'Tổng quan');

  // The side menu is a drawer behind "Mở menu"; a branch head has no admin entries.
  await expect(page.getByRole('navigation', { name: 'Menu chính' })).toBeHidden();
  await page.getByRole('button', { name: 'Mở menu' }).tap();
  const drawer = page
    .getByRole('dialog')
    .filter({ has: page.getByRole('navigation', { name: 'Menu chính' }) });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('menuitem', { name: 'Tổng quan' })).toBeVisible();
  await expect(drawer.getByRole('menuitem', { name: 'Hội viên / Đoàn viên' })).toBeVisible();
  await expect(drawer.getByRole('menuitem', { name: 'Tài khoản' })).toHaveCount(0);
  await expectNoHorizontalScroll(page, 'menu');
  await drawer.getByRole('menuitem', { name: 'Cơ cấu tổ chức' }).tap();
  await expect(drawer).toBeHidden();

  // Unit tree: exactly one unit, the branch this person leads, with its member count.
  await expect(page.getByRole('heading', { name: 'Cơ cấu tổ chức', level: 1 })).toBeVisible();
  const nodes = unitTree(page).getByRole('treeitem');
  await expect(nodes).toHaveCount(1);
  await expect(nodes.first()).toContainText(/^Chi đoàn /);
  await expect(nodes.first().getByLabel(/^[\d.]+ hội viên$/)).toBeVisible();
  const branch = await textOf(nodes.first().locator('.ant-tree-title > span > span').first());
  await expectNoHorizontalScroll(page, 'Cơ cấu tổ chức');

  // Tapping it opens the details full screen.
  await nodes.first().locator('.ant-tree-title').tap();
  const details = page.getByRole('dialog', { name: branch });
  await expect(details).toBeVisible();
  await expect(details.getByText('Chi đoàn / chi hội')).toBeVisible();
  await expect(details.getByRole('button', { name: 'Xem danh sách' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'chi tiết đơn vị');

  // "Xem danh sách" goes to the people of that branch.
  await details.getByRole('button', { name: 'Xem danh sách' }).tap();
  await expect(page.getByRole('heading', { name: 'Hội viên / Đoàn viên', level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Lọc theo đơn vị' })).toBeVisible();
  // The unit filter shows the branch (and the rows name it too, once loaded).
  await expect(page.getByTitle(branch, { exact: true }).first()).toBeVisible();
  await expect(peopleRows(page).first()).toBeVisible();
  await expectNoHorizontalScroll(page, 'danh sách theo chi đoàn');

  // And the same list from the menu, without a filter.
  await page.getByRole('button', { name: 'Mở menu' }).tap();
  await expect(drawer).toBeVisible();
  await drawer.getByRole('menuitem', { name: 'Hội viên / Đoàn viên' }).tap();
  await expect(drawer).toBeHidden();
  await expect(page.getByText(/^[\d.]+ người · [\d.]+ lượt hội viên$/)).toBeVisible();
  await expect(
    page.getByRole('searchbox', { name: 'Tìm theo tên hoặc số điện thoại (không cần dấu)' }),
  ).toBeVisible();
  const first = peopleRows(page).first();
  await expect(first).toBeVisible();
  await expect(first.getByRole('button')).toBeVisible();
  await expectNoHorizontalScroll(page, 'Hội viên / Đoàn viên');

  // A profile opens readable on the phone too.
  const name = await textOf(first.getByRole('button').first());
  await first.getByRole('button').first().tap();
  const profile = page.getByRole('dialog').filter({ hasText: name });
  await expect(profile).toBeVisible();
  await expectNoHorizontalScroll(page, 'hồ sơ');
});
