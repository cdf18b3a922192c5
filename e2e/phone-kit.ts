/**
 * What the phone journeys (meetings, members, voice) share: the 360 px screen, a page with its own cookies and
 * the server's clock, the no-sideways-scroll check, screenshots, a member who signs in with their own phone,
 * the sign-in code read from the outbox, and tapping antd popups once they have settled.
 */
import { type APIRequestContext, type Browser, expect, type Locator, type Page } from '@playwright/test';
import { horizontalOverflow, installServerClock } from './helpers';

export const PHONE = { width: 360, height: 740 };
export const SHOTS = 'docs/screenshots';

export interface Person {
  id: number;
  fullName: string;
  phone: string | null;
  awayFromHome: boolean;
}

/** A phone-sized page in its own browser context (own cookies), its clock at the server's "now". */
export async function phonePage(browser: Browser, touch = true): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: touch, hasTouch: touch });
  const page = await context.newPage();
  await installServerClock(page);
  return page;
}

/** Nothing may stick out sideways on the phone. */
export async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `chiều ngang trang (${where})`).toBeLessThanOrEqual(PHONE.width + 1);
}

/** A phone screenshot from the top of the page down to the end of `last` (after the toasts are gone). */
export async function shotDownTo(page: Page, name: string, last: Locator) {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await last.boundingBox();
  expect(box, `${name}: the last element is on the page`).not.toBeNull();
  const height = Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 12);
  await page.screenshot({
    path: `${SHOTS}/${name}.png`,
    fullPage: true,
    clip: { x: 0, y: 0, width: PHONE.width, height },
    animations: 'disabled',
  });
}

/**
 * A member of the branch living at home whose phone no one else uses (so the phone signs in as them), the first
 * in list order — or the last, so two journeys on one branch sign in as different members.
 */
export async function memberWithOwnPhone(
  admin: APIRequestContext,
  unitId: number,
  from: 'first' | 'last' = 'first',
): Promise<Person & { phone: string }> {
  const list = await admin.get(`/api/people?unitId=${unitId}&pageSize=100`);
  expect(list.status()).toBe(200);
  const items = ((await list.json()) as { items: Person[] }).items;
  for (const p of from === 'first' ? items : [...items].reverse()) {
    if (!p.phone || p.awayFromHome) continue;
    const same = await admin.get(`/api/people?q=${p.phone}`);
    if (((await same.json()) as { total: number }).total === 1) return { ...p, phone: p.phone };
  }
  throw new Error(`no member of unit ${unitId} has a phone of their own`);
}

/** The latest sign-in code the default sender wrote to the outbox for a phone (read as admin). */
export async function otpFromOutbox(admin: APIRequestContext, phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const res = await admin.get('/api/outbox?kind=otp&pageSize=20');
      const items = ((await res.json()) as { items: { recipient: string; body: string }[] }).items;
      code = items.find((i) => i.recipient === phone)?.body.match(/ la (\d{6})/)?.[1];
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code as string;
}

/** Waits until a popup has finished sliding in (a tap during antd's opening animation can be lost). */
export async function settled(popup: Locator) {
  await expect(popup).toBeVisible();
  await expect(popup).not.toHaveClass(/-(appear|enter)(-active)?\b/);
}

/**
 * Taps an option of the open antd select (its visible item: the ARIA options antd renders beside a virtual
 * list are not the ones a finger can reach). `text` is the whole option text, or a RegExp.
 */
export async function chooseOption(page: Page, text: string | RegExp) {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])');
  await settled(open);
  const hasText =
    typeof text === 'string' ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : text;
  await open.locator('.ant-select-item-option').filter({ hasText }).tap();
}
