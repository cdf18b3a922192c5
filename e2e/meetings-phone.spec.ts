import { expect, type Locator, type Page, test } from '@playwright/test';
import { apiLogin, installServerClock, login } from './helpers';
import {
  chooseOption,
  expectNoHorizontalScroll,
  memberWithOwnPhone,
  otpFromOutbox,
  PHONE,
  phonePage,
  SHOTS,
  settled,
  shotDownTo,
} from './phone-kit';

/**
 * Issue 4's journey on a 360 px phone, on 1 December 2026 just after midnight (E2E_NOW): a branch head plans
 * the evening meeting of 30/11 with November's theme, a member signs in with a phone code and checks in by
 * the meeting's code, the branch head finishes the roll-call, records a discussion entry and locks the
 * minutes, and the commune Đoàn officer sees November's compliance: that branch met, another one missed.
 */

const NOVEMBER_THEME = 'Tháng 11: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';
const ABSENT_REASON = 'Đi làm ca đêm ở khu kinh tế Vũng Áng';
const SPEECH = 'Đề nghị chi đoàn tổ chức lớp hướng dẫn cài đặt VNeID cho người cao tuổi trong thôn.';

test.use({ viewport: PHONE, isMobile: true, hasTouch: true, actionTimeout: 20_000 });

/** Opens a main-menu entry from the phone's menu drawer and waits for the drawer to close and the page. */
async function openFromMenu(page: Page, item: string, heading: string) {
  await page.getByRole('button', { name: 'Mở menu' }).tap();
  const drawer = page
    .getByRole('dialog')
    .filter({ has: page.getByRole('navigation', { name: 'Menu chính' }) });
  // The entry's whole label (after its icon's name): "Sinh hoạt" is not "Chuyển sinh hoạt".
  const label = new RegExp(`(^|\\s)${item}$`);
  await drawer.getByRole('menuitem', { name: label }).tap();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** Picks a day (in its month's calendar, going back from today's month) and a time in the two pickers. */
async function pickDateTime(page: Page, fields: Locator, day: string, hour: string, minute: string) {
  const open = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden):not([class*="-leave"])');
  await fields.getByRole('textbox').first().tap();
  const calendar = open.filter({ has: page.locator('.ant-picker-date-panel') });
  await settled(calendar);
  const cell = calendar.locator(`td.ant-picker-cell-in-view[title="${day}"]`);
  for (let i = 0; i < 3 && !(await cell.isVisible()); i++) {
    await calendar.getByRole('button', { name: 'Tháng trước' }).tap();
  }
  await cell.tap();
  await expect(calendar).toBeHidden();
  await fields.getByRole('textbox', { name: 'Giờ', exact: true }).tap();
  const clock = open.filter({ has: page.locator('.ant-picker-time-panel') });
  await settled(clock);
  const columns = clock.locator('.ant-picker-time-panel-column');
  await columns.nth(0).getByText(hour, { exact: true }).tap();
  await columns.nth(1).getByText(minute, { exact: true }).tap();
  // The time is taken as tapped (no OK button); tapping elsewhere (the dialog's title) closes the columns.
  await page.locator('.ant-modal-title').tap();
  await expect(clock).toBeHidden();
}

/** The compliance row of a branch (phones show status and held/required under the name). */
function complianceRow(page: Page, branch: string): Locator {
  return page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: branch });
}

