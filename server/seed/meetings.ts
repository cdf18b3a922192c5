/**
 * Deterministic history of branch meetings for the seed: for every active branch, its rhythm periods from
 * 2026-01-01 to the seed reference date, with invitees, roll-call, minutes and a few discussion entries.
 * Meetings are planned here, commune by commune; their attendance and discussions are generated inside the
 * database (attendance.ts). Meeting counts and period compliance are then rebuilt in bulk from the raw rows
 * (rebuildMeetingAggregates), so they match what the live write path keeps current.
 */
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { rebuildMeetingAggregates, rhythmRules } from '../modules/meetings/meetings.repo';
import { addDays, addMonths, type Period, type RhythmRule, unitPeriodOf } from '../modules/meetings/periods';
import { insertAttendance, insertDiscussions, withoutForeignKeys } from './attendance';
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
  ['online_link', 'text'],
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
 * How often branches whose rule asks for quarterly or six-monthly meetings actually meet, in months
 * (many chi hội meet monthly or every two months); used by the 'habits' model only.
 */
const CADENCE: Record<string, ReadonlyArray<readonly [number, number]>> = {
  PHUNU: [
    [1, 65],
    [2, 20],
    [3, 15],
  ],
  NONGDAN: [
    [1, 55],
    [2, 25],
    [3, 20],
  ],
  CCB: [
    [1, 80],
    [2, 10],
    [3, 10],
  ],
  NCT: [
    [1, 20],
    [3, 55],
    [6, 25],
  ],
};

/** Share of held periods with an extra thematic meeting (sinh hoạt chuyên đề). */
const THEMATIC_SHARE = 0.08;

/**
 * 'required': one regular meeting per period of the branch's rule when it meets at all (the demo);
 * 'habits': branches of quarterly/six-monthly organizations often meet monthly or every two months
 * (the province-scale benchmark data).
 */
export type MeetingModel = 'required' | 'habits';

/** The period cut into consecutive slots of `months` (the last one ends with the period). */
function slotsOf(p: Period, months: number): Array<{ start: string; end: string }> {
  if (months >= p.months) return [p];
  const out: Array<{ start: string; end: string }> = [];
  for (let start = p.start; start <= p.end; ) {
    const next = addMonths(start, months);
    const last = addDays(next, -1);
    out.push({ start, end: [last, p.end].sort()[0] as string });
    start = next;
  }
  return out;
}

function onlineLink(rng: Rng): string {
  const letters = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(97 + rng.int(0, 25))).join('');
  return `https://meet.google.com/${letters(3)}-${letters(4)}-${letters(3)}`;
}

/**
 * Plans and inserts the meetings of one commune's branches up to `referenceDate` (ids reserved in one
 * block); returns the id range, or null when none. Deterministic from the seed number and the commune code.
 */
