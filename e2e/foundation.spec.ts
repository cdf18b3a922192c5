import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  horizontalOverflow,
  login,
  openMenuItem,
  peopleRows,
  textOf,
  treeNode,
  unitSearchResults,
  unitTree,
} from './helpers';

/**
 * The foundation journey: two grassroots officers of different communes work side by side and each
 * sees only their own commune — tree, search, people, and direct links/API calls to the other one.
 */

const THACH_KHE = 'Đoàn xã Thạch Khê';
const CAM_XUYEN = 'Đoàn xã Cẩm Xuyên';
const NO_UNIT_FOUND = 'Không tìm thấy đơn vị nào';
const NO_PERSON_FOUND = 'Không có ai khớp với điều kiện tìm';
const UNIT_NOT_VISIBLE = 'Đơn vị không tồn tại hoặc bạn không có quyền xem.';
const SHOTS = 'docs/screenshots';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/** "Nguyễn Diệu Anh" → "nguyen dieu anh": what people type on a phone without a Vietnamese keyboard. */
function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A page in its own browser context (own cookies), signed in through the login form. */
async function officerPage(browser: Browser, username: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** Types into the unit search and waits for the results list to show up. */
async function searchUnits(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Tìm đơn vị (không cần dấu)' }).fill(text);
  const results = unitSearchResults(page);
  await expect(results).toBeVisible();
  return results;
}

/** Types into the people search and waits until the list shows the answer to exactly this query. */
async function searchPeople(page: Page, text: string) {
  const answered = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/people' && url.searchParams.get('q') === text.trim();
  });
  await page.getByRole('searchbox', { name: 'Tìm theo tên hoặc số điện thoại (không cần dấu)' }).fill(text);
  await answered;
  await expect(page.locator('.ant-table .ant-spin-spinning')).toHaveCount(0);
}

