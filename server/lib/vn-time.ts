/**
 * Calendar days and moments in Vietnam time (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving), and the
 * way they are written to people.
 */

const VN_OFFSET_MS = 7 * 3_600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** A calendar day 'yyyy-mm-dd' in Vietnam time. */
export function vietnamDay(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
}

/** The instant a Vietnam calendar day begins. */
export const vietnamDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** The hour (0–23) of an instant in Vietnam time. */
export const vietnamHour = (d: Date) => Math.floor((((d.getTime() / 3_600_000 + 7) % 24) + 24) % 24);

/** 'yyyy-mm-dd' → 'dd/mm/yyyy', the way dates are written to people. */
export const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The time of day of a moment: "19:05". */
export function vnTime(at: Date | string): string {
  const v = new Date(new Date(at).getTime() + VN_OFFSET_MS);
  return `${two(v.getUTCHours())}:${two(v.getUTCMinutes())}`;
}

/** A moment as "19:05 12/03/2026". */
export function vnDateTime(at: Date | string): string {
  const d = new Date(at);
  return `${vnTime(d)} ${vnDate(vietnamDay(d))}`;
}

/** A moment as "19:05 ngày 12/03/2026", for use in a sentence ("mở lúc 19:05 ngày 12/03/2026"). */
export function vnTimeOnDay(at: Date | string): string {
  const d = new Date(at);
  return `${vnTime(d)} ngày ${vnDate(vietnamDay(d))}`;
}
