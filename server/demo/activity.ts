/**
 * Demo activity on top of the seeded province (first start only, after the persona accounts exist): the
 * province Đoàn and Hội LHPN publish a monthly theme (chủ điểm sinh hoạt) for the last three months and the
 * next one, a share of the branches' meetings of those months used it, and the commune and province officers
 * among the personas attended some branch meetings (cán bộ cấp trên dự sinh hoạt). Deterministic (choices
 * hash the meeting ids), bulk SQL, a second or two at demo scale.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { one, rows } from '../db/query';
import { rebuildMeetingAggregates } from '../modules/meetings/meetings.repo';
import { addDays, addMonths } from '../modules/meetings/periods';
import { SEED_REFERENCE_DATE } from '../seed';

interface ThemeText {
  title: string;
  body: string;
}

/** Month (1–12) → the theme text, per publishing organization. */
const THEMES: Record<'DOAN' | 'PHUNU', Record<number, ThemeText>> = {
  DOAN: {
    9: {
      title: 'Tháng 9: Tự hào truyền thống Cách mạng tháng Tám và Quốc khánh 2/9',
      body: 'Ôn lại ý nghĩa lịch sử của Cách mạng tháng Tám và Quốc khánh 2/9; liên hệ trách nhiệm của đoàn viên thanh niên trong xây dựng quê hương.\nTriển khai chương trình "Tiếp sức đến trường": mỗi chi đoàn hỗ trợ ít nhất một học sinh có hoàn cảnh khó khăn.\nTuyên truyền an toàn giao thông cho học sinh dịp khai giảng năm học mới.',
    },
    10: {
      title: 'Tháng 10: Tuổi trẻ xung kích phòng, chống thiên tai và chuyển đổi số ở cơ sở',
      body: 'Kỷ niệm ngày truyền thống Hội Liên hiệp Thanh niên Việt Nam 15/10.\nKiện toàn đội hình thanh niên xung kích phòng, chống bão lũ; ôn lại kỹ năng sơ cứu, phòng chống đuối nước.\nTổ chức "Tổ công nghệ số cộng đồng": hướng dẫn người dân cài đặt, kích hoạt VNeID và nộp hồ sơ dịch vụ công trực tuyến.',
    },
    11: {
      title: 'Tháng 11: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh — tôn sư trọng đạo',
      body: 'Học tập chuyên đề năm 2026 về tư tưởng, đạo đức, phong cách Hồ Chí Minh; mỗi đoàn viên đăng ký một việc làm cụ thể để làm theo Bác.\nHướng tới Ngày Nhà giáo Việt Nam 20/11: thăm hỏi thầy cô giáo cũ, phát động phong trào tự học, học tập suốt đời.\nTham gia Ngày hội Đại đoàn kết toàn dân tộc 18/11 ở khu dân cư.',
    },
    12: {
      title:
        'Tháng 12: Kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam 22/12 và Ngày hội Quốc phòng toàn dân',
      body: 'Tìm hiểu truyền thống vẻ vang của Quân đội nhân dân Việt Nam; thăm hỏi gia đình chính sách, thương binh, liệt sĩ ở địa phương.\nTuyên truyền Luật Nghĩa vụ quân sự, động viên thanh niên trong độ tuổi sẵn sàng nhập ngũ năm 2027.\nTổng kết công tác Đoàn và phong trào thanh niên năm 2026, bình xét đoàn viên xuất sắc.',
    },
  },
  PHUNU: {
    9: {
      title: 'Tháng 9: Chung tay chăm lo cho trẻ em đến trường và Tết Trung thu',
      body: 'Vận động hội viên hỗ trợ sách vở, đồ dùng học tập cho trẻ em có hoàn cảnh khó khăn.\nPhối hợp tổ chức vui Tết Trung thu cho thiếu nhi ở thôn, xóm.\nTuyên truyền phòng chống đuối nước và xâm hại trẻ em.',
    },
    10: {
      title:
        'Tháng 10: Kỷ niệm 96 năm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 – 20/10/2026)',
      body: 'Ôn lại truyền thống của Hội; tôn vinh hội viên tiêu biểu trong phong trào "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc".\nKết nạp hội viên mới, nhất là phụ nữ trẻ và lao động tự do.\nRà soát hộ hội viên vay vốn, hướng dẫn sử dụng vốn đúng mục đích.',
    },
    11: {
      title: 'Tháng 11: Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
      body: 'Tuyên truyền Luật Phòng, chống bạo lực gia đình; giới thiệu địa chỉ tin cậy ở cộng đồng.\nThảo luận: chia sẻ việc nhà, nuôi dạy con trong gia đình.\nThăm hỏi, hỗ trợ phụ nữ và trẻ em gái là nạn nhân bạo lực.',
    },
    12: {
      title: 'Tháng 12: Phụ nữ Hà Tĩnh phát triển kinh tế hộ gia đình, chuẩn bị Tết an toàn, tiết kiệm',
      body: 'Chia sẻ mô hình sinh kế hiệu quả của hội viên; giới thiệu nguồn vốn vay ưu đãi.\nTuyên truyền an toàn thực phẩm và phòng chống cháy nổ dịp cuối năm.\nVận động "Tết yêu thương" cho hội viên nghèo, neo đơn.',
    },
  },
};

