/**
 * Compliance beyond required vs held: away-from-home attendance, thematic meetings and cadre visits kept in
 * the aggregates on write (and equal to a bulk rebuild), roll-ups, the "cần quan tâm" list and per-member
 * attendance, on a controllable clock.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../server/db/query';
import { rebuildMeetingAggregates, refreshUnitPeriod } from '../../server/modules/meetings/meetings.repo';
import { makeTestApp, type TestApp } from '../helpers/app';
import { refs } from '../helpers/fixtures';

let now = new Date('2026-09-10T03:00:00Z');
let t: TestApp;
let r: Awaited<ReturnType<typeof refs>>;
let A: number;
let B: number;
let C: number;
let away: number;
const meetingsOfA: number[] = [];

const plan = async (unitId: number, scheduledAt: string, kind = 'regular') => {
  const res = await t.as('doan.thachkhe', 'POST', `/api/units/${unitId}/meetings`, {
    kind,
    scheduledAt,
    mode: 'hybrid',
    onlineLink: 'https://meet.example.vn/chi-doan',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};
/** Roll-call: `mark(index, awayFromHome)` gives each invitee's status. */
const rollcall = async (id: number, mark: (i: number, away: boolean) => string) => {
  const d = (await t.as('doan.thachkhe', 'GET', `/api/meetings/${id}`)).json();
  const res = await t.as('doan.thachkhe', 'PUT', `/api/meetings/${id}/attendance`, {
    entries: d.attendance.map((a: { personId: number; awayFromHome: boolean }, i: number) => {
      const status = mark(i, a.awayFromHome);
      return { personId: a.personId, status, ...(status === 'absent_excused' ? { reason: 'Ốm' } : {}) };
    }),
  });
  expect(res.statusCode, res.body).toBe(200);
  return d.attendance as { personId: number; awayFromHome: boolean }[];
};

beforeAll(async () => {
  t = await makeTestApp({ clock: { now: () => now } });
  r = await refs(t.database.db);
  const branches = await r.branches(r.doanTK);
  expect(branches.length).toBeGreaterThanOrEqual(3);
  [A, B, C] = branches.map((b) => b.id) as [number, number, number];
  const db = t.database.db;
  // One member of A works away from home; B is in a difficult area.
  away = await r.personIn(A);
  await db.execute(sql`update persons set away_from_home = (id = ${away})
    where id in (select person_id from memberships where unit_id in (${A}, ${B}, ${C}))`);
  await db.execute(sql`update units set difficult_area = (id = ${B}) where id in (${A}, ${B}, ${C})`);

  // September: A meets (everyone present), C meets with poor attendance (one person present).
  meetingsOfA.push(await plan(A, '2026-09-12T19:30:00+07:00'));
  await rollcall(meetingsOfA[0]!, () => 'present');
  const c = await plan(C, '2026-09-15T19:30:00+07:00');
  await rollcall(c, (i) => (i === 0 ? 'present' : i === 1 ? 'absent_excused' : 'absent_unexcused'));
  // October: A holds a thematic meeting, its away member online, a provincial cadre attending.
  now = new Date('2026-10-10T03:00:00Z');
  meetingsOfA.push(await plan(A, '2026-10-14T19:30:00+07:00', 'thematic'));
  await rollcall(meetingsOfA[1]!, (i, isAway) =>
    isAway ? 'online' : i === 1 ? 'absent_unexcused' : 'present',
  );
  const cadre = await rows<{ id: string }>(db, sql`select id from "user" where username = 'tinhdoan'`);
  await db.execute(sql`insert into meeting_cadres (meeting_id, user_id, cadre_name, status, recorded_at)
    values (${meetingsOfA[1]!}, ${cadre[0]!.id}, 'Cán bộ Tỉnh đoàn', 'attended', now())`);
  await refreshUnitPeriod(db, A, '2026-10');
  // November: A meets again, its away member absent with a reason.
  now = new Date('2026-11-10T03:00:00Z');
  meetingsOfA.push(await plan(A, '2026-11-08T19:30:00+07:00'));
  await rollcall(meetingsOfA[2]!, (_, isAway) => (isAway ? 'absent_excused' : 'present'));
  now = new Date('2026-11-20T03:00:00Z');
});
afterAll(async () => t.close());

