import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../server/db/query';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

// Raising an opinion / recommendation from a meeting's discussion entry (issue 5, "Capture").
let now = new Date();
const clock = { now: () => now };
let t: TestApp;
let branchA: number;
let branchB: number;

const db = () => t.database.db;
const count = async (table: string, where: SQL = sql`true`) =>
  (await one<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))!.n;

beforeAll(async () => {
  now = new Date();
  t = await makeTestApp({ clock });
  const r = await refs(db());
  const [a, b] = await r.branches(r.doanTK);
  branchA = a!.id;
  branchB = b!.id;
});
afterAll(async () => t.close());

/** A held meeting of the branch with one discussion entry; returns the ids and the speaker. */
async function meetingWithDiscussion(unitId: number, who: string, speaker: 'member' | 'named') {
  const planned = await t.as(who, 'POST', `/api/units/${unitId}/meetings`, {
    kind: 'regular',
    scheduledAt: new Date(now.getTime() - 86_400_000).toISOString(),
    mode: 'in_person',
    place: 'Nhà văn hoá thôn',
  });
  expect(planned.statusCode, planned.body).toBe(201);
  const meetingId = planned.json().id as number;
  const detail = (await t.as(who, 'GET', `/api/meetings/${meetingId}`)).json();
  const person = detail.attendance[0] as { personId: number; fullName: string };
  const said = await t.as(who, 'POST', `/api/meetings/${meetingId}/discussions`, {
    ...(speaker === 'member' ? { speakerPersonId: person.personId } : { speakerName: 'Bác Trưởng thôn' }),
    content: 'Đề nghị lắp đèn chiếu sáng đoạn đường từ trường học về xóm Nam.',
  });
  expect(said.statusCode, said.body).toBe(201);
  const after = (await t.as(who, 'GET', `/api/meetings/${meetingId}`)).json();
  const discussion = after.discussions.at(-1) as { id: number; content: string; speakerName: string };
  return { meetingId, discussion, person };
}

const fromMeeting = (meetingId: number, discussionId: number | undefined, content: string, extra = {}) => ({
  kind: 'kien_nghi',
  categoryCode: 'ha_tang',
  content,
  unitId: branchA,
  meetingId,
  discussionId,
  ...extra,
});

describe('voice: an item raised from a meeting’s discussion entry', () => {
  it('raises it on the speaker’s behalf, linked to the meeting, waiting at the branch', async () => {
    const { meetingId, discussion, person } = await meetingWithDiscussion(
      branchA,
      'bithu.thachkhe',
      'member',
    );
    const audits = await count('audit_log', sql`action = 'voice.raise'`);
    const res = await t.as(
      'bithu.thachkhe',
      'POST',
      '/api/voice/items',
      fromMeeting(meetingId, discussion.id, discussion.content, { onBehalf: { personId: person.personId } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;

    const d = (await t.as('bithu.thachkhe', 'GET', `/api/voice/items/${id}`)).json();
    expect(d.item).toMatchObject({
      source: 'meeting',
      meetingId,
      unitId: branchA,
      content: discussion.content,
      authorName: person.fullName,
      status: 'open',
      ownerLevel: 'branch',
    });
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
    const row = await one<{ discussionId: number; authorPersonId: number; source: string }>(
      db(),
      sql`select discussion_id as "discussionId", author_person_id as "authorPersonId", source from voice_items where id = ${id}`,
    );
    expect(row).toEqual({ discussionId: discussion.id, authorPersonId: person.personId, source: 'meeting' });
    expect(await count('audit_log', sql`action = 'voice.raise'`)).toBe(audits + 1);
    // The branch's inbox has it, waiting for the branch.
    const inbox = (await t.as('bithu.thachkhe', 'GET', '/api/voice/items?box=inbox')).json();
    expect(inbox.items.map((i: { id: number }) => i.id)).toContain(id);
  });

  it('names a speaker who is not a member by the name written in the minutes', async () => {
    const { meetingId, discussion } = await meetingWithDiscussion(branchA, 'bithu.thachkhe', 'named');
    expect(discussion.speakerName).toBe('Bác Trưởng thôn');
    const res = await t.as(
      'bithu.thachkhe',
      'POST',
      '/api/voice/items',
      fromMeeting(meetingId, discussion.id, discussion.content, {
        onBehalf: { authorName: discussion.speakerName },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const d = (await t.as('bithu.thachkhe', 'GET', `/api/voice/items/${res.json().id}`)).json();
    expect(d.item).toMatchObject({ source: 'meeting', meetingId, authorName: 'Bác Trưởng thôn' });
  });

  it('refuses a wrong meeting or discussion, or a member raising from minutes, and writes nothing', async () => {
    const mine = await meetingWithDiscussion(branchA, 'bithu.thachkhe', 'named');
    const other = await meetingWithDiscussion(branchB, 'doan.thachkhe', 'named');
    const items = await count('voice_items');
    const audits = await count('audit_log');
    const text = 'Đề nghị lắp đèn chiếu sáng.';

    // a discussion entry without its meeting
    const noMeeting = await t.as('bithu.thachkhe', 'POST', '/api/voice/items', {
      ...fromMeeting(mine.meetingId, mine.discussion.id, text),
      meetingId: undefined,
    });
    expect(noMeeting.statusCode).toBe(400);
    expect(noMeeting.json().error.message).toContain('buổi sinh hoạt');

    // another branch's meeting, raised in this branch
    const otherMeeting = await t.as(
      'bithu.thachkhe',
      'POST',
      '/api/voice/items',
      fromMeeting(other.meetingId, other.discussion.id, text),
    );
    expect(otherMeeting.statusCode).toBe(400);
    expect(otherMeeting.json().error.message).toContain('không phải của');

    // a discussion entry of another meeting
    const wrongEntry = await t.as(
      'bithu.thachkhe',
      'POST',
      '/api/voice/items',
      fromMeeting(mine.meetingId, other.discussion.id, text),
    );
    expect(wrongEntry.statusCode).toBe(400);
    expect(wrongEntry.json().error.message).toBe('Ý kiến thảo luận không thuộc buổi sinh hoạt đã chọn.');

    // empty content
    const empty = await t.as(
      'bithu.thachkhe',
      'POST',
      '/api/voice/items',
      fromMeeting(mine.meetingId, mine.discussion.id, '   '),
    );
    expect(empty.statusCode).toBe(400);

    // a member may raise their own items, not record others' from the minutes
    const member = await t.as('doanvien.thachkhe', 'POST', '/api/voice/items', {
      ...fromMeeting(mine.meetingId, mine.discussion.id, text),
      unitId: undefined,
    });
    expect(member.statusCode, member.body).toBe(403);
    expect(member.json().error.message).toContain('thay cho đoàn viên');

    expect(await count('voice_items')).toBe(items);
    expect(await count('audit_log')).toBe(audits);
  });
});
