/**
 * A generated commune member list for the members.import benchmark: a realistic .xlsx (title rows, a numbering
 * row, dates as cells, text or a year alone, phones without their leading zero, IDs as numbers, stray case and
 * spaces, a totals row and a signature block) with about 5% rows that have a known problem, and what the import
 * must find: the counts, and the normalised persons and memberships it must write (for the raw-insert floor).
 */
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../server/db/client';
import { rows } from '../../server/db/query';
import { centuryGenderDigit } from '../../server/lib/normalize/national-id';
import { personSortKey, unaccent } from '../../server/lib/text';
import {
  FAMILY_NAMES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE_YOUNG,
  MIDDLE_MALE_YOUNG,
} from '../../server/seed/names';
import { Rng } from '../../server/seed/prng';

export interface Village {
  areaId: number;
  name: string;
  branchId: number;
}
export interface KnownPerson {
  id: number;
  familyName: string;
  givenName: string;
  birthDate: string;
  gender: 'M' | 'F';
  nationalId: string;
}

/** A person the import must create, with the membership it must add (the floor writes the same). */
export interface NewPerson {
  familyName: string;
  givenName: string;
  searchText: string;
  sortKey: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: 'M' | 'F';
  phone: string | null;
  nationalId: string | null;
  occupation: string;
  education: string;
  partyStatus: 'none' | 'full';
  homeAreaId: number;
  unitId: number;
  joinedOn: string | null;
}

export interface ListPlan {
  data: Buffer;
  expected: {
    total: number;
    valid: number;
    invalid: number;
    duplicate: number;
    persons: number;
    memberships: number;
    linked: number;
  };
  fresh: NewPerson[];
  linked: Array<{ personId: number; unitId: number }>;
}

const HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Tôn giáo',
  'Số điện thoại',
  'Số CCCD',
  'Thôn',
  'Nghề nghiệp',
  'Trình độ',
  'Đảng viên',
  'Ngày vào Đoàn',
  'Chức vụ',
  'Ghi chú',
];
/** Problems planted in every 20th row, in turn: 8 make the row invalid, 3 make it a duplicate. */
const DEFECTS = [
  'badDate',
  'badPhone',
  'badProvince',
  'noName',
  'future',
  'noVillage',
  'idGender',
  'tooYoung',
  'fileDuplicate',
  'linked',
  'member',
] as const;
type Defect = (typeof DEFECTS)[number];
const INVALID = new Set<Defect>(DEFECTS.slice(0, 8));
const MOBILE = [
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '86',
  '96',
  '97',
  '98',
  '88',
  '91',
  '94',
  '90',
  '93',
  '70',
  '77',
  '79',
];
const OCCUPATIONS = ['Nông dân', 'Công nhân', 'Sinh viên', 'Lao động tự do', 'Buôn bán', 'Giáo viên'];
const EDUCATION = ['12/12', '9/12', 'Trung cấp', 'Cao đẳng', 'Đại học'];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const utcDate = (d: string) => new Date(`${d}T00:00:00Z`);

type Cell = string | number | Date | null;

function freshPerson(rng: Rng, i: number, villages: Village[]): NewPerson {
  const gender: 'M' | 'F' = rng.chance(0.5) ? 'F' : 'M';
  const familyName = `${rng.weighted(FAMILY_NAMES)} ${rng.weighted(gender === 'M' ? MIDDLE_MALE_YOUNG : MIDDLE_FEMALE_YOUNG)}`;
  const givenName = rng.pick(gender === 'M' ? GIVEN_MALE : GIVEN_FEMALE);
  const birth = iso(Date.UTC(1998, 0, 1) + rng.int(0, 3985) * DAY); // 1998-01-01 … 2008-11-30: ages 17–28
  const yearOnly = rng.chance(0.05);
  const village = villages[i % villages.length] as Village;
  const phone = rng.chance(0.85)
    ? `0${rng.pick(MOBILE)}${String(1_000_000 + ((i * 7919) % 9_000_000)).padStart(7, '0')}`
    : null;
  const year = Number(birth.slice(0, 4));
  const province = rng.pick(['040', '038', '001', '044']);
  const nationalId = rng.chance(0.6)
    ? `${province}${centuryGenderDigit(year, gender)}${birth.slice(2, 4)}${String(i).padStart(6, '0')}`
    : null;
  const joined = rng.chance(0.5) ? iso(Date.UTC(year + 16, 2, 26)) : null;
  const party = rng.chance(0.02) ? 'full' : 'none';
  const person: NewPerson = {
    familyName,
    givenName,
    searchText: unaccent(`${familyName} ${givenName}`),
    sortKey: personSortKey(familyName, givenName),
    birthDate: yearOnly ? null : birth,
    birthYear: yearOnly ? year : null,
    gender,
    phone,
    nationalId,
    occupation: rng.pick(OCCUPATIONS),
    education: rng.pick(EDUCATION),
    partyStatus: party,
    homeAreaId: village.areaId,
    unitId: village.branchId,
    joinedOn: joined && joined <= '2026-11-27' ? joined : null,
  };
  return person;
}

