/**
 * One data row of a member list → the values to store and every problem found, each naming the column
 * (letter and header), what is wrong and how to fix it. Pure: everything it needs is in the context.
 */
import type { ImportField, ImportProblem } from '../../../contracts/imports';
import { ageOn, normalizeDate } from '../../lib/normalize/date';
import { genderFromName, normalizeGender, readMark } from '../../lib/normalize/gender';
import { normalizeName, tidyText } from '../../lib/normalize/name';
import { normalizeNationalId } from '../../lib/normalize/national-id';
import { normalizePhone } from '../../lib/normalize/phone';
import { personSortKey, unaccent } from '../../lib/text';
import { type Cell, cellText, columnLetter, isCellError } from './sheet';

/** The organization's admission rule (organization_rules kind 'eligibility'). */
export interface Eligibility {
  minAge?: number;
  maxAge?: number;
  gender?: 'M' | 'F';
  occupation?: string;
  veteran?: boolean;
}

export interface RowContext {
  /** 'yyyy-mm-dd' in Vietnam time */
  today: string;
  organizationCode: string;
  /** "đoàn viên" / "hội viên", for messages */
  memberWord: string;
  eligibility: Eligibility | null;
  /** column index → field */
  mapping: Map<number, ImportField>;
  /** column index → header text */
  headers: Map<number, string>;
  /** the unit every row joins, or null when each row's branch is resolved by resolveBranch */
  unitId: number | null;
  /** home area when the row names none (a branch's village) */
  defaultAreaId: number | null;
  resolveArea(text: string): { id: number; name: string } | null;
  /** for a commune-level import: the branch of a row, from its branch or area text */
  resolveBranch?(branchText: string | null, areaId: number | null): number | null;
  /** for messages: the villages and branches one may write */
  areaNames: string[];
  branchNames: string[];
}

export interface RowData {
  familyName: string;
  givenName: string;
  searchText: string;
  sortKey: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: 'M' | 'F';
  ethnicity: string | null;
  religion: string | null;
  phone: string | null;
  nationalId: string | null;
  homeAreaId: number | null;
  occupation: string | null;
  education: string | null;
  partyStatus: 'none' | 'probationary' | 'full';
  veteran: boolean;
  joinedOn: string | null;
  position: string | null;
  awayFromHome: boolean;
  awayPlace: string | null;
  unitId: number | null;
}

export interface CheckedRow {
  data: RowData | null;
  problems: ImportProblem[];
  raw: Record<string, string>;
}

/** Sort keys are costly to compute and names repeat in a list: keep the recent ones. */
const sortKeys = new Map<string, string>();
function sortKeyOf(familyName: string, givenName: string): string {
  const k = `${familyName}\u0000${givenName}`;
  let key = sortKeys.get(k);
  if (key === undefined) {
    if (sortKeys.size >= 50_000) sortKeys.clear();
    key = personSortKey(familyName, givenName);
    sortKeys.set(k, key);
  }
  return key;
}

const AGRICULTURE = /nong|ngu dan|lam nghiep|chan nuoi|trong trot|lam ruong|trong trot|thuy san|lam vuon/;