test('sinh hoạt chi đoàn trên điện thoại: lên kế hoạch, tự điểm danh, biên bản, tuân thủ kỳ', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const admin = await playwright.request.newContext({ baseURL });
  await apiLogin(admin, 'admin');
  await installServerClock(page);

  // (a) The branch head plans the evening meeting of 30/11 with November's theme.
  await login(page, 'bithu.thachkhe');
  await openFromMenu(page, 'Sinh hoạt', 'Sinh hoạt chi đoàn/chi hội');
  const unitId = Number(/\/units\/(\d+)\/meetings/.exec(page.url())?.[1]);
  const crumb = page.locator('.ant-breadcrumb a').first();
  await expect(crumb).toHaveText(/^Chi đoàn /);
  const branch = ((await crumb.textContent()) ?? '').trim();

  await page.getByRole('button', { name: 'Lên kế hoạch sinh hoạt' }).first().tap();
  const plan = page.getByRole('dialog', { name: 'Lên kế hoạch sinh hoạt' });
  await expect(plan).toBeVisible();
  const when = plan.locator('.ant-form-item').filter({ hasText: 'Ngày giờ' });
  await pickDateTime(page, when, '2026-11-30', '23', '30');
  await expect(plan.getByLabel('Ngày giờ')).toHaveValue('30/11/2026');
  await expect(plan.getByRole('textbox', { name: 'Giờ', exact: true })).toHaveValue('23:30');
  await plan.getByLabel('Địa điểm').fill('Nhà văn hóa thôn');
  await plan.getByLabel('Chủ điểm sinh hoạt').tap();
  await chooseOption(page, new RegExp(`^${NOVEMBER_THEME}`));
  await expect(plan.getByTitle(NOVEMBER_THEME)).toBeVisible();
  await plan
    .getByLabel('Nội dung dự kiến')
    .fill('Sinh hoạt theo chủ điểm tháng 11; tổng kết phong trào tháng.');
  await expectNoHorizontalScroll(page, 'lên kế hoạch');
  await page.screenshot({ path: `${SHOTS}/meetings-plan-theme.png`, animations: 'disabled' });
  await plan.getByRole('button', { name: 'Lưu' }).tap();

  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Đã lên kế hoạch');
  await expect(page.getByText('30/11/2026 23:30')).toBeVisible();
  await expect(page.getByText(NOVEMBER_THEME)).toBeVisible();
  const panel = page.locator('.ant-card').filter({ hasText: 'Tự điểm danh (mã và QR)' });
  await expect(panel.getByText('Đang mở')).toBeVisible();
  await expect(panel.getByRole('img', { name: /^Mã QR điểm danh, mã \d{6}$/ })).toBeVisible();
  const code = ((await panel.getByText(/^\d{6}$/).textContent()) ?? '').trim();
  expect(code).toMatch(/^\d{6}$/);
  await expect(panel.getByText('Đã tự điểm danh: 0')).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await expectNoHorizontalScroll(page, 'trang cuộc họp');
  await panel.screenshot({ path: `${SHOTS}/meetings-checkin-panel.png`, animations: 'disabled' });

  // (b) A member signs in with their phone and a one-time code, then checks in by typing the meeting's code.
  const person = await memberWithOwnPhone(admin, unitId);
  const member = await phonePage(browser);
  await member.goto('/dang-nhap-so-dien-thoai');
  await expect(member.getByText('Đăng nhập bằng số điện thoại')).toBeVisible();
  await member.getByLabel('Số điện thoại').fill(person.phone);
  await member.getByRole('button', { name: 'Gửi mã đăng nhập' }).tap();
  await expect(member.getByText(`Mã đã gửi tới ${person.phone}`)).toBeVisible();
  await member.getByLabel('Mã đăng nhập (6 chữ số)').fill(await otpFromOutbox(admin, person.phone));
  await member.getByRole('button', { name: 'Đăng nhập', exact: true }).tap();

  await expect(member.getByRole('heading', { name: 'Cuộc họp của tôi' })).toBeVisible();
  await member.getByRole('button', { name: 'Điểm danh ngay' }).first().tap();
  await expect(member.getByText(`Đang đăng nhập: ${person.fullName}`)).toBeVisible();
  await member.getByLabel('Mã điểm danh (6 chữ số)').fill(code);
  await member.getByRole('button', { name: 'Điểm danh', exact: true }).tap();
  const done = member.locator('.ant-result-success');
  await expect(done).toBeVisible();
  await expect(done).toContainText(branch);
  await expect(done).toContainText('30/11/2026 23:30');
  await expectNoHorizontalScroll(member, 'điểm danh xong');
  await member.screenshot({ path: `${SHOTS}/meetings-member-checked-in.png`, animations: 'disabled' });
  await member.context().close();

  // (c) The branch head sees the check-in counted, finishes the roll-call, writes the minutes and locks them.
  await expect(panel.getByText('Đã tự điểm danh: 1')).toBeVisible({ timeout: 30_000 });
  const memberRow = page.getByRole('radiogroup', { name: new RegExp(`\\d+\\. ${person.fullName}$`) });
  await expect(memberRow.getByRole('radio', { name: 'Có mặt' })).toHaveAttribute('aria-checked', 'true');
  const groups = page.getByRole('tabpanel', { name: 'Điểm danh' }).getByRole('radiogroup');
  const invited = await groups.count();
  expect(invited).toBeGreaterThan(3);
  await page.getByRole('button', { name: 'Đánh dấu tất cả có mặt' }).tap();
  const absent = groups.nth(invited - 1);
  const absentName = ((await absent.getAttribute('aria-labelledby')) ?? '') as string;
  await absent.getByRole('radio', { name: 'Vắng có lý do' }).tap();
  await page.getByLabel(/^Lý do vắng — /).fill(ABSENT_REASON);
  await page.getByRole('button', { name: 'Lưu điểm danh' }).tap();
  await expect(page.getByText('Đã lưu điểm danh')).toBeVisible();
  const attended = invited - 1;
  const rate = `${Math.round((attended / invited) * 100)}%`;
  await expect(page.getByText(`${attended}/${invited} có mặt (${rate})`)).toBeVisible();
  await expect(page.locator(`#${absentName}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Đã họp');

  await page.getByRole('tab', { name: 'Biên bản' }).tap();
  await page.getByLabel('Chủ trì').fill('Hoàng Minh Tuấn, Bí thư chi đoàn');
  await page
    .getByLabel('Nội dung sinh hoạt')
    .fill('Quán triệt chủ điểm tháng 11; đoàn viên đăng ký việc làm theo Bác; tổng kết phong trào tháng.');
  await page.getByRole('button', { name: 'Lưu biên bản' }).tap();
  await expect(page.getByText('Đã lưu biên bản')).toBeVisible();
  await page.getByLabel('Người phát biểu').fill(person.fullName);
  await chooseOption(page, person.fullName);
  await page.getByLabel('Nội dung phát biểu').fill(SPEECH);
  await page.getByRole('button', { name: 'Thêm ý kiến' }).tap();
  await expect(page.getByText('Đã thêm ý kiến')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ý kiến thảo luận (1)' })).toBeVisible();
  await expect(page.getByText(SPEECH)).toBeVisible();

  await page.getByRole('button', { name: 'Khoá biên bản' }).tap();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Khoá biên bản buổi sinh hoạt?' });
  await confirm.getByRole('button', { name: 'Khoá biên bản' }).tap();
  await expect(page.getByText('Đã khoá biên bản')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Đã khoá');
  await expect(page.getByRole('button', { name: 'Thêm ý kiến' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Mở điểm danh ngay' })).toHaveCount(0);
  await expectNoHorizontalScroll(page, 'biên bản đã khoá');
  await shotDownTo(page, 'meetings-minutes-locked', page.getByRole('region', { name: /^Ý kiến thảo luận/ }));

  // (d) The commune Đoàn officer: in November 2026 this branch met, another one missed.
  const officer = await phonePage(browser);
  await login(officer, 'doan.thachkhe');
  await openFromMenu(officer, 'Tuân thủ sinh hoạt', 'Tuân thủ sinh hoạt');
  await officer.getByLabel('Loại kỳ').tap();
  await chooseOption(officer, 'Tháng');
  await officer.getByLabel('Kỳ', { exact: true }).tap();
  await chooseOption(officer, 'Tháng 11');
  await expect(officer.getByText('Tháng 11/2026: 01/11/2026 – 30/11/2026')).toBeVisible();
  const met = complianceRow(officer, branch);
  await expect(met).toContainText('Đạt');
  await expect(met).toContainText('Đã họp / yêu cầu: 1/1');
  const missed = officer
    .locator('.ant-table-tbody tr.ant-table-row')
    .filter({ hasText: 'Không đạt' })
    .filter({ hasNotText: branch });
  await expect(missed.first()).toBeVisible();
  await expect(missed.first()).toContainText('Đã họp / yêu cầu: 0/1');
  await expectNoHorizontalScroll(officer, 'tuân thủ sinh hoạt');
  await shotDownTo(officer, 'meetings-compliance', officer.locator('.ant-table'));
  // The branch's meetings, newest first: tonight's locked minutes with the roll-call just taken.
  await met.getByRole('link', { name: branch }).tap();
  await expect(officer.getByRole('heading', { name: 'Sinh hoạt chi đoàn/chi hội', level: 1 })).toBeVisible();
  const latest = officer
    .getByRole('list', { name: 'Sinh hoạt chi đoàn/chi hội' })
    .getByRole('listitem')
    .first();
  await expect(latest).toContainText('30/11/2026 23:30');
  await expect(latest).toContainText('Đã khoá');
  await expect(latest).toContainText(`${attended}/${invited} có mặt`);
  await officer.context().close();
  await admin.dispose();
});