test.describe
  .serial('Hai cán bộ cơ sở của hai xã khác nhau', () => {
    test.use({ viewport: DESKTOP });

    // Both officers sign in once, each in their own browser context (own cookies), and keep working
    // side by side through the journey. (Sign-ins are rate limited per IP: 20 a minute.)
    let thachKhe: Page;
    let camXuyen: Page;

    test.beforeAll(async ({ browser }) => {
      thachKhe = await officerPage(browser, 'doan.thachkhe');
      camXuyen = await officerPage(browser, 'doan.camxuyen');
    });

    test.afterAll(async () => {
      await thachKhe?.context().close();
      await camXuyen?.context().close();
    });

    test('mỗi người chỉ thấy đơn vị của xã mình (cây, tìm kiếm, đường dẫn trực tiếp)', async ({ page }) => {
      // Login page, as everyone first sees it.
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Đăng nhập DoanHoi' })).toBeVisible();
      await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Đăng nhập', exact: true })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/login.png`, animations: 'disabled' });

      // Each tree has exactly one root: the officer's own commune.
      await openMenuItem(thachKhe, 'Cơ cấu tổ chức');
      await openMenuItem(camXuyen, 'Cơ cấu tổ chức');
      await expect(treeNode(thachKhe, THACH_KHE)).toBeVisible();
      await expect(unitTree(thachKhe).getByRole('treeitem')).toHaveCount(1);
      await expect(unitTree(thachKhe)).not.toContainText('Cẩm Xuyên');
      await expect(treeNode(camXuyen, CAM_XUYEN)).toBeVisible();
      await expect(unitTree(camXuyen).getByRole('treeitem')).toHaveCount(1);
      await expect(unitTree(camXuyen)).not.toContainText('Thạch Khê');

      // Searching without diacritics: the Thạch Khê officer finds the commune...
      const found = await searchUnits(thachKhe, 'thach khe');
      const hit = found.getByRole('button', { name: new RegExp(THACH_KHE) });
      await expect(hit).toBeVisible();
      await hit.click();
      await expect(thachKhe.getByRole('heading', { name: THACH_KHE, level: 2 })).toBeVisible();
      await expect(thachKhe).toHaveURL(/[?&]unit=\d+/);
      const thachKheId = Number(new URL(thachKhe.url()).searchParams.get('unit'));

      // ...the Cẩm Xuyên officer finds their own commune, but nothing of Thạch Khê.
      const own = await searchUnits(camXuyen, 'cam xuyen');
      await expect(own.getByRole('button', { name: new RegExp(CAM_XUYEN) })).toBeVisible();
      const none = await searchUnits(camXuyen, 'thach khe');
      await expect(none).toContainText(NO_UNIT_FOUND);
      await expect(none).not.toContainText('Thạch Khê');
      await expect(none.getByRole('button')).toHaveCount(0);

      // A link to the Thạch Khê unit opened by the Cẩm Xuyên officer shows "not found", not the unit.
      await camXuyen.goto(`/units?unit=${thachKheId}`);
      await expect(camXuyen.getByText(UNIT_NOT_VISIBLE)).toBeVisible();
      await expect(camXuyen.getByRole('heading', { name: THACH_KHE })).toHaveCount(0);
      await expect(treeNode(camXuyen, CAM_XUYEN)).toBeVisible();

      // Same through the API with each context's own session cookie: 404 for the other commune.
      for (const path of [`/api/units/${thachKheId}`, `/api/units/${thachKheId}/children`]) {
        const denied = await camXuyen.request.get(path);
        expect(denied.status(), `doan.camxuyen GET ${path}`).toBe(404);
        const allowed = await thachKhe.request.get(path);
        expect(allowed.status(), `doan.thachkhe GET ${path}`).toBe(200);
      }

      // Desktop screenshot: the commune expanded, its branches with member counts, one branch selected.
      const root = treeNode(thachKhe, THACH_KHE);
      await root.locator('.ant-tree-switcher').click();
      await expect(root).toHaveAttribute('aria-expanded', 'true');
      const branches = unitTree(thachKhe)
        .getByRole('treeitem')
        .filter({ hasText: /^Chi đoàn/ });
      await expect(branches.first()).toBeVisible();
      expect(await branches.count()).toBeGreaterThan(1);
      await expect(branches.first().getByLabel(/^[\d.]+ hội viên$/)).toBeVisible();
      const branchName = await textOf(branches.first().locator('.ant-tree-title > span > span').first());
      await branches.first().locator('.ant-tree-title').click();
      await expect(thachKhe.getByRole('heading', { name: branchName, level: 2 })).toBeVisible();
      await expect(thachKhe.getByText('Chi đoàn / chi hội')).toBeVisible();
      await expect(thachKhe.getByRole('navigation', { name: 'Trực thuộc' })).toContainText(THACH_KHE);
      await expect(thachKhe.getByRole('button', { name: 'Xem danh sách' })).toBeVisible();
      await thachKhe.mouse.move(0, 0);
      await thachKhe.screenshot({ path: `${SHOTS}/unit-tree.png`, animations: 'disabled' });
    });

    test('mỗi người chỉ thấy hội viên, đoàn viên của xã mình', async () => {
      await openMenuItem(thachKhe, 'Hội viên / Đoàn viên');
      await expect(thachKhe.getByText(/^[\d.]+ người · [\d.]+ lượt hội viên$/)).toBeVisible();
      const first = peopleRows(thachKhe).first();
      await expect(first).toBeVisible();
      await expect(peopleRows(thachKhe).filter({ hasText: 'Cẩm Xuyên' })).toHaveCount(0);
      await thachKhe.mouse.move(0, 0);
      await thachKhe.screenshot({ path: `${SHOTS}/people.png`, animations: 'disabled' });

      // Someone the Thạch Khê officer can see: name (first column) and phone number (unique).
      const name = await textOf(first.getByRole('button').first());
      const phone = await textOf(
        first
          .getByRole('cell')
          .filter({ hasText: /^0\d{9}$/ })
          .first(),
      );
      expect(name).not.toBe('');
      const query = withoutDiacritics(name);

      // The Thạch Khê officer finds them by name without diacritics, and by phone number.
      await searchPeople(thachKhe, query);
      await expect(peopleRows(thachKhe).filter({ hasText: phone })).toBeVisible();
      await searchPeople(thachKhe, phone);
      await expect(peopleRows(thachKhe).filter({ hasText: name })).toBeVisible();

      // The Cẩm Xuyên officer, typing the same, gets the empty state.
      await openMenuItem(camXuyen, 'Hội viên / Đoàn viên');
      await searchPeople(camXuyen, query);
      await expect(camXuyen.getByText(NO_PERSON_FOUND)).toBeVisible();
      await expect(camXuyen.getByText(phone)).toHaveCount(0);
      await searchPeople(camXuyen, phone);
      await expect(camXuyen.getByText(NO_PERSON_FOUND)).toBeVisible();
      await expect(camXuyen.getByText('0 người · 0 lượt hội viên')).toBeVisible();

      // The people list filtered on the Thạch Khê commune (a shared link) is refused to Cẩm Xuyên.
      await openMenuItem(thachKhe, 'Cơ cấu tổ chức');
      const found = await searchUnits(thachKhe, 'thach khe');
      await found.getByRole('button', { name: new RegExp(THACH_KHE) }).click();
      await thachKhe.getByRole('button', { name: 'Xem danh sách' }).click();
      await expect(thachKhe).toHaveURL(/\/people\?unitId=\d+/);
      const unitId = Number(new URL(thachKhe.url()).searchParams.get('unitId'));
      await expect(peopleRows(thachKhe).first()).toBeVisible();

      await camXuyen.goto(`/people?unitId=${unitId}`);
      await expect(camXuyen.getByRole('alert').filter({ hasText: UNIT_NOT_VISIBLE })).toBeVisible();
      await expect(peopleRows(camXuyen)).toHaveCount(0);

      const personId = await thachKhe.request
        .get(`/api/people?q=${encodeURIComponent(phone)}`)
        .then(async (r) => ((await r.json()) as { items: { id: number }[] }).items[0]?.id);
      expect(personId, 'the Thạch Khê officer can look the person up').toBeTruthy();
      for (const path of [`/api/people?unitId=${unitId}`, `/api/people/${personId}`]) {
        expect((await camXuyen.request.get(path)).status(), `doan.camxuyen GET ${path}`).toBe(404);
        expect((await thachKhe.request.get(path)).status(), `doan.thachkhe GET ${path}`).toBe(200);
      }
    });

    test('cây đơn vị trên điện thoại 360 px, không bị tràn ngang', async ({ browser }) => {
      // Same officer, same session, now on a phone.
      const context = await browser.newContext({
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        storageState: await thachKhe.context().storageState(),
      });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByText(/^Xin chào, /)).toBeVisible();
      await openMenuItem(page, 'Cơ cấu tổ chức');
      const root = treeNode(page, THACH_KHE);
      await expect(root).toBeVisible();
      await expect(unitTree(page).getByRole('treeitem')).toHaveCount(1);
      await root.locator('.ant-tree-switcher').tap();
      await expect(root).toHaveAttribute('aria-expanded', 'true');
      const branches = unitTree(page)
        .getByRole('treeitem')
        .filter({ hasText: /^Chi đoàn/ });
      await expect(branches.first()).toBeVisible();
      await expect(branches.first().getByLabel(/^[\d.]+ hội viên$/)).toBeVisible();

      const { scrollWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(PHONE.width + 1);
      await page.screenshot({ path: `${SHOTS}/unit-tree-phone.png`, animations: 'disabled' });
      await context.close();
    });
  });
