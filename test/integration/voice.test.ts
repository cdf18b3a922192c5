import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, rows } from '../../server/db/query';
import { DEMO_PASSWORD } from '../../server/demo/personas';
import { escalateOverdue } from '../../server/jobs/voice-escalation';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

// A controllable clock that starts now (sessions stay valid) and is moved forward by the tests.
let now = new Date();
const clock = { now: () => now };
const days = (n: number) => {
  now = new Date(now.getTime() + n * 86_400_000);
};
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let branches: Array<{ id: number; name: string; areaId: number }>;

const db = () => t.database.db;
const count = async (table: string, where: SQL) =>
  (await one<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))!.n;
const body = (text: string) => ({ kind: 'kien_nghi', categoryCode: 'ha_tang', content: text });

/** A member account (role member on the branch, linked to a member of it) that signs in with the demo password. */
async function memberAccount(username: string, branchId: number) {
  const created = await t.as('admin', 'POST', '/api/accounts', {
    username,
    name: `Hội viên ${username}`,
    password: DEMO_PASSWORD,
  });
  expect(created.statusCode).toBe(201);
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
  expect(g.statusCode).toBe(201);
  return { userId, personId: person!.id };
}

async function raise(persona: string, payload: object) {
  const res = await t.as(persona, 'POST', '/api/voice/items', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const detail = async (persona: string, id: number) => {
  const res = await t.as(persona, 'GET', `/api/voice/items/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await makeTestApp({ clock });
  r = await refs(db());
  branches = await r.branches(r.doanTK);
});
afterAll(async () => t.close());

describe('voice: raise, forward to the commune People’s Committee, answer with a commitment, judge', () => {
  it('runs the whole loop with the author hidden above the branch', async () => {
    const id = await raise('doanvien.thachkhe', {
      ...body('Đường liên thôn qua xóm Bắc bị sạt lở sau mưa lũ, đề nghị sửa chữa sớm.'),
      hideName: true,
      urgency: 'urgent',
    });
    const member = await detail('doanvien.thachkhe', id);
    expect(member.item.authorName).toBe('Đoàn viên Thạch Khê');
    expect(member.item.ownerLevel).toBe('branch');
    // 15 days at the branch by default.
    expect(new Date(member.item.dueAt).getTime() - now.getTime()).toBe(15 * 86_400_000);

    // The branch sees the name, the commune officer does not (the author asked), nor does the supervisor.
    const inbox = (await t.as('bithu.thachkhe', 'GET', '/api/voice/items?box=inbox')).json();
    const mine = inbox.items.find((i: { id: number }) => i.id === id);
    expect(mine.authorName).toBe('Đoàn viên Thạch Khê');
    expect((await detail('doan.thachkhe', id)).item.authorName).toBeNull();
    expect((await detail('dangu.thachkhe', id)).item.authorName).toBeNull();
    // Another commune does not see it at all.
    expect((await t.as('doan.camxuyen', 'GET', `/api/voice/items/${id}`)).statusCode).toBe(404);

    const head = await detail('bithu.thachkhe', id);
    expect(head.abilities.forward).toBe(true);
    const ubnd = head.targets.bodies.find((b: { name: string }) => b.name === 'UBND xã Thạch Khê');
    expect(ubnd).toBeDefined();
    // The respondent sees nothing before the item is addressed to it.
    expect((await t.as('ubnd.thachkhe', 'GET', `/api/voice/items/${id}`)).statusCode).toBe(404);
    const fwd = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/forward`, {
      bodyId: ubnd.id,
      note: 'Thuộc thẩm quyền UBND xã',
    });
    expect(fwd.statusCode, fwd.body).toBe(200);

    const box = (await t.as('ubnd.thachkhe', 'GET', '/api/voice/inbox')).json();
    expect(box.items.map((i: { id: number }) => i.id)).toContain(id);
    const resp = await detail('ubnd.thachkhe', id);
    expect(resp.item.authorName).toBeNull();
    expect(resp.abilities.answer).toBe(true);
    const dueOn = new Date(now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
    const ans = await t.as('ubnd.thachkhe', 'POST', `/api/voice/items/${id}/answer`, {
      answer: 'UBND xã đã khảo sát, sẽ gia cố đoạn sạt lở.',
      commitments: [{ text: 'Gia cố 50 m kè đá', dueOn }],
    });
    expect(ans.statusCode, ans.body).toBe(200);

    const memberUser = await r.userId('doanvien.thachkhe');
    expect(
      await count(
        'notifications',
        sql`user_id = ${memberUser} and link = ${`/voice/items/${id}`} and kind = 'voice'`,
      ),
    ).toBeGreaterThanOrEqual(1);
    const after = await detail('doanvien.thachkhe', id);
    expect(after.item.effectiveStatus).toBe('answered');
    expect(after.answers[0].byLabel).toBe('UBND xã Thạch Khê');
    expect(after.commitments[0]).toMatchObject({ text: 'Gia cố 50 m kè đá', dueOn, doneAt: null });
    expect(after.abilities.feedback).toBe(true);

    const fb = await t.as('doanvien.thachkhe', 'POST', `/api/voice/items/${id}/feedback`, {
      satisfied: true,
    });
    expect(fb.statusCode, fb.body).toBe(200);
    const closed = await detail('doanvien.thachkhe', id);
    expect(closed.item.status).toBe('closed');
    expect(closed.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'raised',
      'forwarded',
      'answered',
      'satisfied',
    ]);

    // The respondent marks the commitment done; the author follows it.
    const done = await t.as(
      'ubnd.thachkhe',
      'POST',
      `/api/voice/commitments/${after.commitments[0].id}/done`,
      {
        note: 'Đã gia cố xong',
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect((await detail('doanvien.thachkhe', id)).commitments[0].doneAt).not.toBeNull();
    // Every write left an audit row.
    expect(await count('audit_log', sql`entity_type = 'voice_item' and entity_id = ${String(id)}`)).toBe(4);
  });

  it('reopens an item when the author is not satisfied, with the reason, at whoever answered', async () => {
    const id = await raise('doanvien.thachkhe', body('Đề nghị lắp thêm đèn chiếu sáng ở đường ra đồng.'));
    const res = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/resolve`, {
      answer: 'Chi đoàn sẽ vận động lắp đèn năng lượng mặt trời.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const empty = await t.as('doanvien.thachkhe', 'POST', `/api/voice/items/${id}/feedback`, {
      satisfied: false,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/lý do/);
    const no = await t.as('doanvien.thachkhe', 'POST', `/api/voice/items/${id}/feedback`, {
      satisfied: false,
      reason: 'Đã hai tháng chưa thấy lắp',
    });
    expect(no.statusCode, no.body).toBe(200);
    const d = await detail('bithu.thachkhe', id);
    expect(d.item.status).toBe('open');
    expect(d.item.ownerLabel).toBe(branches[0]!.name);
    expect(d.timeline.at(-1).note).toMatch(/Đã hai tháng chưa thấy lắp/);
    expect(d.abilities.resolve).toBe(true);
  });
});

describe('voice: overdue items escalate on a controllable clock', () => {
  it('moves an overdue item branch → grassroots → province, then flags it at the top, once per deadline', async () => {
    const id = await raise(
      'doanvien.thachkhe',
      body('Nước sinh hoạt ở thôn bị nhiễm phèn, đề nghị kiểm tra.'),
    );
    const deps = { db: db(), clock, instance: 'test-a' };
    days(14);
    const early = await escalateOverdue(deps);
    expect(early).toMatchObject({ ran: true, result: { escalated: 0 } });
    expect((await detail('bithu.thachkhe', id)).item.ownerLevel).toBe('branch');

    days(2); // 16 days: past the branch's 15
    const run = await escalateOverdue(deps);
    expect(run.ran && run.result.escalated).toBeGreaterThanOrEqual(1);
    // The same hour on a second instance does not run again.
    expect(await escalateOverdue({ ...deps, instance: 'test-b' })).toEqual({ ran: false });
    const up = await detail('doan.thachkhe', id);
    expect(up.item.ownerLevel).toBe('grassroots');
    expect(up.steps[0]).toMatchObject({ level: 'branch', outcome: 'escalated', overdue: true });
    expect(up.timeline.at(-1).kind).toBe('escalated');
    expect(up.abilities.forward).toBe(true);
    const officer = await r.userId('doan.thachkhe');
    expect(await count('notifications', sql`user_id = ${officer} and link = ${`/voice/items/${id}`}`)).toBe(
      1,
    );
    expect(await count('audit_log', sql`action = 'voice.escalate' and entity_id = ${String(id)}`)).toBe(1);

    days(31);
    await escalateOverdue(deps);
    expect((await detail('tinhdoan', id)).item.ownerLevel).toBe('province');
    days(31);
    await escalateOverdue(deps);
    days(1);
    await escalateOverdue(deps);
    const top = await detail('tinhdoan', id);
    expect(top.item.ownerLevel).toBe('province');
    expect(top.item.overdue).toBe(true);
    expect(top.timeline.filter((e: { kind: string }) => e.kind === 'overdue')).toHaveLength(1);
    expect(top.steps).toHaveLength(3);
  });
});

describe('voice: merging the same recommendation from three branches', () => {
  it('suggests the duplicates, merges them, and one answer reaches all three authors', async () => {
    expect(branches.length).toBeGreaterThanOrEqual(3);
    const authors = [
      await memberAccount('hv.mot', branches[0]!.id),
      await memberAccount('hv.hai', branches[1]!.id),
      await memberAccount('hv.ba', branches[2]!.id),
    ];
    const texts = [
      'Đề nghị mở lớp dạy nghề cho thanh niên nông thôn thất nghiệp',
      'Đề nghị mở lớp dạy nghề cho thanh niên thất nghiệp ở nông thôn',
      'de nghi mo lop day nghe cho thanh nien nong thon that nghiep',
    ];
    const ids: number[] = [];
    for (const [i, u] of ['hv.mot', 'hv.hai', 'hv.ba'].entries()) {
      ids.push(await raise(u, { ...body(texts[i]!), categoryCode: 'viec_lam' }));
    }
    // Unrelated text in the same category is not suggested.
    const other = await raise('hv.mot', {
      ...body('Cần sửa mái nhà văn hóa thôn'),
      categoryCode: 'viec_lam',
    });
    const officerView = await detail('doan.thachkhe', ids[0]!);
    const suggested = officerView.duplicates.map((d: { id: number }) => d.id);
    expect(suggested).toEqual(expect.arrayContaining([ids[1], ids[2]]));
    expect(suggested).not.toContain(other);
    // A branch head only handles their own branch: no merge across branches.
    const refused = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${ids[0]}/merge`, {
      sourceIds: [ids[1]],
    });
    expect([403, 404]).toContain(refused.statusCode);

    const merged = await t.as('doan.thachkhe', 'POST', `/api/voice/items/${ids[0]}/merge`, {
      sourceIds: [ids[1], ids[2]],
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().sourceCount).toBe(3);
    const primary = await detail('doan.thachkhe', ids[0]!);
    expect(primary.sources.map((s: { id: number }) => s.id)).toEqual([ids[1], ids[2]]);
    expect(primary.item.sourceCount).toBe(3);
    expect((await detail('hv.hai', ids[1]!)).item).toMatchObject({ status: 'merged', mergedIntoId: ids[0] });

    const ans = await t.as('doan.thachkhe', 'POST', `/api/voice/items/${ids[0]}/resolve`, {
      answer: 'Đoàn xã phối hợp trung tâm dạy nghề mở lớp may và điện dân dụng trong tháng tới.',
      commitments: [
        {
          text: 'Mở lớp điện dân dụng',
          dueOn: new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
        },
      ],
    });
    expect(ans.statusCode, ans.body).toBe(200);
    for (const [i, a] of authors.entries()) {
      expect(
        await count(
          'notifications',
          sql`user_id = ${a.userId} and link = ${`/voice/items/${ids[i]}`} and title like '%trả lời%'`,
        ),
        `author ${i + 1}`,
      ).toBe(1);
    }
    for (const [i, u] of ['hv.mot', 'hv.hai', 'hv.ba'].entries()) {
      const d = await detail(u, ids[i]!);
      expect(d.item.effectiveStatus).toBe('answered');
      expect(d.answers[0].body).toMatch(/dạy nghề/);
      expect(d.commitments).toHaveLength(1);
      expect(d.abilities.feedback).toBe(true);
    }
    // A source author not satisfied reopens the merged item.
    const no = await t.as('hv.ba', 'POST', `/api/voice/items/${ids[2]}/feedback`, {
      satisfied: false,
      reason: 'Lớp mở xa quá',
    });
    expect(no.statusCode, no.body).toBe(200);
    expect((await detail('doan.thachkhe', ids[0]!)).item.status).toBe('open');
  });
});

describe('voice: a recipient declines, naming the right recipient', () => {
  it('passes the item to the named body, which then receives it; never a dead end', async () => {
    const id = await raise('doanvien.thachkhe', {
      ...body('Tranh chấp ranh giới đất giữa hai hộ ở thôn.'),
      categoryCode: 'dat_dai',
    });
    const bodies = (await detail('bithu.thachkhe', id)).targets.bodies as Array<{ id: number; name: string }>;
    const ubnd = bodies.find((b) => b.name === 'UBND xã Thạch Khê')!;
    const dangu = bodies.find((b) => b.name === 'Đảng ủy xã Thạch Khê')!;
    // Forward to the Party committee; link a respondent account to it for this test.
    const acc = await t.as('admin', 'POST', '/api/accounts', {
      username: 'dangu.traloi',
      name: 'Văn phòng Đảng ủy',
      password: DEMO_PASSWORD,
    });
    const dUser = acc.json().id as string;
    const areaTK = await r.area('Xã Thạch Khê');
    await t.as('admin', 'POST', `/api/accounts/${dUser}/grants`, { role: 'respondent', areaId: areaTK });
    expect(
      (await t.as('admin', 'POST', `/api/voice/bodies/${dangu.id}/accounts`, { userId: dUser })).statusCode,
    ).toBe(200);
    expect(
      (await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/forward`, { bodyId: dangu.id }))
        .statusCode,
    ).toBe(200);

    // Declining needs a reason and the right recipient; nothing is written otherwise.
    const before = await count('voice_steps', sql`item_id = ${id}`);
    const noReason = await t.as('dangu.traloi', 'POST', `/api/voice/items/${id}/decline`, {
      reason: ' ',
      bodyId: ubnd.id,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/lý do/);
    const noRecipient = await t.as('dangu.traloi', 'POST', `/api/voice/items/${id}/decline`, {
      reason: 'Không thuộc thẩm quyền',
    });
    expect(noRecipient.statusCode).toBe(400);
    expect(noRecipient.json().error.message).toMatch(/cơ quan có thẩm quyền/);
    const unknown = await t.as('dangu.traloi', 'POST', `/api/voice/items/${id}/decline`, {
      reason: 'Không thuộc thẩm quyền',
      bodyId: 999999,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/không có trong danh mục/);
    expect(await count('voice_steps', sql`item_id = ${id}`)).toBe(before);

    // UBND cannot answer what is not (yet) addressed to it.
    const early = await t.as('ubnd.thachkhe', 'POST', `/api/voice/items/${id}/answer`, { answer: 'Trả lời' });
    expect(early.statusCode).toBe(404);

    const ok = await t.as('dangu.traloi', 'POST', `/api/voice/items/${id}/decline`, {
      reason: 'Tranh chấp đất đai thuộc thẩm quyền hòa giải của UBND xã',
      bodyId: ubnd.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const ubndUser = await r.userId('ubnd.thachkhe');
    expect(await count('notifications', sql`user_id = ${ubndUser} and link = ${`/voice/items/${id}`}`)).toBe(
      1,
    );
    const d = await detail('ubnd.thachkhe', id);
    expect(d.item.ownerLabel).toBe('UBND xã Thạch Khê');
    expect(d.abilities.answer).toBe(true);
    const declined = d.timeline.find((e: { kind: string }) => e.kind === 'declined');
    expect(declined.note).toMatch(/hòa giải/);
    // The decliner can no longer act on it.
    const again = await t.as('dangu.traloi', 'POST', `/api/voice/items/${id}/answer`, { answer: 'Muộn' });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.message).toMatch(/không gửi tới cơ quan của bạn/);
  });
});

describe('voice: bad input is refused and nothing is written', () => {
  it('refuses empty content, unknown category or recipient, a forward outside the path, foreign answers', async () => {
    const items = () => count('voice_items', sql`true`);
    const audits = () => count('audit_log', sql`entity_type = 'voice_item'`);
    const [n0, a0] = [await items(), await audits()];
    const empty = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', body('   \n  '));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/Nội dung ý kiến đang để trống/);
    const cat = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      ...body('Nội dung'),
      categoryCode: 'xyz',
    });
    expect(cat.statusCode).toBe(400);
    expect(cat.json().error.message).toMatch(/Lĩnh vực "xyz" không có trong danh mục/);
    const kind = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      ...body('Nội dung'),
      kind: 'khac',
    });
    expect(kind.statusCode).toBe(400);
    // A member cannot raise in another branch, nor on behalf of someone.
    const foreign = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      ...body('Nội dung'),
      unitId: branches[1]!.id,
    });
    expect(foreign.statusCode).toBe(404);
    const behalf = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      ...body('Nội dung'),
      onBehalf: { authorName: 'Cả chi' },
    });
    expect(behalf.statusCode).toBe(403);
    expect([await items(), await audits()]).toEqual([n0, a0]);

    const id = await raise('bithu.thachkhe', {
      ...body('Ý kiến ghi nhận thay hội viên'),
      unitId: branches[0]!.id,
      onBehalf: { authorName: 'Các đoàn viên thôn Bắc' },
    });
    const [n1, a1, s1] = [await items(), await audits(), await count('voice_steps', sql`item_id = ${id}`)];
    // Forward to a unit outside the path (another commune's Đoàn, a sibling branch) or an unknown body.
    for (const unitId of [r.doanCX, branches[1]!.id]) {
      const res = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/forward`, { unitId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/Chỉ chuyển được lên cấp trên/);
    }
    const nobody = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/forward`, { bodyId: 999999 });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.message).toMatch(/không có trong danh mục/);
    const both = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/forward`, {
      unitId: r.doanTK,
      bodyId: 1,
    });
    expect(both.statusCode).toBe(400);
    // A respondent answering an item not addressed to them; an empty answer from the branch.
    const foreignAnswer = await t.as('ubnd.thachkhe', 'POST', `/api/voice/items/${id}/answer`, {
      answer: 'Đã xử lý',
    });
    expect(foreignAnswer.statusCode).toBe(404);
    const blank = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/resolve`, { answer: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toMatch(/Nội dung trả lời đang để trống/);
    const past = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/resolve`, {
      answer: 'Trả lời',
      commitments: [{ text: 'Việc', dueOn: '2000-01-01' }],
    });
    expect(past.statusCode).toBe(400);
    expect([await items(), await audits(), await count('voice_steps', sql`item_id = ${id}`)]).toEqual([
      n1,
      a1,
      s1,
    ]);
    // The branch's own item: forwarding up to its grassroots unit works.
    const ok = await t.as('bithu.thachkhe', 'POST', `/api/voice/items/${id}/forward`, { unitId: r.doanTK });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('voice: privacy and files', () => {
  it('shows the author only to the branch and allowed roles, respondents only what is theirs, files checked', async () => {
    const open = await raise('doanvien.thachkhe', {
      ...body('Ý kiến không giấu tên về sân chơi thiếu nhi'),
      categoryCode: 'khac',
    });
    // Not hidden: the commune officer (allowed role) sees the name; the supervisor (not allowed) does not.
    expect((await detail('doan.thachkhe', open)).item.authorName).toBe('Đoàn viên Thạch Khê');
    expect((await detail('dangu.thachkhe', open)).item.authorName).toBeNull();
    // Another member of the same branch sees nothing of it.
    await memberAccount('hv.cungchi', branches[0]!.id);
    expect((await t.as('hv.cungchi', 'GET', `/api/voice/items/${open}`)).statusCode).toBe(404);
    expect((await t.as('hv.cungchi', 'GET', '/api/voice/mine')).json().items).toEqual([]);
    // The respondent's inbox holds only items addressed to its body.
    const inbox = (await t.as('ubnd.thachkhe', 'GET', '/api/voice/inbox')).json();
    expect(inbox.items.map((i: { id: number }) => i.id)).not.toContain(open);

    // Content is kept as plain text (markup is not interpreted anywhere: the web renders it as text).
    const html = await raise('doanvien.thachkhe', body('<script>alert(1)</script> đường hỏng'));
    expect((await detail('doanvien.thachkhe', html)).item.content).toBe(
      '<script>alert(1)</script> đường hỏng',
    );

    // Attachments: an image is accepted; a text file named .png is refused by its content.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const form = (data: Buffer, name: string) => {
      const f = new FormData();
      f.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name);
      return f;
    };
    const up = await t.as(
      'doanvien.thachkhe',
      'POST',
      `/api/voice/items/${open}/files`,
      form(png, 'anh.png'),
    );
    expect(up.statusCode, up.body).toBe(201);
    const bad = await t.as(
      'doanvien.thachkhe',
      'POST',
      `/api/voice/items/${open}/files`,
      form(Buffer.from('hello'), 'gia.png'),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/không phải JPEG, PNG, PDF/);
    const file = up.json().url as string;
    expect((await t.as('doanvien.thachkhe', 'GET', file)).statusCode).toBe(200);
    expect((await t.as('hv.cungchi', 'GET', file)).statusCode).toBe(404);
    expect((await t.as('doan.camxuyen', 'GET', file)).statusCode).toBe(404);
    // The shared /api/files route does not serve voice files (their owner is not a meeting or theme).
    expect((await t.as('admin', 'GET', `/api/files/${up.json().id}`)).statusCode).toBe(404);
  });
});

describe('voice: oversight figures', () => {
  it('counts received, resolved, overdue by level and recurring items in the scope and period', async () => {
    const period = 'from=2020-01-01&to=2100-12-31';
    const res = await t.as('doan.thachkhe', 'GET', `/api/voice/stats?unitId=${r.doanTK}&${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const all = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from voice_items i join units u on u.id = i.unit_id
        where u.path <@ (select path from units where id = ${r.doanTK})`,
    );
    expect(s.totals.received).toBe(all[0]!.n);
    expect(s.totals.resolved).toBeGreaterThanOrEqual(5);
    expect(
      s.overdueByLevel.find((l: { level: string }) => l.level === 'branch').overdue,
    ).toBeGreaterThanOrEqual(1);
    expect(s.recurring[0]).toMatchObject({ sourceCount: 3 });
    expect(s.byCategory.find((c: { code: string }) => c.code === 'viec_lam').received).toBe(4);
    expect(s.totals.medianDaysToAnswer).not.toBeNull();
    // The drill-down list shows the same number of items.
    const list = (
      await t.as('doan.thachkhe', 'GET', `/api/voice/items?unitId=${r.doanTK}&categoryCode=viec_lam`)
    ).json();
    expect(list.total).toBe(4);
    // Another commune's officer sees none of it.
    const other = (await t.as('doan.camxuyen', 'GET', `/api/voice/stats?${period}`)).json();
    expect(other.totals.received).toBe(0);
    expect((await t.as('doan.camxuyen', 'GET', `/api/voice/stats?unitId=${r.doanTK}`)).statusCode).toBe(404);
  });
});
