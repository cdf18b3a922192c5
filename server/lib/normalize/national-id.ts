/**
 * Citizen identity numbers (CCCD / số định danh cá nhân, 12 digits): 3 digits of the province of birth
 * registration, 1 digit for century and gender, 2 digits of the birth year, 6 serial digits
 * (Thông tư 07/2016/TT-BCA, Thông tư 59/2021/TT-BCA).
 */

/** Province codes in use on identity numbers (the 63 provinces before the 2025 mergers; issued numbers keep them). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
    44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84,
    86, 87, 89, 91, 92, 93, 94, 95, 96,
  ].map((n) => String(n).padStart(3, '0')),
);

export type NationalIdResult =
  | { ok: true; nationalId: string | null; birthYear?: number; gender?: 'M' | 'F'; warning?: string }
  | { ok: false; reason: string };

/** What the 4th digit says: century of birth (0–1: 1900s, 2–3: 2000s, …) and gender (even: male, odd: female). */
export function decodeCenturyGender(digit: number): { century: number; gender: 'M' | 'F' } {
  return { century: 1900 + Math.floor(digit / 2) * 100, gender: digit % 2 === 0 ? 'M' : 'F' };
}

/** The digit a person born in `year` with `gender` has in 4th position. */
export function centuryGenderDigit(year: number, gender: 'M' | 'F'): number {
  return Math.floor((year - 1900) / 100) * 2 + (gender === 'F' ? 1 : 0);
}

/** The birth year and gender encoded in a 12-digit identity number. */
export function decodeNationalId(id: string): { province: string; birthYear: number; gender: 'M' | 'F' } {
  const { century, gender } = decodeCenturyGender(Number(id[3]));
  return { province: id.slice(0, 3), birthYear: century + Number(id.slice(4, 6)), gender };
}

/**
 * Reads an identity number cell. Excel may have stored it as a number and dropped leading zeros: 10 or 11
 * digits are padded back to 12 only when the padded number starts with a real province code. A 9-digit old
 * CMND is not kept (it expired at the end of 2024) but reported. `thisYear` bounds the encoded birth year.
 */
export function normalizeNationalId(
  value: string | number | null | undefined,
  thisYear: number,
): NationalIdResult {
  if (value === null || value === undefined) return { ok: true, nationalId: null };
  const text =
    typeof value === 'number'
      ? Number.isInteger(value)
        ? value.toFixed(0)
        : String(value)
      : String(value).trim();
  if (!text) return { ok: true, nationalId: null };
  if (/^\d[.,]\d+e\+?\d+$/i.test(text)) {
    return {
      ok: false,
      reason: `số CCCD "${text}" bị Excel đổi sang dạng số mũ và đã mất chữ số; định dạng cột là Văn bản (Text) rồi nhập lại`,
    };
  }
  if (/[^\d\s.-]/.test(text))
    return { ok: false, reason: `số CCCD "${text}" có ký tự không phải chữ số; CCCD gồm 12 chữ số` };
  let id = text.replace(/\D/g, '');
  let warning: string | undefined;
  if (id.length === 9) {
    return {
      ok: true,
      nationalId: null,
      warning: `"${text}" là số CMND 9 chữ số (hết hạn từ 01/01/2025) nên không được lưu; bổ sung số CCCD 12 chữ số`,
    };
  }
  if (id.length === 10 || id.length === 11) {
    const padded = id.padStart(12, '0');
    if (!PROVINCE_CODES.has(padded.slice(0, 3))) {
      return { ok: false, reason: `số CCCD "${text}" chỉ có ${id.length} chữ số; CCCD gồm đúng 12 chữ số` };
    }
    warning = `số CCCD mất số 0 ở đầu (Excel lưu dạng số); đã bổ sung thành ${padded}`;
    id = padded;
  }
  if (id.length !== 12)
    return { ok: false, reason: `số CCCD "${text}" có ${id.length} chữ số; CCCD gồm đúng 12 chữ số` };
  if (!PROVINCE_CODES.has(id.slice(0, 3))) {
    return {
      ok: false,
      reason: `số CCCD ${id}: 3 chữ số đầu "${id.slice(0, 3)}" không phải mã tỉnh nơi đăng ký khai sinh; kiểm tra lại`,
    };
  }
  const { birthYear, gender } = decodeNationalId(id);
  if (birthYear > thisYear) {
    return {
      ok: false,
      reason: `số CCCD ${id}: chữ số thứ 4–6 ứng với năm sinh ${birthYear} ở tương lai; kiểm tra lại`,
    };
  }
  return warning
    ? { ok: true, nationalId: id, birthYear, gender, warning }
    : { ok: true, nationalId: id, birthYear, gender };
}
