/**
 * The classification rule (pure): a scheme's levels (best first) and criteria (a metric and the minimum each level
 * but the last needs); a branch gets the best level whose every threshold it meets, the last level otherwise.
 */
import {
  type Criterion,
  type Level,
  type Metric,
  type Metrics,
  RATE_METRICS,
  type Reason,
  type SchemeBody,
} from '../../../contracts/classification';

const COMMON_LEVELS: Level[] = [
  { code: 'xuat_sac', name: 'Hoàn thành xuất sắc nhiệm vụ' },
  { code: 'tot', name: 'Hoàn thành tốt nhiệm vụ' },
  { code: 'hoan_thanh', name: 'Hoàn thành nhiệm vụ' },
  { code: 'khong_hoan_thanh', name: 'Không hoàn thành nhiệm vụ' },
];
/** The Farmers' Association grades its branches from "vững mạnh" (HD 413-HD/HNDTW, DOMAIN.md §5). */
const FARMERS_LEVELS: Level[] = [
  { code: 'vung_manh', name: 'Vững mạnh' },
  { code: 'kha', name: 'Khá' },
  { code: 'trung_binh', name: 'Trung bình' },
  { code: 'yeu', name: 'Yếu' },
];

/**
 * Configurable defaults: no published thresholds were found (DOMAIN.md §5), so these are starting values an
 * officer holding classification.configure adjusts per organization. Minimums for the three better levels.
 */
const DEFAULT_CRITERIA: { key: string; label: string; metric: Metric; mins: [number, number, number] }[] = [
  {
    key: 'sinh_hoat',
    label: 'Tỷ lệ tháng sinh hoạt đúng định kỳ',
    metric: 'rhythmShare',
    mins: [0.9, 0.75, 0.5],
  },
  {
    key: 'tham_du',
    label: 'Tỷ lệ đoàn viên, hội viên dự sinh hoạt',
    metric: 'attendanceRate',
    mins: [0.8, 0.7, 0.5],
  },
  { key: 'chuyen_de', label: 'Số buổi sinh hoạt chuyên đề', metric: 'thematic', mins: [2, 1, 0] },
  { key: 'ket_nap', label: 'Số đoàn viên, hội viên mới kết nạp', metric: 'admitted', mins: [2, 1, 0] },
  {
    key: 'gioi_thieu_dang',
    label: 'Số người được giới thiệu cho Đảng',
    metric: 'partyIntroduced',
    mins: [1, 0, 0],
  },
  {
    key: 'tra_loi_y_kien',
    label: 'Tỷ lệ ý kiến được trả lời đúng hạn',
    metric: 'voiceOnTime',
    mins: [0.9, 0.7, 0.5],
  },
];

/** The default scheme of an organization (the Farmers' Association's level names differ). */
export function defaultScheme(organizationCode: string): SchemeBody {
  const levels = organizationCode === 'NONGDAN' ? FARMERS_LEVELS : COMMON_LEVELS;
  return {
    levels: levels.map((l) => ({ ...l })),
    criteria: DEFAULT_CRITERIA.map((c) => ({
      key: c.key,
      label: c.label,
      metric: c.metric,
      thresholds: Object.fromEntries(levels.slice(0, -1).map((l, i) => [l.code, c.mins[i] ?? 0])),
    })),
  };
}

const isRate = (m: Metric) => RATE_METRICS.includes(m);
/** A metric value as people read it: 75% for shares, 2 for counts. */
export function formatValue(metric: Metric, v: number | null): string {
  if (v === null) return 'không có dữ liệu';
  return isRate(metric) ? `${Math.round(v * 1000) / 10}%` : String(v);
}

/**
 * What is wrong with a scheme, in Vietnamese (null when valid): duplicate levels or criteria, a missing or extra
 * threshold, a share above 100%, or a threshold stricter for a worse level than for a better one.
 */
export function schemeProblem(s: SchemeBody): { message: string; field: string } | null {
  const codes = s.levels.map((l) => l.code);
  if (new Set(codes).size !== codes.length) return { message: 'Hai mức xếp loại trùng mã.', field: 'levels' };
  const names = s.levels.map((l) => l.name.toLowerCase());
  if (new Set(names).size !== names.length)
    return { message: 'Hai mức xếp loại trùng tên.', field: 'levels' };
  const keys = s.criteria.map((c) => c.key);
  if (new Set(keys).size !== keys.length) return { message: 'Hai tiêu chí trùng mã.', field: 'criteria' };
  const graded = s.levels.slice(0, -1);
  for (const c of s.criteria) {
    const field = `criteria.${c.key}`;
    const extra = Object.keys(c.thresholds).find((k) => !graded.some((l) => l.code === k));
    if (extra !== undefined) {
      return {
        message: `Tiêu chí «${c.label}»: ngưỡng cho mức «${extra}» không thuộc các mức được xét (mức cuối không cần ngưỡng).`,
        field,
      };
    }
    let prev: { level: Level; v: number } | null = null;
    for (const l of graded) {
      const v = c.thresholds[l.code];
      if (v === undefined)
        return { message: `Tiêu chí «${c.label}»: thiếu ngưỡng cho mức «${l.name}».`, field };
      if (isRate(c.metric) && v > 1) {
        return { message: `Tiêu chí «${c.label}»: ngưỡng của mức «${l.name}» là tỷ lệ, tối đa 100%.`, field };
      }
      if (prev && v > prev.v) {
        return {
          message: `Tiêu chí «${c.label}»: ngưỡng của mức «${l.name}» (${formatValue(c.metric, v)}) không được cao hơn mức «${prev.level.name}» (${formatValue(c.metric, prev.v)}). Mức thấp hơn phải có ngưỡng bằng hoặc thấp hơn.`,
          field,
        };
      }
      prev = { level: l, v };
    }
  }
  return null;
}

function reasonOf(c: Criterion, level: Level, value: number | null): Reason {
  const needed = c.thresholds[level.code] ?? 0;
  // No data (no invitee, no opinion raised): nothing to hold against the branch.
  const met = value === null || value >= needed;
  const shown = `${c.label}: ${formatValue(c.metric, value)}`;
  const text = met
    ? `Đạt mức «${level.name}»: ${shown}${value === null ? ', không xét' : ` (cần từ ${formatValue(c.metric, needed)})`}`
    : `Chưa đạt mức «${level.name}»: ${shown} (cần từ ${formatValue(c.metric, needed)})`;
  return { criterion: c.key, label: c.label, metric: c.metric, value, needed, level: level.code, met, text };
}

/**
 * The proposed level of a branch and why: for each better level, the thresholds it failed; for the proposed level
 * (unless it is the last), every threshold it met.
 */
export function propose(scheme: SchemeBody, metrics: Metrics): { level: string; reasons: Reason[] } {
  const reasons: Reason[] = [];
  for (const level of scheme.levels.slice(0, -1)) {
    const checks = scheme.criteria.map((c) => reasonOf(c, level, metrics[c.metric]));
    const failed = checks.filter((r) => !r.met);
    if (failed.length === 0) return { level: level.code, reasons: [...reasons, ...checks] };
    reasons.push(...failed);
  }
  return { level: scheme.levels[scheme.levels.length - 1]?.code ?? '', reasons };
}