async function planCommune(
  tx: DbOrTx,
  opts: {
    seedNumber: number;
    communeCode: string;
    branchIds: readonly number[];
    rules: Map<string, RhythmRule[]>;
    referenceDate: string;
    model: MeetingModel;
  },
): Promise<{ from: number; to: number } | null> {
  if (opts.branchIds.length === 0) return null;
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
    // persons by primary key (lateral … offset 0): a hash join would scan all persons once per commune.
    sql`select m.id, m.person_id as "personId", m.unit_id as "unitId", m.joined_on::text as "joinedOn",
      m.left_on::text as "leftOn", m.position, p.away, p.name
    from memberships m cross join lateral (select p.away_from_home as away,
        trim(p.family_name || ' ' || p.given_name) as name from persons p where p.id = m.person_id offset 0) p
    where m.unit_id = any(${ids}::int[]) and m.status in ('active', 'transferring', 'left')
    order by m.unit_id, m.id`,
  );
  const membersOf = new Map<number, Member[]>();
  for (const m of members) membersOf.set(m.unitId, [...(membersOf.get(m.unitId) ?? []), m]);

  const ref = opts.referenceDate;
  const rng = Rng.derive(opts.seedNumber, 'meetings', opts.communeCode);
  const meetingRows: Row[] = [];

  for (const b of branches) {
    const rules = opts.rules.get(b.org) ?? [];
    const roster = membersOf.get(b.id) ?? [];
    // How reliably this branch meets, and (habits model) how often it actually does.
    const diligence = b.difficult ? 0.45 + rng.next() * 0.3 : 0.7 + rng.next() * 0.24;
    const cadence = opts.model === 'habits' ? rng.weighted(CADENCE[b.org] ?? [[1, 1]]) : 12;
    const plan = (
      period: Period,
      day: string,
      kind: 'regular' | 'thematic',
      status: 'planned' | 'held' | 'locked',
    ) => {
      const invitees = roster.filter((m) => liveOn(m, day < ref ? day : ref));
      if (status !== 'planned' && invitees.length === 0) return;
      const holders = invitees.filter((m) => m.position !== null);
      const chair = holders.find(
        (m) => /Bí thư|trưởng/.test(m.position ?? '') && !/Phó/.test(m.position ?? ''),
      );
      const secretary = holders.find((m) => m.personId !== chair?.personId);
      const time = rng.pick(['07:30', '14:00', '19:30', '19:30']);
      const held = status !== 'planned';
      // Branches with members working away often let them join online.
      const hybrid = rng.chance(invitees.some((m) => m.away) ? 0.5 : 0.05);
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
        hybrid ? 'hybrid' : 'in_person',
        hybrid ? onlineLink(rng) : null,
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

    for (let p = unitPeriodOf(rules, MEETINGS_FROM, b); p.start <= ref; ) {
      const slots = slotsOf(p, cadence);
      if (p.end < ref) {
        const status = addDays(p.end, LOCK_AFTER_DAYS) < ref ? 'locked' : 'held';
        let held = 0;
        for (const slot of slots) {
          if (!rng.chance(diligence)) continue;
          plan(p, randomDay(rng, slot.start, slot.end), 'regular', status);
          held++;
        }
        if (held > 0 && rng.chance(THEMATIC_SHARE))
          plan(p, randomDay(rng, p.start, p.end), 'thematic', status);
      } else {
        // Current period: earlier slots held or not; the current slot mostly not yet, or planned for later.
        for (const slot of slots) {
          if (slot.start > ref) break;
          if (slot.end < ref) {
            if (rng.chance(diligence)) plan(p, randomDay(rng, slot.start, slot.end), 'regular', 'held');
            continue;
          }
          const r = rng.next();
          if (r < 0.25 && slot.start < ref)
            plan(p, randomDay(rng, slot.start, addDays(ref, -1)), 'regular', 'held');
          else if (r < 0.6 && slot.end > ref)
            plan(p, randomDay(rng, addDays(ref, 1), slot.end), 'regular', 'planned');
        }
      }
      p = unitPeriodOf(rules, addDays(p.end), b);
    }
  }

  if (meetingRows.length === 0) return null;
  const meetingIds = await reserveIds(tx, 'meetings', meetingRows.length);
  meetingRows.forEach((row, i) => {
    row[0] = meetingIds[i] as number;
  });
  await bulkInsert(tx, 'meetings', MEETING_COLUMNS, meetingRows);
  return { from: meetingIds[0] as number, to: meetingIds[meetingIds.length - 1] as number };
}

/**
 * Seeds the meeting history of every given commune's branches in one transaction: meetings planned commune by
 * commune, their attendance and discussions generated in the database, foreign keys of the bulk-loaded
 * tables checked once at the end, then meeting counts and period compliance rebuilt in bulk.
 */
export async function seedMeetings(
  db: Db,
  opts: {
    seedNumber: number;
    communes: ReadonlyArray<{ code: string; branchIds: readonly number[] }>;
    referenceDate: string;
    model: MeetingModel;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<MeetingSeedCounts> {
  opts.onProgress?.(0, opts.communes.length);
  return db.transaction(async (tx) => {
    // Room to sort a commune's invitations in memory (the default 4 MB spills to disk at province scale).
    await tx.execute(sql`set local work_mem = '64MB'`);
    const rules = await loadRhythmRules(tx);
    const bulk = ['meetings', 'meeting_attendance', 'meeting_discussions', 'meeting_counts'];
    await withoutForeignKeys(tx, bulk, async () => {
      for (const [i, c] of opts.communes.entries()) {
        const ids = await planCommune(tx, { ...opts, communeCode: c.code, branchIds: c.branchIds, rules });
        if (ids) {
          await insertAttendance(tx, opts.seedNumber, ids, opts.referenceDate);
          await insertDiscussions(tx, opts.seedNumber, ids, DISCUSSIONS);
        }
        opts.onProgress?.(i + 1, opts.communes.length);
      }
      await rebuildMeetingAggregates(tx);
    });
    const [n] = await queryRows<Record<keyof MeetingSeedCounts, number | string>>(
      tx,
      sql`select (select count(*) from meetings) as meetings, (select count(*) from meeting_attendance) as attendance,
        (select count(*) from meeting_discussions) as discussions`,
    );
    return {
      meetings: Number(n?.meetings),
      attendance: Number(n?.attendance),
      discussions: Number(n?.discussions),
    };
  });
}
