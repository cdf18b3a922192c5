/** Times in messages, in Vietnam time (UTC+7 all year). */
const parts = (d: Date) => {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    time: `${two(v.getUTCHours())}:${two(v.getUTCMinutes())}`,
    day: `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`,
  };
};

/** "19:05" */
export const vnTime = (d: Date) => parts(d).time;
/** "19:05 ngày 12/03/2026" */
export const vnDateTime = (d: Date) => `${parts(d).time} ngày ${parts(d).day}`;
