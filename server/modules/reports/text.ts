/** Words of a periodic report: period phrases, Vietnamese number formats, default sections written from the figures. */
import type { Dashboard, Definition, Figures } from '../../../contracts/oversight';
import type { NarrativeSection } from '../../../contracts/reports';
import type { Period } from '../meetings/periods';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "quý IV năm 2026", "6 tháng cuối năm 2026", "năm 2026". */
export function periodPhrase(p: Pick<Period, 'key' | 'months'>): string {
  const y = p.key.slice(0, 4);
  const n = Number(p.key.slice(6));
  if (p.months === 3) return `quý ${ROMAN[n - 1]} năm ${y}`;
  if (p.months === 6) return `6 tháng ${n === 1 ? 'đầu' : 'cuối'} năm ${y}`;
  return `năm ${y}`;
}

/** 1234 → "1.234"; 12.5 → "12,5" (Vietnamese separators, no locale data needed). */
export function vnNumber(v: number, decimals = 0): string {
  const neg = v < 0;
  const [int, frac] = Math.abs(v).toFixed(decimals).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** 0.8 → "80,0%". */
export const vnPercent = (ratio: number) => `${vnNumber(ratio * 100, 1)}%`;

/** A figure as printed in the report's tables ("—" when there is none). */
export function formatFigure(v: number | null, d: Pick<Definition, 'format'>): string {
  if (v === null) return '—';
  if (d.format === 'percent') return vnPercent(v);
  if (d.format === 'days') return vnNumber(v, 1);
  return vnNumber(v);
}

const BRANCH_TERM: Record<string, string> = { DOAN: 'chi đoàn' };
const MEMBER_TERM: Record<string, string> = { DOAN: 'đoàn viên' };
export const branchTerm = (org: string) => BRANCH_TERM[org] ?? 'chi hội';
export const memberTerm = (org: string) => MEMBER_TERM[org] ?? 'hội viên';

/** The signer's title printed above the name: the head of the unit's executive committee. */
export function signerTitle(org: string, level: string): string {
  if (org === 'DOAN') return 'BÍ THƯ';
  return level === 'branch' ? 'CHI HỘI TRƯỞNG' : 'CHỦ TỊCH';
}

export const DEFAULT_RECIPIENTS = '- Ban Thường vụ Tỉnh đoàn (để báo cáo);\n- Lưu VP.';

const v = (f: Figures, k: keyof Figures) => f[k].value;

/** The default narrative of a new report: section titles and sentences written from the dashboard's figures. */
export function defaultNarrative(d: Dashboard, org: string, unitName: string): NarrativeSection[] {
  const f = d.figures;
  const period = periodPhrase({ key: d.period.key, months: monthsOf(d.period.key) });
  const bt = branchTerm(org);
  const mt = memberTerm(org);
  const branches = v(f, 'branches') ?? 0;
  const rate = v(f, 'complianceRate');
  const met = rate === null ? 0 : Math.round(rate * branches);
  const s: string[] = [];

  const awayNow = v(f, 'awayMembers');
  const situation = [
    `${unitName} hiện có ${vnNumber(branches)} ${bt} với ${vnNumber(v(f, 'people') ?? 0)} ${mt}` +
      ` (${vnNumber(v(f, 'memberships') ?? 0)} lượt sinh hoạt)` +
      (awayNow === null ? '.' : `, trong đó ${vnNumber(awayNow)} ${mt} đi làm ăn xa.`),
  ];
  const cadres = v(f, 'branchCadres') ?? 0;
  const share = v(f, 'cadrePartyShare');
  if (cadres > 0 && share !== null) {
    situation.push(
      `Đội ngũ cán bộ ${bt} có ${vnNumber(cadres)} người, ${vnNumber(Math.round(share * cadres))}/${vnNumber(cadres)} là đảng viên (${vnPercent(share)}).`,
    );
  }

  if (branches > 0 && rate !== null) {
    s.push(
      `Trong ${period}, ${vnNumber(met)}/${vnNumber(branches)} ${bt} sinh hoạt đúng định kỳ (${vnPercent(rate)});` +
        ` tổ chức ${vnNumber(v(f, 'thematic') ?? 0)} buổi sinh hoạt chuyên đề.`,
    );
  } else {
    s.push(`Trong ${period}, chưa có số liệu sinh hoạt định kỳ của các ${bt}.`);
  }
  const att = v(f, 'attendanceRate');
  const away = v(f, 'awayAttendanceRate');
  if (att !== null) {
    s.push(
      `Tỷ lệ ${mt} tham dự sinh hoạt đạt ${vnPercent(att)}` +
        (away === null ? '.' : `; riêng ${mt} đi làm ăn xa đạt ${vnPercent(away)}.`),
    );
  }
  const cov = v(f, 'coverageRate');
  const covD = v(f, 'coverageDifficultRate');
  if (cov !== null) {
    s.push(
      `Cán bộ cấp trên dự sinh hoạt tại ${vnPercent(cov)} số ${bt}` +
        (covD === null ? '.' : `, ở địa bàn khó khăn đạt ${vnPercent(covD)}.`),
    );
  }
  const admitted = v(f, 'admitted') ?? 0;
  const left = v(f, 'left') ?? 0;
  const net = admitted - left;
  s.push(
    `Kết nạp mới ${vnNumber(admitted)} ${mt}, ${vnNumber(left)} ${mt} ra khỏi tổ chức;` +
      ` ${net >= 0 ? 'tăng' : 'giảm'} thuần ${vnNumber(Math.abs(net))} ${mt}.`,
  );
  const rec = v(f, 'voiceReceived') ?? 0;
  const res = v(f, 'voiceResolved') ?? 0;
  const median = v(f, 'voiceMedianDays');
  s.push(
    rec > 0
      ? `Tiếp nhận ${vnNumber(rec)} ý kiến, kiến nghị; đã giải quyết, trả lời ${vnNumber(res)}/${vnNumber(rec)}` +
          ` (${vnPercent(res / rec)})` +
          (median === null ? '' : `, thời gian trả lời trung vị ${vnNumber(median, 1)} ngày`) +
          '.'
      : 'Trong kỳ không tiếp nhận ý kiến, kiến nghị nào.',
  );

  const limits: string[] = [];
  if (branches > met && rate !== null) {
    limits.push(`Còn ${vnNumber(branches - met)} ${bt} chưa sinh hoạt đúng định kỳ.`);
  }
  const overdue = v(f, 'voiceOverdue') ?? 0;
  if (overdue > 0) limits.push(`Còn ${vnNumber(overdue)} ý kiến, kiến nghị quá hạn giải quyết.`);
  if (limits.length === 0) limits.push('(Đơn vị bổ sung các tồn tại, hạn chế và nguyên nhân.)');

  return [
    { key: 'situation', title: 'I. ĐẶC ĐIỂM TÌNH HÌNH', text: situation.join(' ') },
    { key: 'results', title: 'II. KẾT QUẢ THỰC HIỆN', text: s.join('\n') },
    { key: 'limits', title: 'III. TỒN TẠI, HẠN CHẾ', text: limits.join('\n') },
    {
      key: 'tasks',
      title: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      text: `Tiếp tục duy trì sinh hoạt định kỳ, đổi mới nội dung sinh hoạt ${bt}; nâng cao tỷ lệ ${mt} tham dự; kịp thời tiếp nhận, giải quyết ý kiến, kiến nghị của ${mt}.`,
    },
    { key: 'proposals', title: 'V. ĐỀ XUẤT, KIẾN NGHỊ', text: '' },
  ];
}

/** Months of a report period key (quarter 3, half 6, year 12). */
export function monthsOf(key: string): 3 | 6 | 12 {
  if (/-Q\d$/.test(key)) return 3;
  if (/-H\d$/.test(key)) return 6;
  return 12;
}
