import dayjs from 'dayjs';

export type PeriodType = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  type: PeriodType;
  year: number;
  /** month 1..12, quarter 1..4, half 1..2; ignored for a year */
  n: number;
}

/** 'YYYY-MM' | 'YYYY-Qn' | 'YYYY-Hn' | 'YYYY' */
export function periodKey(p: Period): string {
  switch (p.type) {
    case 'month':
      return `${p.year}-${String(p.n).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.n}`;
    case 'half':
      return `${p.year}-H${p.n}`;
    default:
      return String(p.year);
  }
}

/** Inverse of periodKey; null for anything else. */
export function parsePeriodKey(key: string | null): Period | null {
  if (!key) return null;
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { type: 'month', year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { type: 'quarter', year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return { type: 'half', year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})$/.exec(key);
  if (m) return { type: 'year', year: Number(m[1]), n: 1 };
  return null;
}

/** The period of the given type that contains `date` (default: today). */
export function currentPeriod(type: PeriodType, date = dayjs()): Period {
  const month = date.month() + 1;
  const n = { month, quarter: Math.ceil(month / 3), half: month <= 6 ? 1 : 2, year: 1 }[type];
  return { type, year: date.year(), n };
}

export function periodCount(type: PeriodType): number {
  return { month: 12, quarter: 4, half: 2, year: 1 }[type];
}
