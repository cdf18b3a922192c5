import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;

beforeAll(async () => {
  t = await makeTestApp();
  r = await refs(t.database.db);
});
afterAll(async () => t.close());

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

describe('voice: dialogues between leaders and members', () => {
  it('plans, collects questions, records answers and commitments, follows them, publishes to the members', async () => {
    const item = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      kind: 'tam_tu',
      categoryCode: 'viec_lam',
      content: 'Thanh niên muốn vay vốn khởi nghiệp nhưng thủ tục khó',
    });
    expect(item.statusCode).toBe(201);
    const bodies = (
      await t.as('doan.thachkhe', 'GET', `/api/voice/bodies?areaId=${await r.area('Xã Thạch Khê')}`)
    ).json().items as Array<{ id: number; name: string }>;
    const ubnd = bodies.find((b) => b.name === 'UBND xã Thạch Khê')!.id;

    // Only open items of the unit can go on the agenda; empty titles are refused; nothing is written then.
    const bad = await t.as('doan.thachkhe', 'POST', '/api/voice/dialogues', {
      unitId: r.doanTK,
      title: '  ',
      leader: 'Chủ tịch UBND xã',
      scheduledAt: inDays(7).toISOString(),
    });
    expect(bad.statusCode).toBe(400);
    const outside = await t.as('doan.camxuyen', 'POST', '/api/voice/dialogues', {
      unitId: r.doanTK,
      title: 'Đối thoại',
      leader: 'Chủ tịch UBND xã',
      scheduledAt: inDays(7).toISOString(),
    });
    expect(outside.statusCode).toBe(404);

    const created = await t.as('doan.thachkhe', 'POST', '/api/voice/dialogues', {
      unitId: r.doanTK,
      title: 'Đối thoại với thanh niên xã Thạch Khê',
      leader: 'Đồng chí Chủ tịch UBND xã',
      bodyId: ubnd,
      scheduledAt: inDays(7).toISOString(),
      place: 'Hội trường xã',
      itemIds: [item.json().id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;

    // A member of a branch below asks beforehand; another commune sees nothing.
    const member = (await t.as('doanvien.thachkhe', 'GET', `/api/voice/dialogues/${id}`)).json();
    expect(member.abilities).toEqual({ ask: true, manage: false });
    expect(member.questions[0].itemId).toBe(item.json().id);
    expect((await t.as('doan.camxuyen', 'GET', `/api/voice/dialogues/${id}`)).statusCode).toBe(404);
    const empty = await t.as('doanvien.thachkhe', 'POST', `/api/voice/dialogues/${id}/questions`, {
      content: ' ',
    });
    expect(empty.statusCode).toBe(400);
    const asked = await t.as('doanvien.thachkhe', 'POST', `/api/voice/dialogues/${id}/questions`, {
      content: 'Xã có kế hoạch làm sân bóng cho thanh niên không?',
    });
    expect(asked.statusCode, asked.body).toBe(200);

    // In the session: answers and commitments (a member cannot record them).
    const dueOn = inDays(60).toISOString().slice(0, 10);
    expect(
      (
        await t.as('doanvien.thachkhe', 'POST', `/api/voice/dialogue-questions/${asked.json().id}/answer`, {
          answer: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const ans = await t.as(
      'doan.thachkhe',
      'POST',
      `/api/voice/dialogue-questions/${asked.json().id}/answer`,
      {
        answer: 'Xã sẽ bố trí quỹ đất làm sân bóng trong năm nay.',
        commitments: [{ text: 'Hoàn thành sân bóng thôn Đông', dueOn }],
      },
    );
    expect(ans.statusCode, ans.body).toBe(200);
    const held = (await t.as('doan.thachkhe', 'GET', `/api/voice/dialogues/${id}`)).json();
    expect(held.dialogue.status).toBe('held');
    expect(held.dialogue.openCommitments).toBe(1);
    const commitment = held.questions[1].commitments[0];
    expect(commitment).toMatchObject({
      text: 'Hoàn thành sân bóng thôn Đông',
      dueOn,
      doneAt: null,
      late: false,
    });

    // Publishing tells the members of the unit who have an account (they were invited when it was planned).
    const pub = await t.as('doan.thachkhe', 'POST', `/api/voice/dialogues/${id}/publish`, {
      summary: 'Lãnh đạo xã trả lời 2 câu hỏi, cam kết làm sân bóng.',
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const memberUser = await r.userId('doanvien.thachkhe');
    const notes = await rows<{ title: string }>(
      t.database.db,
      sql`select title from notifications where user_id = ${memberUser} and kind = 'voice_dialogue' order by id`,
    );
    expect(notes.map((n) => n.title)).toEqual([
      'Mời dự đối thoại: Đối thoại với thanh niên xã Thạch Khê',
      'Kết quả đối thoại: Đối thoại với thanh niên xã Thạch Khê',
    ]);
    const late = await t.as('doanvien.thachkhe', 'POST', `/api/voice/dialogues/${id}/questions`, {
      content: 'Còn nữa',
    });
    expect(late.statusCode).toBe(409);

    // The commitment is followed until done, by the organizing unit.
    expect(
      (await t.as('doanvien.thachkhe', 'POST', `/api/voice/commitments/${commitment.id}/done`, {}))
        .statusCode,
    ).toBe(403);
    const done = await t.as('doan.thachkhe', 'POST', `/api/voice/commitments/${commitment.id}/done`, {
      note: 'Đã khánh thành',
    });
    expect(done.statusCode, done.body).toBe(200);
    const list = (await t.as('doan.thachkhe', 'GET', `/api/voice/dialogues?unitId=${r.doanTK}`)).json();
    expect(list.items.find((d: { id: number }) => d.id === id)).toMatchObject({
      status: 'published',
      openCommitments: 0,
    });
  });
});
