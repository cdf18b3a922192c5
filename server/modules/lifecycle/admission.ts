/**
 * What an admission needs besides the write: the organization's eligibility rule on the day, and a new person's
 * fields read with the shared normalisers. Pure except `eligibilityOn`.
 */
import { sql } from 'drizzle-orm';
import type { NewPersonInput } from '../../../contracts/lifecycle';
import type { DbOrTx } from '../../db/client';
import { rows } from '../../db/query';
import { invalid } from '../../lib/errors';
import { ageOn, normalizeDate } from '../../lib/normalize/date';
import { normalizeName, tidyText } from '../../lib/normalize/name';
import { normalizeNationalId } from '../../lib/normalize/national-id';
import { normalizePhone } from '../../lib/normalize/phone';
import { personSortKey, unaccent } from '../../lib/text';
import { vnDate } from '../../lib/vn-time';
import type { Eligibility } from '../imports/row';
import { ruleAt } from '../organizations/rules';

/** The eligibility rule of the unit's organization in force on a day (null when there is none). */
export async function eligibilityOn(
  db: DbOrTx,
  unit: { id: number; kind: string; organizationCode: string },
  day: string,
): Promise<Eligibility | null> {
  const rules = await rows<{
    kind: string;
    unitKind: string | null;
    unitId: number | null;
    effectiveFrom: string;
    effectiveTo: string | null;
    value: Eligibility;
  }>(
    db,
    sql`select kind, unit_kind as "unitKind", unit_id as "unitId", effective_from::text as "effectiveFrom",
      effective_to::text as "effectiveTo", value from organization_rules
      where organization_code = ${unit.organizationCode} and kind = 'eligibility'`,
  );
  return (ruleAt(rules, 'eligibility', day, { id: unit.id, kind: unit.kind })?.value as Eligibility) ?? null;
}

const previousDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export interface Candidate {
  fullName: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: string;
}

/**
 * Refuses an admission the organization's rule does not allow, in Vietnamese. The Đoàn counts age the way its
 * rule is written (HD 22-HD/TWĐTN): "16 tuổi" begins the day after the 15th birthday and "30 tuổi" ends on the
 * 30th birthday; other organizations count full years. A year alone counts from 1 January.
 */
export function assertEligible(
  el: Eligibility | null,
  p: Candidate,
  o: { on: string; organizationCode: string; organizationName: string; memberWord: string },
): void {
  if (!el) return;
  if (el.gender && p.gender !== el.gender) {
    throw invalid(
      `${o.organizationName} chỉ kết nạp ${el.gender === 'F' ? 'nữ' : 'nam'}: ${p.fullName} ghi giới tính ${p.gender === 'M' ? 'Nam' : 'Nữ'}. Kiểm tra lại giới tính.`,
    );
  }
  if (el.minAge === undefined && el.maxAge === undefined) return;
  const birth = { date: p.birthDate, year: p.birthYear };
  const doan = o.organizationCode === 'DOAN';
  const full = ageOn(birth, doan ? previousDay(o.on) : o.on);
  const born = p.birthDate
    ? `sinh ngày ${vnDate(p.birthDate)}`
    : p.birthYear
      ? `sinh năm ${p.birthYear}`
      : null;
  if (full === null || !born) {
    throw invalid(
      `${p.fullName} chưa có ngày sinh hoặc năm sinh nên không kiểm tra được tuổi kết nạp. Bổ sung ngày sinh rồi kết nạp lại.`,
    );
  }
  const age = doan ? full + 1 : full;
  const range =
    el.minAge !== undefined && el.maxAge !== undefined
      ? `từ ${el.minAge} đến ${el.maxAge} tuổi`
      : el.minAge !== undefined
        ? `từ ${el.minAge} tuổi`
        : `đến ${el.maxAge} tuổi`;
  const who = doan ? 'thanh niên' : 'người';
  const rule = `${o.organizationName} kết nạp ${who} ${range}${doan ? ' (Hướng dẫn 22-HD/TWĐTN)' : ''}`;
  if (el.minAge !== undefined && age < el.minAge) {
    throw invalid(
      `${p.fullName} (${born}) đến ngày kết nạp ${vnDate(o.on)} chưa đủ ${el.minAge} tuổi: ${rule}. Kiểm tra lại ngày sinh hoặc ngày kết nạp.`,
    );
  }
  if (el.maxAge !== undefined && age > el.maxAge) {
    throw invalid(
      `${p.fullName} (${born}) đến ngày kết nạp ${vnDate(o.on)} đã quá ${el.maxAge} tuổi: ${rule}. Kiểm tra lại ngày sinh hoặc ngày kết nạp.`,
    );
  }
}

export interface NewPersonRow {
  familyName: string;
  givenName: string;
  searchText: string;
  sortKey: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: 'M' | 'F';
  phone: string | null;
  nationalId: string | null;
  ethnicity: string | null;
  religion: string | null;
  occupation: string | null;
  education: string | null;
  homeAreaId: number | null;
}

const field = (name: string, message: string) =>
  invalid(message.charAt(0).toLocaleUpperCase('vi') + message.slice(1), [
    { field: `body.person.${name}`, message },
  ]);

/** A new person from the admission form, every field normalised; the first problem is refused with its field. */
export function readNewPerson(input: NewPersonInput, today: string): NewPersonRow {
  const name = normalizeName(input.fullName);
  if (!name.ok) throw field('fullName', name.reason);
  if (!name.familyName)
    throw field('fullName', `họ tên "${name.fullName}" chỉ có một chữ; nhập đủ họ, tên đệm và tên`);
  const birth = normalizeDate(input.birth, {
    today,
    minYear: Number(today.slice(0, 4)) - 120,
    label: 'ngày sinh',
  });
  if (!birth.ok) throw field('birth', birth.reason);
  if (birth.kind === 'empty') throw field('birth', 'thiếu ngày sinh; nhập dd/mm/yyyy hoặc năm sinh');
  const birthDate = birth.kind === 'date' ? birth.date : null;
  const birthYear = birth.year;
  const phone = normalizePhone(input.phone ?? null);
  if (!phone.ok) throw field('phone', phone.reason);
  const id = normalizeNationalId(input.nationalId ?? null, Number(today.slice(0, 4)));
  if (!id.ok) throw field('nationalId', id.reason);
  if (id.nationalId && id.birthYear !== undefined && id.birthYear !== birthYear) {
    throw field(
      'nationalId',
      `số CCCD ${id.nationalId} ứng với năm sinh ${id.birthYear} nhưng ngày sinh ghi năm ${birthYear}; sửa số CCCD hoặc ngày sinh cho khớp`,
    );
  }
  if (id.nationalId && id.gender && id.gender !== input.gender) {
    throw field(
      'nationalId',
      `số CCCD ${id.nationalId} ứng với giới tính ${id.gender === 'M' ? 'Nam' : 'Nữ'} nhưng đã chọn ${input.gender === 'M' ? 'Nam' : 'Nữ'}; sửa cho khớp`,
    );
  }
  return {
    familyName: name.familyName,
    givenName: name.givenName,
    searchText: unaccent(`${name.familyName} ${name.givenName}`),
    sortKey: personSortKey(name.familyName, name.givenName),
    birthDate,
    birthYear: birthDate ? null : birthYear,
    gender: input.gender,
    phone: phone.phone,
    nationalId: id.nationalId,
    ethnicity: tidyText(input.ethnicity),
    religion: tidyText(input.religion),
    occupation: tidyText(input.occupation),
    education: tidyText(input.education),
    homeAreaId: input.homeAreaId ?? null,
  };
}
