import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { DEMO_PASSWORD } from '../../server/demo/personas';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
const db = () => t.database.db;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

/** A member account (role member on the branch, linked to a live member of it), signing in with the demo password. */
async function memberAccount(username: string, branchId: number) {
  const created = await t.as('admin', 'POST', '/api/accounts', {
    username,
    name: `Đoàn viên ${username}`,
    password: DEMO_PASSWORD,
  });
  expect(created.statusCode, created.body).toBe(201);
  const userId = created.json().id as string;
  const person = await one<{ id: number }>(
    db(),
    sql`select m.person_id as id from memberships m where m.unit_id = ${branchId} and m.status = 'active'
      and not exists (select 1 from "user" u where u.person_id = m.person_id) order by m.person_id limit 1`,
  );
  await db().execute(sql`update "user" set person_id = ${person!.id} where id = ${userId}`);
  const g = await t.as('admin', 'POST', `/api/accounts/${userId}/grants`, {
    role: 'member',
    unitId: branchId,
  });
  expect(g.statusCode, g.body).toBe(201);
  return userId;
}

const notificationsOf = async (persona: string) =>
  (await t.as(persona, 'GET', '/api/notifications?pageSize=100')).json().items as Array<{
    kind: string;
    title: string;
    body: string;
    link: string | null;
  }>;

beforeAll(async () => {
  t = await makeTestApp();
  r = await refs(db());
});
afterAll(async () => t.close());

describe('voice: the members concerned find a planned dialogue', () => {
  it('notifies exactly the members concerned, who list it, open it and ask; another commune sees nothing', async () => {
    const [branchTK] = await r.branches(r.doanTK);
    const [branchCX] = await r.branches(r.doanCX);
    const tkUser = await memberAccount('dv.dialogue.tk', branchTK!.id);
    const cxUser = await memberAccount('dv.dialogue.cx', branchCX!.id);
    const demoMember = await r.userId('doanvien.thachkhe');

    const created = await t.as('doan.thachkhe', 'POST', '/api/voice/dialogues', {
      unitId: r.doanTK,
      title: 'Đối thoại về việc làm cho thanh niên',
      leader: 'Đồng chí Chủ tịch UBND xã',
      scheduledAt: inDays(10).toISOString(),
      place: 'Hội trường xã',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const link = `/voice/dialogues/${id}`;

    // Exactly the accounts of live members of the commune's Đoàn (or a branch below) are told, once each.
    const told = await rows<{ userId: string }>(
      db(),
      sql`select user_id as "userId" from notifications where link = ${link} order by user_id`,
    );
    const concerned = await rows<{ id: string }>(
      db(),
      sql`select distinct acc.id from "user" acc join memberships m on m.person_id = acc.person_id
        join units mu on mu.id = m.unit_id join units d on d.id = ${r.doanTK}
      where not acc.disabled and m.status in ('active', 'transferring') and mu.path <@ d.path order by acc.id`,
    );
    expect(told.map((n) => n.userId)).toEqual(concerned.map((c) => c.id));
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([tkUser, demoMember]));
    expect(told.map((n) => n.userId)).not.toContain(cxUser);
    const audit = await one<{ after: { notified: number } }>(
      db(),
      sql`select after from audit_log where action = 'voice.dialogue.create' and entity_id = ${String(id)}`,
    );
    expect(audit?.after.notified).toBe(told.length);

    // The member sees the invitation in the app, with the time, the place and a link to the dialogue.
    const inbox = await notificationsOf('dv.dialogue.tk');
    const invite = inbox.find((n) => n.link === link);
    expect(invite).toMatchObject({
      kind: 'voice_dialogue',
      title: 'Mời dự đối thoại: Đối thoại về việc làm cho thanh niên',
    });
    expect(invite?.body).toContain('Hội trường xã');
    expect((await notificationsOf('dv.dialogue.cx')).some((n) => n.link === link)).toBe(false);

    // "Đối thoại của tôi": newest first; the member opens it and asks beforehand.
    const later = await t.as('doan.thachkhe', 'POST', '/api/voice/dialogues', {
      unitId: r.doanTK,
      title: 'Đối thoại về đất sản xuất',
      leader: 'Đồng chí Bí thư Đảng ủy xã',
      scheduledAt: inDays(20).toISOString(),
    });
    expect(later.statusCode, later.body).toBe(201);
    const mine = await t.as('dv.dialogue.tk', 'GET', '/api/voice/my-dialogues');
    expect(mine.statusCode, mine.body).toBe(200);
    const ids = (mine.json().items as Array<{ id: number }>).map((d) => d.id);
    expect(ids.indexOf(later.json().id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(later.json().id)).toBeLessThan(ids.indexOf(id));
    expect(mine.json().items.find((d: { id: number }) => d.id === id)).toMatchObject({
      title: 'Đối thoại về việc làm cho thanh niên',
      status: 'planned',
      place: 'Hội trường xã',
    });
    const page = await t.as('dv.dialogue.tk', 'GET', `/api/voice/dialogues/${id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().abilities).toEqual({ ask: true, manage: false });
    const asked = await t.as('dv.dialogue.tk', 'POST', `/api/voice/dialogues/${id}/questions`, {
      content: 'Xã có lớp học nghề cho thanh niên không?',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const after = (await t.as('dv.dialogue.tk', 'GET', `/api/voice/dialogues/${id}`)).json();
    expect(after.questions.map((q: { content: string }) => q.content)).toContain(
      'Xã có lớp học nghề cho thanh niên không?',
    );

    // A member of another commune: nothing in the list, 404 on the page and on asking, nothing written.
    const other = await t.as('dv.dialogue.cx', 'GET', '/api/voice/my-dialogues');
    expect(other.statusCode).toBe(200);
    expect((other.json().items as Array<{ id: number }>).map((d) => d.id)).not.toContain(id);
    expect((other.json().items as Array<{ id: number }>).map((d) => d.id)).not.toContain(later.json().id);
    expect((await t.as('dv.dialogue.cx', 'GET', `/api/voice/dialogues/${id}`)).statusCode).toBe(404);
    const before = await one<{ n: number }>(
      db(),
      sql`select count(*)::int as n from voice_dialogue_questions where dialogue_id = ${id}`,
    );
    const refused = await t.as('dv.dialogue.cx', 'POST', `/api/voice/dialogues/${id}/questions`, {
      content: 'Câu hỏi từ xã khác',
    });
    expect(refused.statusCode).toBe(404);
    const still = await one<{ n: number }>(
      db(),
      sql`select count(*)::int as n from voice_dialogue_questions where dialogue_id = ${id}`,
    );
    expect(still?.n).toBe(before?.n);

    // Officers without a membership have no personal list (the route is for members).
    expect((await t.as('doan.thachkhe', 'GET', '/api/voice/my-dialogues')).statusCode).toBe(403);
  });
});
