/** A member's proposed value for one field, checked with the shared normalisers and stored normalised. */
import type { CorrectionField } from '../../../contracts/corrections';
import { normalizeDate } from '../../lib/normalize/date';
import { normalizeName, tidyText } from '../../lib/normalize/name';
import { normalizeNationalId } from '../../lib/normalize/national-id';
import { normalizePhone } from '../../lib/normalize/phone';
import { personSortKey, unaccent } from '../../lib/text';

export const FIELD_LABELS: Record<CorrectionField, string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  phone: 'Số điện thoại',
  nationalId: 'Số CCCD',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  homeAreaId: 'Thôn/Tổ dân phố',
  occupation: 'Nghề nghiệp',
  education: 'Trình độ học vấn',
  awayFromHome: 'Đi làm ăn xa',
  awayPlace: 'Nơi làm ăn xa',
  awaySince: 'Đi làm ăn xa từ ngày',
  awayContact: 'Số liên hệ khi đi xa',
};

/** Fields shown only to those allowed to read sensitive information. */
export const SENSITIVE_CORRECTIONS: ReadonlySet<CorrectionField> = new Set([
  'nationalId',
  'ethnicity',
  'religion',
]);

const TEXT_MAX: Partial<Record<CorrectionField, number>> = {
  ethnicity: 50,
  religion: 50,
  occupation: 100,
  education: 100,
  awayPlace: 200,
};

export type Checked = { ok: true; value: string | null } | { ok: false; reason: string };

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const bad = (field: CorrectionField, reason: string): Checked => ({
  ok: false,
  reason: `${FIELD_LABELS[field]}: ${reason}`,
});

/**
 * The normalised value, or why it cannot be accepted (the message names the field and how to fix it).
 * `today` is 'yyyy-mm-dd' in Vietnam time.
 */
export function checkValue(field: CorrectionField, raw: string, today: string): Checked {
  const text = raw.trim();
  const thisYear = Number(today.slice(0, 4));
  switch (field) {
    case 'fullName': {
      const r = normalizeName(text);
      if (!r.ok) return bad(field, r.reason);
      if (!r.familyName) return bad(field, 'ghi đủ họ, tên đệm và tên, ví dụ "Nguyễn Thị Hồng"');
      if (r.fullName && r.fullName.length > 100) return bad(field, 'dài quá 100 ký tự');
      return { ok: true, value: r.fullName };
    }
    case 'birthDate': {
      if (!text) return bad(field, 'không được để trống; nhập theo dạng dd/mm/yyyy, ví dụ 05/03/1998');
      const r = normalizeDate(text, { today, minYear: thisYear - 120, label: 'ngày sinh' });
      if (!r.ok) return bad(field, r.reason);
      if (r.kind === 'empty') return bad(field, 'không được để trống');
      if (r.kind === 'year') return { ok: true, value: String(r.year) };
      if (r.date > today) return bad(field, 'ngày sinh ở tương lai; kiểm tra lại');
      return { ok: true, value: r.date };
    }
    case 'awaySince': {
      if (!text) return { ok: true, value: null };
      const r = normalizeDate(text, { today, minYear: thisYear - 80, label: 'ngày đi làm ăn xa' });
      if (!r.ok) return bad(field, r.reason);
      if (r.kind === 'empty') return { ok: true, value: null };
      if (r.kind === 'year') return bad(field, 'nhập đủ ngày, tháng, năm theo dạng dd/mm/yyyy');
      if (r.date > today) return bad(field, 'ngày ở tương lai; kiểm tra lại');
      return { ok: true, value: r.date };
    }
    case 'phone':
    case 'awayContact': {
      const r = normalizePhone(text);
      if (!r.ok) return bad(field, r.reason);
      if (r.warning && /chỉ lưu số đầu tiên/.test(r.warning)) {
        return bad(field, 'chỉ nhập một số điện thoại');
      }
      return { ok: true, value: r.phone };
    }
    case 'nationalId': {
      const r = normalizeNationalId(text, thisYear);
      if (!r.ok) return bad(field, r.reason);
      if (r.nationalId === null && r.warning) return bad(field, r.warning);
      return { ok: true, value: r.nationalId };
    }
    case 'homeAreaId': {
      if (!text) return { ok: true, value: null };
      if (!/^\d{1,9}$/.test(text)) return bad(field, 'hãy chọn thôn/tổ dân phố trong danh sách');
      return { ok: true, value: String(Number(text)) };
    }
    case 'awayFromHome': {
      const v = unaccent(text);
      if (['true', '1', 'co'].includes(v)) return { ok: true, value: 'true' };
      if (['false', '0', 'khong'].includes(v)) return { ok: true, value: 'false' };
      return bad(field, 'chọn "Có" hoặc "Không"');
    }
    default: {
      const v = tidyText(text);
      const max = TEXT_MAX[field] ?? 100;
      if (v && v.length > max) return bad(field, `dài quá ${max} ký tự; hãy ghi ngắn gọn`);
      // education is often written as grades ("12/12", "9/12")
      if (v && field !== 'education' && !/\p{L}/u.test(v)) {
        return bad(field, `"${v}" không có chữ nào; ghi rõ bằng chữ`);
      }
      return { ok: true, value: v ? cap(v) : null };
    }
  }
}

/** The persons columns (and values) an approved correction writes. */
export function columnsFor(field: CorrectionField, value: string | null): Record<string, unknown> {
  switch (field) {
    case 'fullName': {
      const r = normalizeName(value ?? '');
      if (!r.ok) throw new Error(`stored name does not normalise: ${value}`);
      return {
        family_name: r.familyName,
        given_name: r.givenName,
        search_text: unaccent(`${r.familyName} ${r.givenName}`),
        sort_key: personSortKey(r.familyName, r.givenName),
      };
    }
    case 'birthDate':
      return value && value.length === 4
        ? { birth_date: null, birth_year: Number(value) }
        : { birth_date: value, birth_year: null };
    case 'phone':
      return { phone: value };
    case 'nationalId':
      return { national_id: value };
    case 'ethnicity':
      return { ethnicity: value };
    case 'religion':
      return { religion: value };
    case 'homeAreaId':
      return { home_area_id: value === null ? null : Number(value) };
    case 'occupation':
      return { occupation: value };
    case 'education':
      return { education: value };
    case 'awayFromHome':
      return { away_from_home: value === 'true' };
    case 'awayPlace':
      return { away_place: value };
    case 'awaySince':
      return { away_since: value };
    case 'awayContact':
      return { away_contact: value };
  }
}