function list(names: string[]): string {
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}…` : names.join(', ');
}

/** Checks and normalises one row. `data` is null when the row cannot be stored at all. */
export function checkRow(cells: Cell[], ctx: RowContext): CheckedRow {
  const problems: ImportProblem[] = [];
  const raw: Record<string, string> = {};
  const byField = new Map<ImportField, number>();
  for (const [index, field] of ctx.mapping) byField.set(field, index);
  for (const [index] of ctx.headers) {
    const t = cellText(cells[index] ?? null);
    if (t) raw[index] = t;
  }

  const add = (field: ImportField | null, message: string, severity: 'error' | 'warning' = 'error') => {
    const index = field ? byField.get(field) : undefined;
    problems.push({
      column: index === undefined ? null : columnLetter(index),
      header: index === undefined ? null : (ctx.headers.get(index) ?? null),
      message: message.charAt(0).toLocaleUpperCase('vi') + message.slice(1),
      severity,
    });
  };
  const cell = (field: ImportField): Cell => {
    const index = byField.get(field);
    if (index === undefined) return null;
    const c = cells[index] ?? null;
    if (isCellError(c)) {
      add(field, `ô có lỗi công thức (${cellText(c)}); sửa công thức hoặc gõ thẳng giá trị`);
      return null;
    }
    return c;
  };
  const text = (field: ImportField) => {
    const c = cell(field);
    return c === null ? null : cellText(c) || null;
  };
  const dateCell = (c: Cell) => (typeof c === 'boolean' || isCellError(c) ? String(c) : c);

  // Name.
  const name = normalizeName(text('fullName'), { family: text('familyName'), given: text('givenName') });
  if (!name.ok)
    add(
      byField.has('fullName') ? 'fullName' : byField.has('givenName') ? 'givenName' : 'fullName',
      name.reason,
    );
  else if (name.warning) add(byField.has('fullName') ? 'fullName' : 'givenName', name.warning, 'warning');

  // Birth date, from its own column or from a Nam / Nữ column that holds the date.
  const limits = { today: ctx.today, minYear: Number(ctx.today.slice(0, 4)) - 120, label: 'ngày sinh' };
  let birthDate: string | null = null;
  let birthYear: number | null = null;
  let genderFromColumns: 'M' | 'F' | null = null;
  let birthField: ImportField = 'birthDate';
  const takeBirth = (field: ImportField, value: Cell) => {
    birthField = field;
    const r = normalizeDate(dateCell(value), limits);
    if (!r.ok) return add(field, r.reason);
    if (r.kind === 'date') {
      birthDate = r.date;
      birthYear = r.year;
    } else if (r.kind === 'year') birthYear = r.year;
  };
  const birthCell = cell('birthDate');
  if (birthCell !== null) takeBirth('birthDate', birthCell);
  const sides: Array<['male' | 'female', 'M' | 'F']> = [
    ['male', 'M'],
    ['female', 'F'],
  ];
  const marked: Array<'M' | 'F'> = [];
  for (const [field, g] of sides) {
    const c = cell(field);
    if (c === null || cellText(c) === '') continue;
    const mark = readMark(typeof c === 'string' || typeof c === 'boolean' ? c : null);
    if (mark.mark === false) continue;
    marked.push(g);
    if (mark.mark === null && birthCell === null) takeBirth(field, c);
  }
  if (marked.length > 1) add('male', 'cả cột Nam và cột Nữ đều có đánh dấu; chỉ đánh dấu một cột');
  else if (marked.length === 1) genderFromColumns = marked[0] as 'M' | 'F';

  // Gender: the Giới tính column, the Nam / Nữ columns, then the ID number, then the name.
  let gender: 'M' | 'F' | null = genderFromColumns;
  const gCell = cell('gender');
  if (gCell !== null) {
    const g = normalizeGender(typeof gCell === 'object' ? cellText(gCell) : gCell);
    if (!g.ok) add('gender', g.reason);
    else if (g.gender && gender && g.gender !== gender)
      add('gender', 'cột Giới tính và cột Nam/Nữ ghi khác nhau; sửa cho khớp');
    else if (g.gender) gender = g.gender;
  }

  // Identity number, checked against the birth year and gender.
  const id = normalizeNationalId(cell('nationalId') as string | number | null, Number(ctx.today.slice(0, 4)));
  let nationalId: string | null = null;
  if (!id.ok) add('nationalId', id.reason);
  else {
    nationalId = id.nationalId;
    if (id.warning) add('nationalId', id.warning, 'warning');
    if (id.nationalId && id.birthYear !== undefined) {
      const by = birthYear as number | null;
      if (by !== null && by !== id.birthYear) {
        add(
          'nationalId',
          `số CCCD ${id.nationalId} ứng với năm sinh ${id.birthYear} nhưng ngày sinh ghi năm ${by}; sửa số CCCD hoặc ngày sinh cho khớp`,
        );
      }
      if (gender && id.gender && gender !== id.gender) {
        add(
          'nationalId',
          `số CCCD ${id.nationalId} ứng với giới tính ${id.gender === 'M' ? 'Nam' : 'Nữ'} nhưng dòng này ghi ${gender === 'M' ? 'Nam' : 'Nữ'}; sửa cho khớp`,
        );
      }
      if (!gender) gender = id.gender ?? null;
      if (by === null && !birthDate) {
        birthYear = id.birthYear;
        add('birthDate', `thiếu ngày sinh; lấy năm sinh ${id.birthYear} theo số CCCD`, 'warning');
      }
    }
  }
  if (!gender && name.ok) {
    if (ctx.eligibility?.gender) gender = ctx.eligibility.gender;
    else {
      gender = genderFromName(name.familyName);
      if (gender)
        add(
          byField.has('gender') ? 'gender' : null,
          `thiếu giới tính; đoán là ${gender === 'M' ? 'Nam' : 'Nữ'} theo tên đệm, kiểm tra lại`,
          'warning',
        );
    }
  }
  if (!gender && name.ok)
    add(
      byField.has('gender') ? 'gender' : null,
      'thiếu giới tính; ghi Nam hoặc Nữ (hoặc đánh dấu x ở cột Nam / Nữ)',
    );
  if (
    birthDate === null &&
    birthYear === null &&
    !problems.some((p) => p.message.toLowerCase().includes('ngày sinh'))
  ) {
    add(byField.has('birthDate') ? 'birthDate' : null, 'thiếu ngày sinh; không tính được tuổi', 'warning');
  }

  const phone = normalizePhone(cell('phone') as string | number | null);
  if (!phone.ok) add('phone', phone.reason);
  else if (phone.warning) add('phone', phone.warning, 'warning');

  // Where the member lives, and for a commune-level list which branch they join.
  const areaText = text('area');
  let homeAreaId = ctx.defaultAreaId;
  if (areaText) {
    const a = ctx.resolveArea(areaText.split(',')[0] as string);
    if (a) homeAreaId = a.id;
    else if (!ctx.resolveBranch)
      add(
        'area',
        `không tìm thấy thôn/tổ dân phố "${areaText}" trong xã; để trống nơi ở (các thôn: ${list(ctx.areaNames)})`,
        'warning',
      );
    else homeAreaId = null;
  }
  let unitId = ctx.unitId;
  if (ctx.resolveBranch) {
    const branchText = text('branch');
    unitId = ctx.resolveBranch(branchText, areaText ? homeAreaId : null);
    if (unitId === null) {
      if (branchText)
        add(
          'branch',
          `không có chi "${branchText}" trong đơn vị này; ghi đúng tên một chi: ${list(ctx.branchNames)}`,
        );
      else if (areaText)
        add(
          'area',
          `không tìm thấy thôn/tổ dân phố "${areaText}" trong xã nên không biết xếp vào chi nào; ghi đúng tên thôn (các thôn: ${list(ctx.areaNames)})`,
        );
      else
        add(
          byField.has('area') ? 'area' : null,
          `thiếu thôn/tổ dân phố (hoặc chi) nên không biết xếp ${ctx.memberWord} vào chi nào; ghi tên thôn`,
        );
    }
  }

  // Party status, away from home, join date.
  let partyStatus: RowData['partyStatus'] = 'none';
  const party = cell('partyStatus');
  if (party !== null && cellText(party) !== '') {
    const key = unaccent(cellText(party));
    const mark = readMark(
      typeof party === 'number' || party instanceof Date ? null : (party as string | boolean),
    );
    if (mark.mark === true || /^(chinh thuc|ct|dang vien|dv|co)$/.test(key)) partyStatus = 'full';
    else if (/^(du bi|db)$/.test(key)) partyStatus = 'probationary';
    else if (mark.mark === false || key === 'khong') partyStatus = 'none';
    else if (
      party instanceof Date ||
      normalizeDate(dateCell(party), { ...limits, label: 'ngày vào Đảng' }).ok
    )
      partyStatus = 'full';
    else
      add(
        'partyStatus',
        `cột Đảng viên ghi "${cellText(party)}" không rõ; ghi x (đảng viên chính thức), "Dự bị" hoặc để trống`,
      );
  }
  let awayFromHome = false;
  let awayPlace: string | null = null;
  const away = cell('awayFromHome');
  if (away !== null && cellText(away) !== '') {
    const mark = readMark(typeof away === 'string' || typeof away === 'boolean' ? away : cellText(away));
    if (mark.mark !== null) awayFromHome = mark.mark;
    else {
      awayFromHome = true;
      awayPlace = tidyText(mark.other ?? null);
    }
  }
  let joinedOn: string | null = null;
  const joined = cell('joinedOn');
  if (joined !== null) {
    const label = `ngày vào ${ctx.organizationCode === 'DOAN' ? 'Đoàn' : 'Hội'}`;
    const r = normalizeDate(dateCell(joined), { today: ctx.today, minYear: 1930, label });
    if (!r.ok) add('joinedOn', r.reason);
    else if (r.kind === 'year')
      add(
        'joinedOn',
        `${label} chỉ ghi năm ${r.year}; ngày vào được để trống, bổ sung sau nếu biết`,
        'warning',
      );
    else if (r.kind === 'date') {
      const bd = birthDate as string | null;
      const by = birthYear as number | null;
      if ((bd && r.date <= bd) || (by !== null && r.year < by))
        add('joinedOn', `${label} ${cellText(joined)} trước ngày sinh; kiểm tra lại`);
      else joinedOn = r.date;
    }
  }

  // The organization's admission rule.
  const occupation = tidyText(text('occupation'));
  const el = ctx.eligibility;
  const age = ageOn({ date: birthDate, year: birthYear }, ctx.today);
  if (el && gender) {
    if (el.gender && gender !== el.gender) {
      add(
        byField.has('gender') ? 'gender' : null,
        `chỉ kết nạp ${el.gender === 'F' ? 'nữ' : 'nam'}: dòng này ghi ${gender === 'M' ? 'Nam' : 'Nữ'}`,
      );
    }
    if (age !== null && el.minAge !== undefined && age < el.minAge) {
      add(birthField, `${age} tuổi, chưa đủ ${el.minAge} tuổi để là ${ctx.memberWord}; kiểm tra ngày sinh`);
    }
    if (age !== null && el.maxAge !== undefined && age > el.maxAge) {
      add(
        birthField,
        `${age} tuổi, quá ${el.maxAge} tuổi (tuổi ${ctx.memberWord}); kiểm tra ngày sinh, hoặc làm thủ tục trưởng thành`,
        'warning',
      );
    }
    if (el.occupation === 'agriculture' && occupation && !AGRICULTURE.test(unaccent(occupation))) {
      add('occupation', `nghề "${occupation}" không thuộc nông nghiệp; kiểm tra lại`, 'warning');
    }
  }

  if (!name.ok || !gender) return { data: null, problems, raw };
  const familyName = name.familyName;
  const givenName = name.givenName;
  return {
    data: {
      familyName,
      givenName,
      searchText: unaccent(`${familyName} ${givenName}`),
      sortKey: sortKeyOf(familyName, givenName),
      birthDate,
      birthYear: birthDate ? null : birthYear,
      gender,
      ethnicity: tidyText(text('ethnicity')),
      religion: tidyText(text('religion')),
      phone: phone.ok ? phone.phone : null,
      nationalId,
      homeAreaId,
      occupation,
      education: tidyText(text('education')),
      partyStatus,
      veteran: el?.veteran === true,
      joinedOn,
      position: tidyText(text('position')),
      awayFromHome,
      awayPlace,
      unitId,
    },
    problems,
    raw,
  };
}