export interface DemoActivity {
  themes: number;
  themedMeetings: number;
  visits: number;
  units: number;
}

/** A deterministic number in [0, 1000) from a meeting id and a salt (Knuth's multiplicative hash). */
const draw = (salt: SQL) => sql`mod(m.id::bigint * 2654435761 + (${salt})::bigint * 40503, 1000)`;

/** Meetings of these shares (per mille) used the month's theme; cadres attended held meetings at these rates. */
const THEMED = 550;
const COMMUNE_VISITS = 300;
const PROVINCE_VISITS = { difficult: 40, other: 8 };
/** Visits are recorded for meetings from this many months before the reference date. */
const VISIT_MONTHS = 6;

/** Publishes the province themes of the given months; returns the new themes (id, unit, org, month, title). */
async function publishThemes(tx: DbOrTx, months: string[], referenceDate: string) {
  const publishers = await rows<{ unitId: number; org: 'DOAN' | 'PHUNU'; userId: string | null }>(
    tx,
    sql`select u.id as "unitId", u.organization_code as org,
      (select g.user_id from role_grants g where g.unit_id = u.id and g.role = 'province_officer'
        and g.revoked_at is null order by g.id limit 1) as "userId"
    from units u where u.level = 'province' and u.organization_code in ('DOAN', 'PHUNU') order by u.id`,
  );
  const values = publishers.flatMap((p) =>
    months.map((month) => {
      const text = THEMES[p.org][Number(month.slice(5, 7))] as ThemeText;
      // Published on the 25th of the month before (or the reference day, if that is earlier).
      const day = [addDays(addMonths(`${month}-01`, -1), 24), referenceDate].sort()[0] as string;
      const at = `${day}T08:00:00+07:00`;
      return sql`(${p.unitId}::int, ${month}, ${text.title}, ${text.body}, ${p.userId}, ${at}::timestamptz, ${at}::timestamptz)`;
    }),
  );
  if (values.length === 0) return [];
  return rows<{ id: number; unitId: number; month: string; title: string }>(
    tx,
    sql`insert into themes (unit_id, month, title, body, created_by, created_at, updated_at)
    values ${sql.join(values, sql`, `)} returning id, unit_id as "unitId", month, title`,
  );
}

/** Regular meetings below each theme's publisher in its month (Vietnam time) pick it, at the THEMED share. */
async function pickThemes(tx: DbOrTx, themeIds: number[], months: string[]): Promise<number> {
  const ids = `{${themeIds.join(',')}}`;
  const from = `${months[0]}-01T00:00:00+07:00`;
  const to = `${addMonths(`${months[months.length - 1]}-01`, 1)}T00:00:00+07:00`;
  const res = await rows<{ id: number }>(
    tx,
    sql`with t as (
      select t.id, t.month, t.title, p.path from themes t join units p on p.id = t.unit_id
      where t.id = any(${ids}::int[])
    ), picked as (
      select m.id, t.id as theme_id, t.title
      from meetings m join units u on u.id = m.unit_id
        join t on t.month = to_char(m.scheduled_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') and u.path <@ t.path
      where m.scheduled_at >= ${from}::timestamptz and m.scheduled_at < ${to}::timestamptz
        and m.kind = 'regular' and m.theme_id is null and ${draw(sql`t.id`)} < ${THEMED}::int
    )
    update meetings m set theme_id = picked.theme_id,
      content = case when m.content is null then null
        else m.content || ' Sinh hoạt theo chủ điểm "' || picked.title || '".' end
    from picked where picked.id = m.id
    returning m.id`,
  );
  return res.length;
}

