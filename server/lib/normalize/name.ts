/** Vietnamese personal names as typed in member lists: stray spaces, wrong case, decomposed accents. */

export type NameResult =
  | { ok: true; fullName: string | null; familyName: string; givenName: string; warning?: string }
  | { ok: false; reason: string };

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Letters (any script, with marks), spaces, and the few punctuation marks names carry. */
const NAME_CHARS = /^[\p{L}\p{M} '’.-]+$/u;

/**
 * "NGUYỄN văn  an" → "Nguyễn Văn An": NFC, single spaces, each word (and each part after a hyphen) capitalised.
 * (Vietnamese has no locale-specific case rules, so the plain, faster case mappings give the same result.)
 */
export function titleCaseName(input: string): string {
  return input
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Splits a tidy full name into họ đệm (all words but the last) and tên (the last word). */
export function splitFullName(fullName: string): { familyName: string; givenName: string } {
  const words = fullName.split(' ').filter(Boolean);
  const givenName = words.pop() ?? '';
  return { familyName: words.join(' '), givenName };
}

function check(name: string, raw: string): string | null {
  if (/\d/.test(name)) return `họ tên "${raw.trim()}" có chữ số; chỉ ghi họ và tên bằng chữ`;
  if (!NAME_CHARS.test(name)) return `họ tên "${raw.trim()}" có ký tự lạ; chỉ ghi họ và tên bằng chữ`;
  return null;
}

/**
 * A name from one "Họ và tên" cell, or from a "Họ đệm" and a "Tên" cell. An empty name is refused;
 * a single word is kept with a warning (the family name is missing).
 */
export function normalizeName(
  full: string | null | undefined,
  parts?: { family?: string | null; given?: string | null },
): NameResult {
  const family = parts?.family ? titleCaseName(String(parts.family)) : '';
  const given = parts?.given ? titleCaseName(String(parts.given)) : '';
  const whole = full ? titleCaseName(String(full)) : '';
  if (!whole && !family && !given) return { ok: false, reason: 'thiếu họ và tên; ghi đủ họ, tên đệm và tên' };
  let familyName: string;
  let givenName: string;
  if (whole) {
    const bad = check(whole, String(full));
    if (bad) return { ok: false, reason: bad };
    ({ familyName, givenName } = splitFullName(whole));
  } else {
    const bad = check(`${family} ${given}`.trim(), `${parts?.family ?? ''} ${parts?.given ?? ''}`);
    if (bad) return { ok: false, reason: bad };
    // A "Tên" cell sometimes holds two words ("Thị Hoa"): the last is the given name, the rest joins họ đệm.
    const g = splitFullName(given);
    familyName = [family, g.familyName].filter(Boolean).join(' ');
    givenName = g.givenName;
    if (!givenName) return { ok: false, reason: `thiếu tên (cột Tên trống, họ đệm "${family}")` };
  }
  const fullName = `${familyName} ${givenName}`.trim();
  if (!familyName)
    return {
      ok: true,
      fullName,
      familyName,
      givenName,
      warning: `họ tên "${fullName}" chỉ có một chữ; kiểm tra đã ghi đủ họ và tên chưa`,
    };
  return { ok: true, fullName, familyName, givenName };
}

/** Free text (dân tộc, nghề nghiệp…): NFC, single spaces; an all-caps or all-lowercase value gets a capital first letter only. */
export function tidyText(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const lower = s.toLowerCase();
  if (s === lower || s === s.toUpperCase()) {
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  }
  return s;
}
