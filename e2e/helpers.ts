import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';

/** Shared password of every demo account (server/demo/bootstrap.ts). */
export const DEMO_PASSWORD = 'DoanHoi@2026';

/**
 * The e2e server's clock starts at this instant (DOANHOI_NOW in playwright.config.ts): ten minutes into
 * 1 December 2026, Vietnam time, just after the demo data's November ended. Browser pages that care about
 * "today" install the same clock (installServerClock).
 */
export const E2E_NOW = '2026-12-01T00:10:00+07:00';

/** Makes the browser's clock start at E2E_NOW (and run on), so pages agree with the server about today. */
export async function installServerClock(target: Pick<Page, 'clock'>): Promise<void> {
  await target.clock.install({ time: new Date(E2E_NOW) });
}

/** Writes must carry this header (CSRF guard in server/plugins/auth.ts). */
export const WRITE_HEADERS = { 'X-Requested-With': 'DoanHoi' };

/** Unique, lowercase suffix for data created by a test, so reruns against a reused server pass. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, '0')}`;
}

/** Fills the "Đăng nhập DoanHoi" form (the page must already show it) and submits with Enter. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Đăng nhập DoanHoi' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
}

const RATE_LIMITED = 'Bạn đã thử đăng nhập quá nhiều lần';

/**
 * Signs in through the UI and waits for the "Tổng quan" page greeting.
 *
 * The server allows 20 sign-ins a minute per IP, and better-auth only resets that counter after a full
 * quiet minute, so back-to-back reruns against a reused server can hit it. Then the page says so (in
 * Vietnamese); we do what a user would: wait a minute and try once more.
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await submitLogin(page, username, password);
  const home = page.getByRole('heading', { name: 'Tổng quan', level: 1 });
  const limited = page.getByRole('alert').filter({ hasText: RATE_LIMITED });
  await expect(home.or(limited)).toBeVisible();
  if (await limited.isVisible()) {
    test.info().annotations.push({ type: 'rate-limit', description: `sign-in as ${username} waited 61 s` });
    test.setTimeout(test.info().timeout + 90_000);
    await page.waitForTimeout(61_000);
    await submitLogin(page, username, password);
  }
  await expect(home).toBeVisible();
  await expect(page.getByText(/^Xin chào, /)).toBeVisible();
}

/**
 * Signs in through the API (cookies land in the request context, e.g. `page.request` / `context.request`). Past
 * the sign-in limit (429), it waits the quiet minute and tries once more, as `login` does.
 */
export async function apiLogin(
  request: APIRequestContext,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const signIn = () =>
    request.post('/api/auth/sign-in/username', { headers: WRITE_HEADERS, data: { username, password } });
  let res = await signIn();
  if (res.status() === 429) {
    test
      .info()
      .annotations.push({ type: 'rate-limit', description: `API sign-in as ${username} waited 61 s` });
    test.setTimeout(test.info().timeout + 90_000);
    await new Promise((done) => setTimeout(done, 61_000));
    res = await signIn();
  }
  expect(res.status(), `sign-in as ${username}`).toBe(200);
}

/** Goes to a main-menu page. On phones the menu is a drawer opened by "Mở menu". */
export async function openMenuItem(page: Page, label: string): Promise<void> {
  const opener = page.getByRole('button', { name: 'Mở menu' });
  if (await opener.isVisible()) {
    await opener.click();
    const drawer = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('navigation', { name: 'Menu chính' }) });
    await expect(drawer).toBeVisible();
    await drawer.getByRole('menuitem', { name: label }).click();
    await expect(drawer).toBeHidden();
  } else {
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('menuitem', { name: label }).click();
  }
  await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
}

/** The unit tree ("Cây đơn vị"). */
export function unitTree(page: Page): Locator {
  return page.getByRole('tree', { name: 'Cây đơn vị' });
}

/** A tree node by its exact unit name (node titles also hold a member-count badge). */
export function treeNode(page: Page, unitName: string): Locator {
  return unitTree(page)
    .getByRole('treeitem')
    .filter({ has: page.locator('.ant-tree-title').getByText(unitName, { exact: true }) });
}

/** The unit search results section under "Tìm đơn vị (không cần dấu)". */
export function unitSearchResults(page: Page): Locator {
  return page.getByRole('region', { name: 'Kết quả tìm kiếm' });
}

/** The people table body rows (antd renders a placeholder row when empty). */
export function peopleRows(page: Page): Locator {
  return page.locator('.ant-table-tbody tr.ant-table-row');
}

/** Width check used for phones: nothing may stick out sideways. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** The visible text of an element, trimmed (e.g. a name read from a row, to type it elsewhere). */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}