/** The cells of a person's row, spelled the many ways people type them (chosen per row, reproducibly). */
function cellsOf(p: NewPerson, i: number, village: Village, seed: number): Cell[] {
  const rng = Rng.derive(seed, 'cells', i);
  const name = rng.chance(0.1)
    ? `  ${p.familyName.toLocaleUpperCase('vi')}  ${p.givenName.toLocaleLowerCase('vi')} `
    : `${p.familyName} ${p.givenName}`;
  const birthCell: Cell =
    p.birthYear ?? (rng.chance(0.7) ? utcDate(p.birthDate as string) : dmy(p.birthDate as string));
  const phoneCell: Cell = !p.phone
    ? null
    : rng.chance(0.1)
      ? Number(p.phone)
      : rng.chance(0.2)
        ? `${p.phone.slice(0, 4)} ${p.phone.slice(4, 7)} ${p.phone.slice(7)}`
        : p.phone;
  const idCell: Cell = !p.nationalId ? null : rng.chance(0.3) ? Number(p.nationalId) : p.nationalId;
  return [
    i + 1,
    name,
    birthCell,
    p.gender === 'M' ? 'Nam' : rng.chance(0.5) ? 'Nữ' : 'nữ',
    rng.chance(0.1) ? ' kinh' : 'Kinh',
    'Không',
    phoneCell,
    idCell,
    rng.chance(0.2) ? village.name.toLocaleLowerCase('vi') : village.name,
    p.occupation,
    p.education,
    p.partyStatus === 'full' ? 'x' : null,
    p.joinedOn ? dmy(p.joinedOn) : null,
    null,
    null,
  ];
}

/** Keys the import uses to find the same person twice. */
const keysOf = (p: NewPerson) =>
  [
    p.nationalId ? `id:${p.nationalId}` : null,
    `b:${p.searchText}|${p.birthDate ?? `y${p.birthYear}`}`,
    p.phone ? `p:${p.searchText}|${p.phone}` : null,
  ].filter((k): k is string => k !== null);

/** Rows whose name + birth date or name + phone happen to match someone already in the database. */
async function clashes(db: Db, people: NewPerson[]): Promise<Set<number>> {
  // Array literal: backslashes (sort keys contain them) and quotes escaped.
  const arr = (v: Array<string | null>) =>
    `{${v.map((x) => (x === null ? 'NULL' : `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
  const idx = people.map((_, k) => String(k));
  const found = await rows<{ k: number }>(
    db,
    sql`with g as (select * from unnest(${arr(idx)}::int[], ${arr(people.map((p) => p.sortKey))}::text[],
        ${arr(people.map((p) => p.birthDate))}::date[], ${arr(people.map((p) => p.phone))}::text[]) as g(k, s, b, ph))
      select g.k from g join persons p on p.sort_key = g.s collate "C" and p.birth_date = g.b
      union select g.k from g join persons p on p.sort_key = g.s collate "C" and p.phone = g.ph`,
  );
  return new Set(found.map((r) => Number(r.k)));
}

/** Fresh people, none matching another row or anyone already in the database by accident. */
async function freshPeople(db: Db, rng: Rng, size: number, villages: Village[]) {
  const seen = new Set<string>();
  const make = (i: number) => {
    let made = freshPerson(rng, i, villages);
    while (keysOf(made).some((k) => seen.has(k))) made = freshPerson(rng, i, villages);
    for (const k of keysOf(made)) seen.add(k);
    return made;
  };
  const list = Array.from({ length: size }, (_, i) => make(i));
  for (let round = 0, next = size; round < 5; round++) {
    const bad = await clashes(db, list);
    if (bad.size === 0) return list;
    for (const k of bad) {
      list[k] = make(next++);
    }
  }
  throw new Error('members.import: could not generate people unknown to the database');
}

