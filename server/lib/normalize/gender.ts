/** Gender as written in member lists: "Nam"/"Nữ" in one column, or an x in a "Nam" or a "Nữ" column. */

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const MALE = new Set(['nam', 'm', 'male', 'trai', 'gioi tinh nam', 'ong']);
const FEMALE = new Set(['nu', 'f', 'female', 'gai', 'gioi tinh nu', 'ba']);

export type GenderResult = { ok: true; gender: 'M' | 'F' | null } | { ok: false; reason: string };

/** "Nam", "nữ", "NU", "M", "F"… → M | F; empty → null; anything else is refused with a reason. */
export function normalizeGender(value: string | number | boolean | null | undefined): GenderResult {
  if (value === null || value === undefined || value === '') return { ok: true, gender: null };
  const p = plain(String(value));
  if (!p) return { ok: true, gender: null };
  if (MALE.has(p)) return { ok: true, gender: 'M' };
  if (FEMALE.has(p)) return { ok: true, gender: 'F' };
  return { ok: false, reason: `giới tính "${String(value).trim()}" không rõ; ghi Nam hoặc Nữ` };
}

const YES = new Set(['x', 'v', '✓', '✔', '√', '1', 'co', 'yes', 'y', 'true', 'dung', '+', '*', 'x.']);
const NO = new Set(['0', 'khong', 'no', 'n', 'false', '-', 'k']);

/** A tick column ("x", "✓", "có"): true / false / null (empty); other text is null with `other` set. */
export function readMark(value: string | number | boolean | null | undefined): {
  mark: boolean | null;
  other?: string;
} {
  if (value === null || value === undefined) return { mark: null };
  if (typeof value === 'boolean') return { mark: value };
  const raw = String(value).trim();
  const p = plain(raw);
  if (!p) return { mark: null };
  if (YES.has(p)) return { mark: true };
  if (NO.has(p)) return { mark: false };
  return { mark: null, other: raw };
}

/**
 * Guesses gender from the middle name when no gender was given: "Thị" is a woman's, "Văn" a man's.
 * Returns null when the name says nothing.
 */
export function genderFromName(familyName: string): 'M' | 'F' | null {
  const words = plain(familyName).split(' ');
  if (words.slice(1).includes('thi')) return 'F';
  if (words.slice(1).includes('van')) return 'M';
  return null;
}
