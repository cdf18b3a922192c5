/**
 * Deterministic history of branch meetings for the demo seed: for every active branch, its rhythm periods
 * from 2026-01-01 to the seed reference date, with attendance, minutes and a few discussion entries.
 * Meeting counts and period compliance are then rebuilt from the raw rows (rebuildMeetingAggregates),
 * so they match what the live write path keeps current.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { rebuildMeetingAggregates, rhythmRules } from '../modules/meetings/meetings.repo';
import { addDays, type Period, type RhythmRule, unitPeriodOf } from '../modules/meetings/periods';
import { Rng } from './prng';
import { bulkInsert, queryRows, reserveIds } from './sql';

/** First day of the meeting history. */
export const MEETINGS_FROM = '2026-01-01';
/** Periods that ended more than this many days before the reference date have locked minutes. */
const LOCK_AFTER_DAYS = 15;

type Row = Array<string | number | boolean | null>;

const MEETING_COLUMNS = [
  ['id', 'int'],
  ['unit_id', 'int'],
  ['kind', 'text'],
  ['period_key', 'text'],
  ['period_start', 'date'],
  ['period_end', 'date'],
  ['scheduled_at', 'timestamptz'],
  ['place', 'text'],
  ['mode', 'text'],
  ['agenda', 'text'],
  ['status', 'text'],
  ['chair', 'text'],
  ['secretary', 'text'],
  ['content', 'text'],
  ['decisions', 'text'],
  ['started_at', 'timestamptz'],
  ['ended_at', 'timestamptz'],
  ['locked_at', 'timestamptz'],
  ['created_by', 'text'],
] as const;
const ATTENDANCE_COLUMNS = [
  ['meeting_id', 'int'],
  ['person_id', 'int'],
  ['membership_id', 'int'],
  ['status', 'text'],
  ['reason', 'text'],
  ['away_from_home', 'boolean'],
] as const;
const DISCUSSION_COLUMNS = [
  ['meeting_id', 'int'],
  ['speaker_person_id', 'int'],
  ['speaker_name', 'text'],
  ['content', 'text'],
] as const;

const REGULAR_CONTENT: Record<string, string[]> = {
  DOAN: [
    'Đánh giá hoạt động của chi đoàn trong tháng, triển khai phong trào thanh niên tình nguyện và kế hoạch tháng tới.',
    'Sinh hoạt chi đoàn định kỳ: kiểm điểm việc thực hiện nghị quyết, thu đoàn phí, phân công đoàn viên dọn vệ sinh đường làng.',
    'Triển khai kế hoạch ra quân "Ngày chủ nhật xanh", bình xét đoàn viên tiêu biểu.',
  ],
  PHUNU: [
    'Đánh giá kết quả hoạt động quý, triển khai phong trào "Xây dựng gia đình 5 không 3 sạch".',
    'Sinh hoạt chi hội định kỳ: thu hội phí, rà soát hội viên vay vốn, hướng dẫn chăm sóc sức khỏe sinh sản.',
  ],
  NONGDAN: [
    'Đánh giá tình hình sản xuất vụ vừa qua, triển khai lịch thời vụ và phòng chống dịch bệnh trên đàn gia súc.',
    'Sinh hoạt chi hội định kỳ: thu hội phí, bình xét hộ sản xuất kinh doanh giỏi, phổ biến quỹ hỗ trợ nông dân.',
  ],
  CCB: [
    'Sinh hoạt chi hội định kỳ: đánh giá hoạt động quý, ôn truyền thống, tham gia giữ gìn an ninh trật tự thôn xóm.',
    'Triển khai nghị quyết cấp trên, thăm hỏi hội viên ốm đau, thu hội phí.',
  ],
  NCT: [
    'Sinh hoạt chi hội định kỳ 6 tháng: mừng thọ hội viên, đánh giá phong trào "Tuổi cao gương sáng".',
    'Đánh giá hoạt động, triển khai kế hoạch chăm sóc sức khỏe người cao tuổi, thu hội phí.',
  ],
};
const THEMATIC_TOPICS = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Phòng chống ma túy và tệ nạn xã hội',
  'Chuyển đổi số, hướng dẫn cài đặt và sử dụng VNeID',
  'An toàn giao thông và phòng chống đuối nước',
  'Phòng chống lừa đảo qua mạng',
];
const DISCUSSIONS = [
  'Đề nghị hỗ trợ vốn vay phát triển chăn nuôi',
  'Kiến nghị sửa đường liên thôn',
  'Đề nghị tổ chức lớp tập huấn kỹ thuật trồng trọt',
  'Kiến nghị lắp thêm đèn chiếu sáng đường làng',
  'Đề nghị hỗ trợ hội viên có hoàn cảnh khó khăn sửa nhà',
  'Đề nghị tăng cường tuyên truyền phòng chống cháy rừng',
  'Kiến nghị nạo vét kênh mương trước mùa mưa lũ',
];
const DECISIONS = [
  'Thống nhất kế hoạch hoạt động kỳ tới.',
  'Giao ban chấp hành chi hội theo dõi, đôn đốc thực hiện.',
  'Thống nhất đề xuất với cấp trên các kiến nghị của hội viên.',
];
const EXCUSES = ['Đi làm ăn xa', 'Ốm', 'Bận việc gia đình', 'Đi học'] as const;