/**
 * Officer personas attended held meetings of the branches their grant covers (same organization): commune
 * officers often, province officers now and then, difficult areas first. Returns the units visited.
 */
async function recordVisits(
  tx: DbOrTx,
  from: string,
  to: string,
): Promise<{ visits: number; units: number[] }> {
  const share = sql`case when g.role = 'grassroots_officer' then ${COMMUNE_VISITS}::int
    when b.difficult_area then ${PROVINCE_VISITS.difficult}::int else ${PROVINCE_VISITS.other}::int end`;
  const res = await rows<{ meetingId: number }>(
    tx,
    sql`insert into meeting_cadres (meeting_id, user_id, cadre_name, from_unit_id, status, note, assigned_by,
      created_at, recorded_at)
    select m.id, usr.id, usr.name, gu.id, 'attended', null, usr.id, m.scheduled_at - interval '5 days',
      coalesce(m.ended_at, m.scheduled_at + interval '2 hours')
    from role_grants g join "user" usr on usr.id = g.user_id join units gu on gu.id = g.unit_id
      join units b on b.path <@ gu.path and b.organization_code = gu.organization_code
      join meetings m on m.unit_id = b.id
    where g.role in ('grassroots_officer', 'province_officer') and g.revoked_at is null and not usr.disabled
      and m.status in ('held', 'locked')
      and m.scheduled_at >= ${`${from}T00:00:00+07:00`}::timestamptz
      and m.scheduled_at < ${`${to}T00:00:00+07:00`}::timestamptz
      and ${draw(sql`g.id`)} < ${share}
    on conflict (meeting_id, user_id) do nothing
    returning meeting_id as "meetingId"`,
  );
  const units = await rows<{ unitId: number }>(
    tx,
    sql`select distinct m.unit_id as "unitId" from meeting_cadres mc join meetings m on m.id = mc.meeting_id
    order by 1`,
  );
  // The minutes name the cadres who came (chair's record of "đại biểu cấp trên").
  await tx.execute(sql`update meetings m set higher_cadres = v.names from (
      select mc.meeting_id, string_agg('Đ/c ' || mc.cadre_name || ' (' || coalesce(fu.name, '') || ')', '; '
        order by mc.id) as names
      from meeting_cadres mc left join units fu on fu.id = mc.from_unit_id
      where mc.status = 'attended' group by mc.meeting_id) v
    where v.meeting_id = m.id and m.higher_cadres is null`);
  return { visits: res.length, units: units.map((u) => u.unitId) };
}

/**
 * Adds the demo activity once (nothing when the province units already published themes): themes, their
 * use, cadre visits, then the meeting aggregates of the visited units rebuilt in bulk.
 */
export async function seedDemoActivity(
  db: Db,
  log?: (line: string) => void,
  referenceDate = SEED_REFERENCE_DATE,
): Promise<DemoActivity> {
  const started = Date.now();
  const out = await db.transaction(async (tx) => {
    const done = await one(
      tx,
      sql`select 1 from themes t join units u on u.id = t.unit_id where u.level = 'province' limit 1`,
    );
    if (done) return { themes: 0, themedMeetings: 0, visits: 0, units: 0 };
    const first = addMonths(`${referenceDate.slice(0, 7)}-01`, -2);
    const months = [0, 1, 2, 3].map((i) => addMonths(first, i).slice(0, 7));
    const themes = await publishThemes(tx, months, referenceDate);
    const themedMeetings = await pickThemes(
      tx,
      themes.map((t) => t.id),
      months,
    );
    const visitsFrom = addMonths(`${referenceDate.slice(0, 7)}-01`, -(VISIT_MONTHS - 1));
    const { visits, units } = await recordVisits(tx, visitsFrom, addDays(referenceDate));
    if (units.length > 0) await rebuildMeetingAggregates(tx, units);
    return { themes: themes.length, themedMeetings, visits, units: units.length };
  });
  log?.(
    `Hoạt động mẫu: ${out.themes} chủ điểm sinh hoạt, ${out.themedMeetings} buổi theo chủ điểm, ${out.visits} lượt cán bộ cấp trên dự sinh hoạt (${((Date.now() - started) / 1000).toFixed(1)} giây).`,
  );
  return out;
}