interface Row {
  unitId: number;
  status: string;
  required: number;
  held: number;
  thematic: number;
  cadreVisited: number;
  awayInvited: number;
  awayAttended: number;
  awayAttendanceRate: number | null;
  attendanceRate: number | null;
}
const report = async (query: string, who = 'doan.thachkhe') => {
  const res = await t.as(who, 'GET', `/api/compliance?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('aggregates kept on write', () => {
  it('reports thematic meetings, cadre visits and away-from-home attendance per branch', async () => {
    const q = await report(`unitId=${r.doanTK}&period=2026-Q4`);
    const a = q.rows.find((x: Row) => x.unitId === A) as Row;
    expect(a).toMatchObject({
      required: 3,
      held: 2,
      status: 'pending',
      thematic: 1,
      cadreVisited: 1,
      awayInvited: 2,
      awayAttended: 1,
      awayAttendanceRate: 0.5,
    });
    const oct = await report(`unitId=${r.doanTK}&period=2026-10`);
    expect(oct.rows.find((x: Row) => x.unitId === A)).toMatchObject({
      awayInvited: 1,
      awayAttended: 1,
      awayAttendanceRate: 1,
      thematic: 1,
    });
    expect(oct.rows.find((x: Row) => x.unitId === B)).toMatchObject({
      awayInvited: 0,
      awayAttendanceRate: null,
      cadreVisited: 0,
    });
    expect(q.summary.awayAttendanceRate).toBe(0.5);
    const invited = q.rows.reduce((s: number, x: { invited: number }) => s + x.invited, 0);
    const attended = q.rows.reduce((s: number, x: { attended: number }) => s + x.attended, 0);
    expect(q.summary.attendanceRate).toBeCloseTo(attended / invited);
  });

  it('keeps per-period refreshes equal to a bulk rebuild, new columns included', async () => {
    const db = t.database.db;
    const snapshot = async () =>
      rows<{ s: string }>(
        db,
        sql`select json_build_object(
          'counts', (select json_agg(c order by c.meeting_id) from meeting_counts c),
          'compliance', (select json_agg(c order by c.unit_id, c.period_key) from unit_period_compliance c)
        )::text as s`,
      );
    const before = await snapshot();
    expect(before[0]!.s).toContain('"cadre_visited":1');
    expect(before[0]!.s).toContain('"away_attended":1');
    await db.transaction(async (tx) => rebuildMeetingAggregates(tx, [A, B, C]));
    expect(await snapshot()).toEqual(before);
    await db.transaction(async (tx) => rebuildMeetingAggregates(tx));
    expect(await snapshot()).toEqual(before);
  });
});

describe('roll-ups', () => {
  it('groups the branches per grassroots unit and per organization', async () => {
    const q = await report('period=2026-10', 'tinhdoan');
    const communes = q.rollups.communes as { unitId: number; branches: number; met: number; rate: number }[];
    const tk = communes.find((c) => c.unitId === r.doanTK)!;
    const tkRows = q.rows.filter((x: { parentId: number }) => x.parentId === r.doanTK);
    expect(tk).toMatchObject({
      branches: tkRows.length,
      met: tkRows.filter((x: Row) => x.status === 'met').length,
      name: expect.stringContaining('Thạch Khê'),
      organizationCode: 'DOAN',
    });
    expect(tk.rate).toBeCloseTo(tk.met / tk.branches);
    expect(communes.some((c) => c.unitId === r.doanCX)).toBe(true);
    expect(communes.reduce((s, c) => s + c.branches, 0)).toBe(q.summary.branches);
    for (let i = 1; i < communes.length; i++)
      expect(communes[i]!.rate).toBeGreaterThanOrEqual(communes[i - 1]!.rate);
    const orgs = q.rollups.organizations as { key: string; branches: number; name: string }[];
    expect(orgs.map((o) => o.key)).toEqual(['DOAN']);
    expect(orgs[0]).toMatchObject({
      branches: q.summary.branches,
      met: q.summary.met,
      missed: q.summary.missed,
    });
  });

  it('spans organizations for an officer of the whole area, and only the scope for a commune officer', async () => {
    const all = await report('period=2026-Q4', 'giamsat.tinh');
    const orgs = all.rollups.organizations.map((o: { key: string }) => o.key);
    expect(orgs).toEqual(expect.arrayContaining(['DOAN', 'PHUNU']));
    const own = await report('period=2026-Q4');
    expect(own.rollups.communes.map((c: { unitId: number }) => c.unitId)).toEqual([r.doanTK]);
  });
});

describe('cần quan tâm', () => {
  const attention = async (query = '', who = 'doan.thachkhe') => {
    const res = await t.as(who, 'GET', `/api/compliance/attention${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      asOf: string;
      branches: number;
      items: {
        unitId: number;
        severity: number;
        difficultArea: boolean;
        reasons: { code: string; text: string }[];
      }[];
    };
  };
  const codes = (list: Awaited<ReturnType<typeof attention>>, id: number) =>
    list.items.find((i) => i.unitId === id)?.reasons.map((x) => x.code);

  it('lists branches that missed, met poorly or went unvisited, with reasons in Vietnamese', async () => {
    const list = await attention(`?unitId=${r.doanTK}`);
    expect(list.asOf).toBe('2026-11-20');
    expect(list.branches).toBe((await r.branches(r.doanTK)).length);
    expect(codes(list, A)).toBeUndefined();
    expect(codes(list, B)).toEqual(['missed_two', 'no_recent_meeting', 'no_cadre_visit']);
    const b = list.items.find((i) => i.unitId === B)!;
    expect(b.reasons.map((x) => x.text)).toEqual([
      'Không họp 2 kỳ liền gần nhất (Tháng 9/2026, Tháng 10/2026).',
      'Không có buổi sinh hoạt nào trong 6 tháng qua.',
      'Địa bàn khó khăn: 6 tháng qua chưa có cán bộ cấp trên dự sinh hoạt.',
    ]);
    expect(codes(list, C)).toEqual(['missed_last', 'low_attendance', 'no_cadre_visit']);
    const c = list.items.find((i) => i.unitId === C)!;
    expect(c.reasons[0]!.text).toBe('Không họp kỳ gần nhất (Tháng 10/2026).');
    expect(c.reasons[1]!.text).toMatch(/^Tỷ lệ tham dự 2 kỳ gần nhất chỉ \d+% \(dưới 50%\)\.$/);
    const order = list.items.map((i) => i.severity);
    expect([...order].sort((x, y) => y - x)).toEqual(order);
    expect(list.items[0]!.unitId).toBe(B);
  });

  it('flags three months without a meeting once time passes', async () => {
    now = new Date('2027-03-05T03:00:00Z');
    try {
      const list = await attention(`?unitId=${r.doanTK}`);
      const a = list.items.find((i) => i.unitId === A)!;
      // The October cadre visit still counts (within six months).
      expect(a.reasons.map((x) => x.code)).toEqual(['missed_two', 'no_recent_meeting']);
      expect(a.reasons[1]!.text).toBe(
        'Không có buổi sinh hoạt nào trong 3 tháng qua (lần gần nhất 08/11/2026).',
      );
    } finally {
      now = new Date('2026-11-20T03:00:00Z');
    }
  });

  it('is scoped in SQL', async () => {
    const head = await attention('', 'bithu.thachkhe');
    expect(head.branches).toBe(1);
    expect(head.items.every((i) => i.unitId === A)).toBe(true);
    const other = await attention('', 'doan.camxuyen');
    expect(other.items.some((i) => [A, B, C].includes(i.unitId))).toBe(false);
    const hidden = await t.as('doan.camxuyen', 'GET', `/api/compliance/attention?unitId=${r.doanTK}`);
    expect(hidden.statusCode).toBe(404);
    const bad = await t.as('doan.thachkhe', 'GET', '/api/compliance/attention?unitId=abc');
    expect(bad.statusCode).toBe(400);
  });
});

