import { expect, type Locator, type Page, test } from '@playwright/test';
import { apiLogin, installServerClock, login, uniqueSuffix, WRITE_HEADERS } from './helpers';
import {
  chooseOption,
  expectNoHorizontalScroll,
  memberWithOwnPhone,
  otpFromOutbox,
  PHONE,
  phonePage,
  settled,
  shotDownTo,
} from './phone-kit';

/**
 * Issue 5's journey on a 360 px phone: a member signs in with a phone code and sends a recommendation; the
 * branch head forwards it to the commune People's Committee (UBND xã Thạch Khê); the committee's account
 * (ubnd.thachkhe) answers with a commitment; the member reads the answer and marks it satisfactory. Then a
 * dialogue of the branch: the member asks beforehand, the branch head records the answer with a commitment.
 */

const BODY = 'UBND xã Thạch Khê';

test.use({ viewport: PHONE, isMobile: true, hasTouch: true, actionTimeout: 20_000 });

/** Picks a day of the month shown (the browser's "today" month) in a date picker. */
async function pickDay(page: Page, input: Locator, day: string) {
  await input.tap();
  const calendar = page.locator(
    '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden):not([class*="-leave"])',
  );
  await settled(calendar);
  await calendar.locator(`td.ant-picker-cell-in-view[title="${day}"]`).tap();
  await expect(calendar).toBeHidden();
}

