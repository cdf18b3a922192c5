import { vietnamDay } from '../organizations/rules';

/** 'yyyy-mm-dd' → 'dd/mm/yyyy', the way dates are written to people. */
export const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** A moment as 'HH:mm dd/mm/yyyy' in Vietnam time. */
export function vnDateTime(at: Date | string): string {
  const d = new Date(at);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return `${time} ${vnDate(vietnamDay(d))}`;
}

/** The instant a Vietnam calendar day begins (UTC+7, no daylight saving). */
export const vietnamDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** The hour (0–23) of an instant in Vietnam time (UTC+7, no daylight saving). */
export const vietnamHour = (d: Date) => Math.floor((((d.getTime() / 3_600_000 + 7) % 24) + 24) % 24);