/** Builds the list: `size` data rows for the villages of one commune, with known people planted in it. */
export async function buildList(
  db: Db,
  o: { size: number; seed: number; villages: Village[]; linkable: KnownPerson[]; members: KnownPerson[] },
): Promise<ListPlan> {
  const rng = Rng.derive(o.seed, 'members.import');
  const people = await freshPeople(db, rng, o.size, o.villages);
  const villageOf = new Map(o.villages.map((v) => [v.name.toLocaleLowerCase('vi'), v]));
  const fresh: NewPerson[] = [];
  const linked: ListPlan['linked'] = [];
  const byArea = new Map(o.villages.map((v) => [v.areaId, v]));
  const sheet = listWriter();
  let invalid = 0;
  let duplicate = 0;
  let last: NewPerson | null = null;
  for (let i = 0; i < o.size; i++) {
    const person = people[i] as NewPerson;
    const cells = cellsOf(person, i, byArea.get(person.homeAreaId) as Village, o.seed);
    let defect = i % 20 === 7 && last ? (DEFECTS[Math.floor(i / 20) % DEFECTS.length] as Defect) : null;
    const known = defect === 'linked' ? o.linkable.pop() : defect === 'member' ? o.members.pop() : undefined;
    // A small dataset may run out of people to plant: the row stays a fresh one.
    if ((defect === 'linked' || defect === 'member') && !known) defect = null;
    if (defect === null) {
      fresh.push(person);
      last = person;
      sheet.add(cells);
      continue;
    }
    if (INVALID.has(defect)) invalid++;
    else duplicate++;
    const copy = known ?? (defect === 'fileDuplicate' ? last : null);
    if (copy) {
      cells[1] = `${copy.familyName} ${copy.givenName}`;
      cells[2] = copy.birthDate ? utcDate(copy.birthDate) : ((copy as NewPerson).birthYear ?? null);
      cells[3] = copy.gender === 'M' ? 'Nam' : 'Nữ';
      cells[6] = null;
      cells[7] = known ? known.nationalId : null;
    }
    if (defect === 'linked' && known) {
      const v = villageOf.get(String(cells[8]).toLocaleLowerCase('vi')) as Village;
      linked.push({ personId: known.id, unitId: v.branchId });
    }
    if (defect === 'badDate') cells[2] = '31/02/2001';
    if (defect === 'badPhone') cells[6] = '0912345';
    if (defect === 'badProvince') cells[7] = '999095001234';
    if (defect === 'noName') cells[1] = null;
    if (defect === 'future') cells[2] = '15/06/2031';
    if (defect === 'noVillage') cells[8] = 'Thôn Không Tồn Tại';
    if (defect === 'tooYoung') cells[2] = utcDate('2014-05-05');
    if (defect === 'idGender') {
      cells[2] = utcDate('2000-05-05');
      cells[7] = `040${centuryGenderDigit(2000, person.gender === 'M' ? 'F' : 'M')}00${String(900_000 + (i % 100_000)).slice(-6)}`;
    }
    sheet.add(cells);
  }
  return {
    data: await sheet.finish(o.size),
    expected: {
      total: o.size,
      valid: fresh.length,
      invalid,
      duplicate,
      persons: fresh.length,
      memberships: fresh.length + linked.length,
      linked: linked.length,
    },
    fresh,
    linked,
  };
}

/** An .xlsx written row by row into memory, laid out as a branch head's file would be. */
function listWriter() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('Danh sách');
  const width = HEADER.length;
  for (const title of ['ĐOÀN TNCS HỒ CHÍ MINH', 'BAN CHẤP HÀNH ĐOÀN XÃ', 'DANH SÁCH ĐOÀN VIÊN NĂM 2026']) {
    const r = ws.addRow([title]);
    ws.mergeCells(r.number, 1, r.number, width);
    r.commit();
  }
  ws.addRow([]).commit();
  ws.addRow(HEADER).commit();
  ws.addRow(HEADER.map((_, k) => `(${k + 1})`)).commit();
  return {
    add(cells: Cell[]) {
      const r = ws.addRow(cells);
      if (cells[2] instanceof Date) r.getCell(3).numFmt = 'dd/mm/yyyy';
      r.commit();
    },
    async finish(count: number): Promise<Buffer> {
      ws.addRow([`Tổng cộng: ${count} đoàn viên`]).commit();
      ws.addRow([]).commit();
      ws.addRow([...Array(10).fill(null), 'ngày 20 tháng 11 năm 2026']).commit();
      ws.addRow(['Người lập biểu', ...Array(9).fill(null), 'TM. BAN CHẤP HÀNH']).commit();
      await ws.commit();
      await wb.commit();
      return Buffer.concat(chunks);
    },
  };
}