test('ý kiến, kiến nghị trên điện thoại: gửi, chuyển UBND xã, trả lời có cam kết, hài lòng; đối thoại', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const admin = await playwright.request.newContext({ baseURL });
  await apiLogin(admin, 'admin');
  const head = await playwright.request.newContext({ baseURL });
  await apiLogin(head, 'bithu.thachkhe');
  const me = (await (await head.get('/api/me')).json()) as {
    grants: { role: string; unitId: number | null; scopeLabel: string }[];
  };
  const branchId = me.grants.find((g) => g.role === 'branch_head')?.unitId as number;
  expect(branchId).toBeGreaterThan(0);
  const content = `Đường bê tông từ thôn Bắc ra quốc lộ bị sụt lún sau mưa lũ, xe máy đi lại nguy hiểm. Đề nghị sửa chữa trước Tết (${uniqueSuffix()}).`;

  // (a) A member signs in with their phone and a one-time code and sends a recommendation.
  const person = await memberWithOwnPhone(admin, branchId, 'last');
  const member = await phonePage(browser);
  await member.goto('/dang-nhap-so-dien-thoai');
  await member.getByLabel('Số điện thoại').fill(person.phone);
  await member.getByRole('button', { name: 'Gửi mã đăng nhập' }).tap();
  await expect(member.getByText(`Mã đã gửi tới ${person.phone}`)).toBeVisible();
  await member.getByLabel('Mã đăng nhập (6 chữ số)').fill(await otpFromOutbox(admin, person.phone));
  await member.getByRole('button', { name: 'Đăng nhập', exact: true }).tap();
  await expect(member.getByRole('heading', { name: 'Cuộc họp của tôi' })).toBeVisible();

  await member.getByRole('button', { name: 'Mở menu' }).tap();
  const drawer = member
    .getByRole('dialog')
    .filter({ has: member.getByRole('navigation', { name: 'Menu chính' }) });
  await drawer.getByRole('menuitem', { name: 'Ý kiến của tôi' }).tap();
  await expect(drawer).toBeHidden();
  await expect(member.getByRole('heading', { name: 'Ý kiến của tôi', level: 1 })).toBeVisible();
  const form = member.locator('form[id="raise"]');
  await expect(form.getByTitle('Kiến nghị')).toBeVisible();
  await form.getByLabel('Lĩnh vực').tap();
  await chooseOption(member, 'Hạ tầng');
  await form.getByLabel('Nội dung').fill(content);
  await form.getByLabel('Việc khẩn cấp').check();
  await expectNoHorizontalScroll(member, 'gửi ý kiến');
  await shotDownTo(member, 'voice-member-phone', form.getByRole('button', { name: 'Gửi ý kiến' }));
  await form.getByRole('button', { name: 'Gửi ý kiến' }).tap();
  await expect(member.getByText('Đã gửi ý kiến. Bạn theo dõi tiến độ ngay bên dưới.')).toBeVisible();
  const mine = member.getByRole('link', { name: content });
  await expect(mine).toBeVisible();
  const id = Number(/\/voice\/items\/(\d+)$/.exec((await mine.getAttribute('href')) ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);

  // (b) The branch head sees who sent it and forwards it to the commune People's Committee.
  await installServerClock(page);
  await login(page, 'bithu.thachkhe');
  await page.goto(`/voice/items/${id}`);
  await expect(page.getByRole('heading', { name: `Kiến nghị #${id}`, level: 1 })).toBeVisible();
  await expect(page.getByText(content)).toBeVisible();
  await expect(page.getByText(person.fullName)).toBeVisible();
  await expect(page.getByText('Khẩn', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Chuyển lên cấp trên hoặc tới cơ quan nhận' }).tap();
  await page.getByLabel('Nơi nhận').tap();
  await chooseOption(page, BODY);
  await page.getByLabel('Ghi chú (không bắt buộc)').fill('Việc thuộc thẩm quyền UBND xã, đề nghị xem xét.');
  await page.getByRole('button', { name: 'Chuyển tiếp', exact: true }).tap();
  await expect(page.getByText('Đã chuyển ý kiến')).toBeVisible();
  const now = page.locator('.ant-descriptions-item').filter({ hasText: 'Đang ở' });
  await expect(now).toContainText(BODY);
  await expect(page.getByText('Chuyển tiếp').first()).toBeVisible();
  await expectNoHorizontalScroll(page, 'trang ý kiến (cán bộ chi)');
  await shotDownTo(page, 'voice-officer-item', page.locator('.ant-card').filter({ hasText: 'Tiến trình' }));

  // (c) The committee's account finds it in its inbox and answers with a commitment.
  const respondent = await phonePage(browser);
  await login(respondent, 'ubnd.thachkhe');
  await respondent.goto('/voice/received');
  await expect(
    respondent.getByRole('heading', { name: 'Kiến nghị gửi đến cơ quan', level: 1 }),
  ).toBeVisible();
  const received = respondent.getByRole('link', { name: content });
  await expect(received).toBeVisible();
  // The author's name stays with the branch: the committee sees the branch only (not the member's name).
  await expect(respondent.getByText(person.fullName)).toHaveCount(0);
  await expectNoHorizontalScroll(respondent, 'hộp thư cơ quan');
  await shotDownTo(
    respondent,
    'voice-respondent-inbox',
    respondent.locator('.ant-card').filter({ has: received }),
  );
  await received.tap();
  await expect(respondent.getByRole('heading', { name: `Kiến nghị #${id}`, level: 1 })).toBeVisible();
  await respondent.getByRole('tab', { name: 'Trả lời kiến nghị' }).tap();
  const answer =
    'UBND xã đã kiểm tra hiện trường; đoạn đường sụt lún được đưa vào kế hoạch sửa chữa bằng nguồn ngân sách xã.';
  await respondent.getByLabel('Nội dung trả lời').fill(answer);
  await respondent.getByRole('button', { name: 'Thêm cam kết' }).tap();
  await respondent.getByLabel('Cam kết 1').fill('Hoàn thành sửa chữa đoạn đường sụt lún');
  await pickDay(respondent, respondent.getByLabel('Hạn hoàn thành'), '2026-12-20');
  await expect(respondent.getByLabel('Hạn hoàn thành')).toHaveValue('20/12/2026');
  await respondent.getByRole('button', { name: 'Gửi trả lời' }).tap();
  await expect(respondent.getByText('Đã gửi câu trả lời tới người gửi và chi')).toBeVisible();
  await expect(respondent.getByText(answer).first()).toBeVisible();

  // (d) The member sees the answer and the commitment, and marks the answer satisfactory.
  await member.goto('/y-kien-cua-toi');
  await member.getByRole('link', { name: content }).tap();
  await expect(member.getByText(answer).first()).toBeVisible();
  await expect(member.getByText('Hoàn thành sửa chữa đoạn đường sụt lún').first()).toBeVisible();
  await expect(member.getByText('Hạn 20/12/2026')).toBeVisible();
  const feedback = member.locator('.ant-card').filter({ hasText: 'Bạn có hài lòng với câu trả lời?' });
  await feedback.getByRole('button', { name: 'Hài lòng', exact: true }).tap();
  await expect(member.getByText('Cảm ơn bạn đã đánh giá')).toBeVisible();
  await expect(member.getByText('Người gửi hài lòng')).toBeVisible();
  await expect(feedback).toHaveCount(0);
  await expectNoHorizontalScroll(member, 'câu trả lời (đoàn viên)');

  // (e) A dialogue of the branch: planned by the branch head, a member asks beforehand, the answer is recorded.
  const planned = await head.post('/api/voice/dialogues', {
    headers: WRITE_HEADERS,
    data: {
      unitId: branchId,
      title: `Đối thoại với Chủ tịch UBND xã về giao thông nông thôn (${uniqueSuffix()})`,
      leader: 'Đồng chí Chủ tịch UBND xã Thạch Khê',
      scheduledAt: '2026-12-15T19:30:00+07:00',
      place: 'Nhà văn hóa thôn',
    },
  });
  expect(planned.status(), await planned.text()).toBe(201);
  const dialogueId = ((await planned.json()) as { id: number }).id;
  const question = 'Khi nào xã lắp đèn chiếu sáng đoạn đường từ trường học về xóm Nam?';
  await member.goto(`/voice/dialogues/${dialogueId}`);
  await expect(member.getByText('Sắp diễn ra')).toBeVisible();
  await member.getByLabel('Câu hỏi của bạn').fill(question);
  await member.getByRole('button', { name: 'Gửi câu hỏi' }).tap();
  await expect(member.getByText('Đã gửi câu hỏi')).toBeVisible();
  await expect(member.getByText(question)).toBeVisible();
  await expectNoHorizontalScroll(member, 'đối thoại (đoàn viên)');

  await page.goto('/voice/dialogues');
  await expect(
    page.getByRole('heading', { name: 'Đối thoại với đoàn viên, hội viên', level: 1 }),
  ).toBeVisible();
  await expectNoHorizontalScroll(page, 'danh sách đối thoại');
  // The planning form refuses an empty plan and says what is missing.
  await page.getByRole('button', { name: 'Lên kế hoạch đối thoại' }).tap();
  const plan = page.getByRole('dialog', { name: 'Lên kế hoạch đối thoại' });
  await settled(plan);
  await plan.getByRole('button', { name: 'Lưu' }).tap();
  await expect(plan.getByText('Vui lòng chọn chi hoặc đơn vị tổ chức đối thoại')).toBeVisible();
  await expect(plan.getByText('Hãy ghi người đứng đầu tham gia đối thoại')).toBeVisible();
  await expect(plan.getByText('Vui lòng chọn ngày giờ')).toBeVisible();
  await plan.getByRole('button', { name: 'Huỷ' }).tap();
  await expect(plan).toBeHidden();
  await page
    .getByRole('link', { name: /Đối thoại với Chủ tịch UBND xã về giao thông/ })
    .first()
    .tap();
  await expect(page.getByText(question)).toBeVisible();
  await page.getByRole('button', { name: 'Ghi câu trả lời và cam kết' }).tap();
  await page.getByLabel('Nội dung trả lời').fill('Xã sẽ lắp 12 bóng đèn năng lượng mặt trời trong tháng 12.');
  await page.getByRole('button', { name: 'Thêm cam kết' }).tap();
  await page.getByLabel('Cam kết 1').fill('Lắp đèn đoạn trường học – xóm Nam');
  await pickDay(page, page.getByLabel('Hạn hoàn thành'), '2026-12-31');
  await page.getByRole('button', { name: 'Gửi trả lời' }).tap();
  await expect(page.getByText('Đã ghi câu trả lời')).toBeVisible();
  await expect(page.getByText('Đã đối thoại')).toBeVisible();
  await expect(page.getByText('Hạn 31/12/2026')).toBeVisible();
  await expectNoHorizontalScroll(page, 'đối thoại (cán bộ chi)');
  await shotDownTo(page, 'voice-dialogue', page.locator('.ant-card').filter({ hasText: 'Câu hỏi (1)' }));
});
