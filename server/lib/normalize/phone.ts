/**
 * Vietnamese phone numbers as they appear in member lists: with spaces, dots or dashes, with +84 / 84 / 0084,
 * without the leading zero Excel dropped, or in the 11-digit mobile form renumbered in 2018.
 * Stored form: 10 digits starting with 0 for mobiles, 11 digits starting with 02 for landlines.
 */

export type PhoneResult =
  | { ok: true; phone: string | null; warning?: string }
  | { ok: false; reason: string };

/** Mobile prefixes in use since the 2018 renumbering (Viettel, MobiFone, VinaPhone, Vietnamobile, Gmobile, Itelecom, Reddi). */
const MOBILE = /^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$/;
/** Landlines: 0 + a 3-digit area code starting with 2 + 7 digits. */
const LANDLINE = /^02\d{9}$/;

/** Old 11-digit mobile prefixes and the 10-digit prefixes that replaced them (Bộ TT&TT, 2018). */
export const OLD_MOBILE_PREFIXES: Readonly<Record<string, string>> = {
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};

/** True for a stored-form number: a mobile (10 digits) or a landline (11 digits starting with 02). */
export const isValidPhone = (phone: string) => MOBILE.test(phone) || LANDLINE.test(phone);

function digitsOf(part: string): string {
  let d = part.replace(/\D/g, '');
  if (d.startsWith('0084')) d = `0${d.slice(4)}`;
  else if (d.startsWith('84') && (d.length === 11 || d.length === 12)) d = `0${d.slice(2)}`;
  else if (!d.startsWith('0') && (d.length === 9 || (d.length === 10 && /^[12]/.test(d)))) d = `0${d}`;
  return d;
}

/**
 * Reads a phone cell (text or a number Excel stored). Several numbers in one cell keep the first, with a
 * warning; an old 11-digit mobile is renumbered, with a warning; anything else that is not a Vietnamese
 * mobile or landline is refused with a reason.
 */
export function normalizePhone(value: string | number | null | undefined): PhoneResult {
  if (value === null || value === undefined) return { ok: true, phone: null };
  const text = typeof value === 'number' ? String(Math.trunc(value)) : String(value).trim();
  if (!text) return { ok: true, phone: null };
  if (/e\+?\d+$/i.test(text) && /^\d[.,]\d+/.test(text)) {
    return {
      ok: false,
      reason: `số điện thoại "${text}" bị Excel đổi sang dạng số mũ và đã mất chữ số; định dạng cột là Văn bản (Text) rồi nhập lại`,
    };
  }
  const parts = text
    .split(/[/,;|]|\s+(?:-|hoặc|hoac|và|va)\s+/i)
    .map((p) => p.trim())
    .filter((p) => /\d/.test(p));
  if (parts.length === 0)
    return { ok: false, reason: `"${text}" không phải số điện thoại; nhập 10 chữ số, ví dụ 0912345678` };
  const first = digitsOf(parts[0] as string);
  const warnings: string[] = [];
  if (parts.length > 1) warnings.push(`ô có ${parts.length} số điện thoại; chỉ lưu số đầu tiên ${first}`);
  let phone = first;
  const renumbered = phone.length === 11 ? OLD_MOBILE_PREFIXES[phone.slice(0, 4)] : undefined;
  if (renumbered) {
    phone = renumbered + phone.slice(4);
    warnings.push(`số cũ 11 chữ số ${first} đã đổi sang số mới ${phone}`);
  }
  if (!isValidPhone(phone)) {
    const hint =
      phone.length < 10
        ? 'thiếu chữ số'
        : phone.length > 11
          ? 'thừa chữ số'
          : 'đầu số không phải của Việt Nam';
    return {
      ok: false,
      reason: `số điện thoại "${text}" không hợp lệ (${hint}); di động có 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09`,
    };
  }
  return warnings.length ? { ok: true, phone, warning: warnings.join('; ') } : { ok: true, phone };
}