describe('per-member attendance', () => {
  it('gives each invitee of the branch counts, rate and status per meeting, in name order', async () => {
    const res = await t.as('bithu.thachkhe', 'GET', `/api/units/${A}/member-attendance?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.unit.id).toBe(A);
    expect(body.meetings.map((m: { id: number }) => m.id)).toEqual(meetingsOfA);
    expect(body.meetings.map((m: { periodLabel: string }) => m.periodLabel)).toEqual([
      'Tháng 9/2026',
      'Tháng 10/2026',
      'Tháng 11/2026',
    ]);
    const awayRow = body.members.find((m: { personId: number }) => m.personId === away);
    expect(awayRow).toMatchObject({
      awayFromHome: true,
      invited: 3,
      attended: 2,
      statuses: ['present', 'online', 'absent_excused'],
    });
    expect(awayRow.rate).toBeCloseTo(2 / 3);
    const names = await rows<{ id: number }>(
      t.database.db,
      sql`select p.id from meeting_attendance a join persons p on p.id = a.person_id
      where a.meeting_id in (${sql.join(
        meetingsOfA.map((id) => sql`${id}`),
        sql`, `,
      )})
      group by p.id, p.sort_key order by p.sort_key collate "C", p.id`,
    );
    expect(body.members.map((m: { personId: number }) => m.personId)).toEqual(names.map((n) => n.id));
    expect(body.members.every((m: { invited: number }) => m.invited === 3)).toBe(true);
  });

  it('is empty for a year without meetings and hidden outside the scope', async () => {
    const empty = (await t.as('doan.thachkhe', 'GET', `/api/units/${A}/member-attendance?year=2025`)).json();
    expect(empty).toMatchObject({ year: 2025, meetings: [], members: [] });
    const other = await t.as('doan.camxuyen', 'GET', `/api/units/${A}/member-attendance`);
    expect(other.statusCode).toBe(404);
    const bad = await t.as('doan.thachkhe', 'GET', `/api/units/${A}/member-attendance?year=1800`);
    expect(bad.statusCode).toBe(400);
  });
});
