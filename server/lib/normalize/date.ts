/**
 * Dates as people type them in member lists: Excel date cells and serial numbers, dd/mm/yyyy text in its
 * many spellings, or a year alone. Pure: "today" is passed in, never read from the clock.
 */

export type DateValue = string | number | Date | null | undefined;

export type DateResult =
  | { ok: true; kind: 'empty' }
  | { ok: true; kind: 'date'; date: string; year: number }
  | { ok: true; kind: 'year'; year: number }
  | { ok: false; reason: string };

export interface DateLimits {
  /** 'yyyy-mm-dd', the day that counts as today (Vietnam time) */
  today: string;
  /** the earliest acceptable year (e.g. today − 120 for a birth date) */
  minYear: number;
  /** what the date is, for messages: "ngày sinh", "ngày vào Đoàn" */
  label: string;
}

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 system, counted so that serial 61 is 1 March 1900 (Excel's fake 29 Feb 1900 is 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** True when y-m-d is a real calendar day. */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

/** An Excel serial day number (1900 system) as 'yyyy-mm-dd'; null outside Excel's range. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  if (Math.floor(serial) === 60) return null; // 29 February 1900 never existed
  const day = Math.floor(serial + 1e-7);
  const base = day < 60 ? day + 1 : day; // before the fake leap day Excel is one day ahead
  return new Date(EXCEL_EPOCH + base * DAY_MS).toISOString().slice(0, 10);
}

function fromDate(d: Date): { y: number; m: number; d: number } | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  // Excel date cells arrive as UTC midnight, sometimes a few ms off from floating point: round to the day.
  const day = new Date(Math.round(t / DAY_MS) * DAY_MS);
  return { y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: day.getUTCDate() };
}

function twoDigitYear(yy: number, todayYear: number): number {
  const y = 2000 + yy;
  return y > todayYear ? 1900 + yy : y;
}

const TEXT_DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WORDS_DATE = /^ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$/;
const MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/;

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function checkDay(y: number, m: number, d: number, limits: DateLimits): DateResult {
  const shown = `${pad(d)}/${pad(m)}/${y}`;
  if (!isRealDay(y, m, d)) {
    return {
      ok: false,
      reason: `${limits.label} "${shown}" không có thật (ngày/tháng sai); sửa lại theo dạng dd/mm/yyyy`,
    };
  }
  const iso = isoDate(y, m, d);
  if (iso > limits.today)
    return { ok: false, reason: `${limits.label} ${shown} ở tương lai; kiểm tra lại năm` };
  if (y < limits.minYear)
    return {
      ok: false,
      reason: `${limits.label} ${shown} quá xa (trước năm ${limits.minYear}); kiểm tra lại năm`,
    };
  return { ok: true, kind: 'date', date: iso, year: y };
}

function checkYear(y: number, limits: DateLimits): DateResult {
  const todayYear = Number(limits.today.slice(0, 4));
  if (y > todayYear) return { ok: false, reason: `${limits.label}: năm ${y} ở tương lai; kiểm tra lại` };
  if (y < limits.minYear)
    return {
      ok: false,
      reason: `${limits.label}: năm ${y} quá xa (trước năm ${limits.minYear}); kiểm tra lại`,
    };
  return { ok: true, kind: 'year', year: y };
}

/**
 * Reads a date cell. A whole number from 1900 to this year is a year alone; other numbers are Excel
 * serials; text may be dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, "ngày 5 tháng 3 năm 1998"
 * or a year. Impossible days, future dates and dates before minYear are refused with a reason.
 */
export function normalizeDate(value: DateValue, limits: DateLimits): DateResult {
  if (value === null || value === undefined) return { ok: true, kind: 'empty' };
  const todayYear = Number(limits.today.slice(0, 4));
  if (value instanceof Date) {
    const p = fromDate(value);
    if (!p) return { ok: false, reason: `${limits.label} không đọc được; nhập theo dạng dd/mm/yyyy` };
    // A year typed into a date-formatted cell is stored as serial 1998 and shown as a day of 1905:
    // read such days (serials of four digits, 1902–1927) as the year that was typed.
    const serial = Math.round((Date.UTC(p.y, p.m - 1, p.d) - EXCEL_EPOCH) / DAY_MS);
    if (serial >= 1000 && serial <= 9999) return checkYear(serial, limits);
    return checkDay(p.y, p.m, p.d, limits);
  }
  if (typeof value === 'number') {
    // Four digits are a year: serials of four digits would be dates in 1902–1927, never a plausible entry.
    if (Number.isInteger(value) && value >= 1000 && value <= 9999) return checkYear(value, limits);
    const iso = excelSerialToIso(value);
    if (!iso)
      return { ok: false, reason: `${limits.label} "${value}" không phải ngày; nhập theo dạng dd/mm/yyyy` };
    return checkDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)), limits);
  }
  const text = plain(String(value));
  if (!text) return { ok: true, kind: 'empty' };
  let m = TEXT_DATE.exec(text);
  if (m) {
    const y = m[3]?.length === 2 ? twoDigitYear(Number(m[3]), todayYear) : Number(m[3]);
    return checkDay(y, Number(m[2]), Number(m[1]), limits);
  }
  m = ISO_DATE.exec(text) ?? null;
  if (m) return checkDay(Number(m[1]), Number(m[2]), Number(m[3]), limits);
  m = WORDS_DATE.exec(text);
  if (m) return checkDay(Number(m[3]), Number(m[2]), Number(m[1]), limits);
  if (/^(nam\s*)?\d{4}$/.test(text)) return checkYear(Number(text.replace(/\D/g, '')), limits);
  m = MONTH_YEAR.exec(text);
  if (m) {
    const month = Number(m[1]);
    if (month < 1 || month > 12)
      return { ok: false, reason: `${limits.label} "${String(value).trim()}": tháng ${month} không có thật` };
    return checkYear(Number(m[2]), limits);
  }
  return {
    ok: false,
    reason: `${limits.label} "${String(value).trim()}" không đọc được; nhập theo dạng dd/mm/yyyy (ví dụ 05/03/1998) hoặc chỉ năm sinh (1998)`,
  };
}

/** Whole years between a birth date (or year) and a day 'yyyy-mm-dd'; a year alone counts from 1 January. */
export function ageOn(birth: { date?: string | null; year?: number | null }, today: string): number | null {
  const date = birth.date ?? (birth.year ? isoDate(birth.year, 1, 1) : null);
  if (!date) return null;
  let age = Number(today.slice(0, 4)) - Number(date.slice(0, 4));
  if (today.slice(5) < date.slice(5)) age--;
  return age;
}