interface Branch {
  id: number;
  org: string;
  kind: string;
  difficult: boolean;
  place: string;
}
interface Member {
  id: number;
  personId: number;
  unitId: number;
  joinedOn: string | null;
  leftOn: string | null;
  position: string | null;
  away: boolean;
  name: string;
}

export interface MeetingSeedCounts {
  meetings: number;
  attendance: number;
  discussions: number;
}

/** Rhythm rule versions per organization, loaded once per seed run. */
export async function loadRhythmRules(db: DbOrTx): Promise<Map<string, RhythmRule[]>> {
  const byOrg = new Map<string, RhythmRule[]>();
  for (const r of await rhythmRules(db)) byOrg.set(r.org, [...(byOrg.get(r.org) ?? []), r]);
  return byOrg;
}

/** A member is invited when their membership is live that day (joined, not yet left). */
function liveOn(m: Member, day: string): boolean {
  return (m.joinedOn === null || m.joinedOn <= day) && (m.leftOn === null || m.leftOn > day);
}

const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`).toISOString();
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
function randomDay(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, dayNumber(to) - dayNumber(from)));
}

/**
 * Seeds the meetings of the given branches (one commune) up to `referenceDate`, then rebuilds their
 * aggregates. Deterministic from the seed number and the commune code.
 */
export async function seedCommuneMeetings(
  tx: DbOrTx,
  opts: {
    seedNumber: number;
    communeCode: string;
    branchIds: readonly number[];
    rules: Map<string, RhythmRule[]>;
    referenceDate: string;
  },
): Promise<MeetingSeedCounts> {
  const counts: MeetingSeedCounts = { meetings: 0, attendance: 0, discussions: 0 };
  if (opts.branchIds.length === 0) return counts;
  const ids = `{${opts.branchIds.join(',')}}`;
  const branches = await queryRows<Branch>(
    tx,
    sql`select u.id, u.organization_code as org, u.kind, u.difficult_area as difficult,
      case when u.kind = 'residential' and a.level = 3 then 'Nhà văn hóa ' || a.name else 'Hội trường ' || u.name end as place
    from units u join areas a on a.id = u.area_id
    where u.id = any(${ids}::int[]) and u.level = 'branch' and u.active order by u.id`,
  );
  const members = await queryRows<Member>(
    tx,
    sql`select m.id, m.person_id as "personId", m.unit_id as "unitId", m.joined_on::text as "joinedOn",
      m.left_on::text as "leftOn", m.position, p.away_from_home as away,
      trim(p.family_name || ' ' || p.given_name) as name
    from memberships m join persons p on p.id = m.person_id
    where m.unit_id = any(${ids}::int[]) and m.status in ('active', 'transferring', 'left')
    order by m.unit_id, m.id`,
  );
  const membersOf = new Map<number, Member[]>();
  for (const m of members) membersOf.set(m.unitId, [...(membersOf.get(m.unitId) ?? []), m]);

  const ref = opts.referenceDate;
  const rng = Rng.derive(opts.seedNumber, 'meetings', opts.communeCode);
  const meetingRows: Row[] = [];
  const attendanceRows: Row[] = [];
  const discussionRows: Row[] = [];
  /** meetings planned before their ids are reserved: index into meetingRows ⇒ attendance/discussions refer to it */
  const pendingAttendance: Array<{ meeting: number; row: Row }> = [];
  const pendingDiscussions: Array<{ meeting: number; row: Row }> = [];

  for (const b of branches) {
    const rules = opts.rules.get(b.org) ?? [];
    const roster = membersOf.get(b.id) ?? [];
    const plan = (
      period: Period,
      day: string,
      kind: 'regular' | 'thematic',
      status: 'planned' | 'held' | 'locked',
    ) => {
      const invitees = roster.filter((m) => liveOn(m, day < ref ? day : ref));
      if (status !== 'planned' && invitees.length === 0) return;
      // One row per person (distinct on person, lowest membership id), like inviteMembers.
      const seen = new Set<number>();
      const unique = invitees.filter((m) => !seen.has(m.personId) && seen.add(m.personId));
      const meeting = meetingRows.length;
      const holders = unique.filter((m) => m.position !== null);
      const chair = holders.find(
        (m) => /Bí thư|trưởng/.test(m.position ?? '') && !/Phó/.test(m.position ?? ''),
      );
      const secretary = holders.find((m) => m !== chair);
      const time = rng.pick(['07:30', '14:00', '19:30', '19:30']);
      const held = status !== 'planned';
      let online = 0;
      const attended: Member[] = [];
      const statuses = unique.map((m) => {
        if (!held) return ['unknown', null] as const;
        const r = rng.next();
        const present = b.difficult ? 0.62 : 0.72;
        let s: readonly [string, string | null];
        if (m.away) {
          if (r < 0.1) s = ['present', null];
          else if (r < 0.4) s = ['online', null];
          else if (r < 0.9) s = ['absent_excused', 'Đi làm ăn xa'];
          else s = ['absent_unexcused', null];
        } else if (r < present) s = ['present', null];
        else if (r < present + 0.03) s = ['online', null];
        else if (r < present + 0.2) s = ['absent_excused', rng.pick(EXCUSES)];
        else s = ['absent_unexcused', null];
        if (s[0] === 'online') online++;
        if (s[0] === 'present' || s[0] === 'online') attended.push(m);
        return s;
      });
      // A held meeting has someone present: the chair (or the first invitee) at least.
      if (held && attended.length === 0) {
        const who = chair ?? (unique[0] as Member);
        statuses[unique.indexOf(who)] = ['present', null];
        attended.push(who);
      }
      unique.forEach((m, i) => {
        const [s, reason] = statuses[i] as readonly [string, string | null];
        pendingAttendance.push({ meeting, row: [0, m.personId, m.id, s, reason, m.away] });
      });
      if (held && rng.chance(0.35)) {
        for (let k = rng.int(1, 2); k > 0; k--) {
          const speaker = rng.pick(attended);
          pendingDiscussions.push({
            meeting,
            row: [0, speaker.personId, speaker.name, rng.pick(DISCUSSIONS)],
          });
        }
      }
      const topic = kind === 'thematic' ? rng.pick(THEMATIC_TOPICS) : null;
      const agenda = topic
        ? `Sinh hoạt chuyên đề: ${topic}`
        : `Sinh hoạt định kỳ ${period.label.toLowerCase()}`;
      const content = topic
        ? `Sinh hoạt chuyên đề "${topic}"; đoàn viên, hội viên thảo luận và liên hệ thực tế địa phương.`
        : rng.pick(REGULAR_CONTENT[b.org] ?? (REGULAR_CONTENT.PHUNU as string[]));
      const start = at(day, time);
      meetingRows.push([
        0,
        b.id,
        kind,
        period.key,
        period.start,
        period.end,
        start,
        b.place,
        online > 0 ? 'hybrid' : 'in_person',
        agenda,
        status,
        held ? (chair?.name ?? null) : null,
        held ? (secretary?.name ?? null) : null,
        held ? content : null,
        held ? rng.pick(DECISIONS) : null,
        held ? start : null,
        held ? new Date(Date.parse(start) + rng.int(60, 150) * 60_000).toISOString() : null,
        status === 'locked' ? at(addDays(period.end, rng.int(1, LOCK_AFTER_DAYS)), '09:00') : null,
        'seed',
      ]);
    };

    for (let p = unitPeriodOf(rules, MEETINGS_FROM, b.kind); p.start <= ref; ) {
      if (p.end < ref) {
        if (rng.chance(b.difficult ? 0.6 : 0.82)) {
          const status = addDays(p.end, LOCK_AFTER_DAYS) < ref ? 'locked' : 'held';
          const days = [randomDay(rng, p.start, p.end)];
          if (rng.chance(0.08)) days.push(randomDay(rng, p.start, p.end));
          days.sort();
          days.forEach((d, i) => {
            plan(p, d, i === 0 ? 'regular' : 'thematic', status);
          });
        }
      } else {
        // Current period: mostly nothing yet, or planned for later; sometimes already held.
        const r = rng.next();
        if (r < 0.25 && p.start < ref) plan(p, randomDay(rng, p.start, addDays(ref, -1)), 'regular', 'held');
        else if (r < 0.6 && p.end > ref)
          plan(p, randomDay(rng, addDays(ref, 1), p.end), 'regular', 'planned');
      }
      p = unitPeriodOf(rules, addDays(p.end), b.kind);
    }
  }

  const meetingIds = await reserveIds(tx, 'meetings', meetingRows.length);
  meetingRows.forEach((row, i) => {
    row[0] = meetingIds[i] as number;
  });
  for (const a of pendingAttendance) {
    a.row[0] = meetingIds[a.meeting] as number;
    attendanceRows.push(a.row);
  }
  for (const d of pendingDiscussions) {
    d.row[0] = meetingIds[d.meeting] as number;
    discussionRows.push(d.row);
  }
  await bulkInsert(tx, 'meetings', MEETING_COLUMNS, meetingRows);
  await bulkInsert(tx, 'meeting_attendance', ATTENDANCE_COLUMNS, attendanceRows);
  await bulkInsert(tx, 'meeting_discussions', DISCUSSION_COLUMNS, discussionRows);
  await rebuildMeetingAggregates(
    tx,
    branches.map((b) => b.id),
  );
  counts.meetings = meetingRows.length;
  counts.attendance = attendanceRows.length;
  counts.discussions = discussionRows.length;
  return counts;
}
