/**
 * Deterministic demo/benchmark data for Hà Tĩnh: villages, the unit trees of the mass organizations,
 * persons and memberships. Same seed number ⇒ same data. Generates and inserts commune by commune,
 * so memory stays bounded at province scale.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { personSortKey, unaccent } from '../lib/text';
import { type MeetingModel, type MeetingSeedCounts, seedMeetings } from './meetings';
import {
  AWAY_PLACES,
  DIFFICULT_COMMUNES,
  FAMILY_NAMES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE_OLD,
  MIDDLE_FEMALE_YOUNG,
  MIDDLE_MALE_OLD,
  MIDDLE_MALE_YOUNG,
  PHONE_PREFIXES,
  SCHOOLS,
  SECOND_MIDDLE_FEMALE,
  SECOND_MIDDLE_MALE,
  STREET_GROUP_NAMES,
  VILLAGE_NAMES,
  WORKPLACES,
} from './names';
import { hashSeed, Rng } from './prng';
import { countRows, seedReferenceData } from './reference';
import { bulkInsert, queryRows, reserveIds } from './sql';

export { Rng } from './prng';
export { DEFAULT_RULES, loadAdminUnits, ORGANIZATIONS, seedReferenceData } from './reference';

export type SeedScale = 'demo' | 'province' | 'tiny';

export interface SeedOptions {
  seedNumber: number;
  scale: SeedScale;
  /** Seed a year of branch meetings (default: true). */
  meetings?: boolean;
  /** How often branches meet (default: 'habits' at province scale, 'required' otherwise; see MeetingModel). */
  meetingModel?: MeetingModel;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface SeedRefs {
  provinceAreaId: number;
  /** org code → province committee unit id */
  provinceUnits: Record<string, number>;
  communes: Array<{
    areaId: number;
    code: string;
    name: string;
    /** org → grassroots unit id */
    grassroots: Record<string, number>;
    /** org → branch unit ids */
    branches: Record<string, number[]>;
  }>;
}

export interface SeedResult {
  areas: number;
  formerCommunes: number;
  villages: number;
  units: number;
  branches: number;
  persons: number;
  memberships: number;
  byOrganization: Record<string, number>;
  elapsedMs: number;
  /** meetings seeded (zeros when meetings are off) */
  meetings: MeetingSeedCounts;
  /** ids useful to build demo accounts */
  refs: SeedRefs;
}

/** Ages and eligibility are computed on this date. */
export const SEED_REFERENCE_DATE = '2026-11-27';
const REF_YEAR = 2026;
const DAY = 86_400_000;
const REF_DAY = Date.UTC(2026, 10, 27) / DAY;

/** Organizations with village branches, in tree order. */
export const BRANCH_ORGS = ['DOAN', 'PHUNU', 'NONGDAN', 'CCB', 'NCT'] as const;
/** Organizations with a province committee and a grassroots unit per commune. */
export const UNIT_ORGS = [...BRANCH_ORGS, 'MTTQ'] as const;
type BranchOrg = (typeof BRANCH_ORGS)[number];

const PROVINCE_UNIT_NAMES: Record<string, string> = {
  DOAN: 'Tỉnh Đoàn Hà Tĩnh',
  PHUNU: 'Hội LHPN tỉnh Hà Tĩnh',
  NONGDAN: 'Hội Nông dân tỉnh Hà Tĩnh',
  CCB: 'Hội CCB tỉnh Hà Tĩnh',
  NCT: 'Hội NCT tỉnh Hà Tĩnh',
  MTTQ: 'Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh',
};
const GRASSROOTS_PREFIX: Record<string, string> = {
  DOAN: 'Đoàn',
  PHUNU: 'Hội LHPN',
  NONGDAN: 'Hội Nông dân',
  CCB: 'Hội CCB',
  NCT: 'Hội NCT',
  MTTQ: 'Ủy ban MTTQ',
};
const BRANCH_PREFIX: Record<BranchOrg, string> = {
  DOAN: 'Chi đoàn',
  PHUNU: 'Chi hội Phụ nữ',
  NONGDAN: 'Chi hội Nông dân',
  CCB: 'Chi hội CCB',
  NCT: 'Chi hội NCT',
};
const POSITIONS: Record<BranchOrg, string[]> = {
  DOAN: ['Bí thư', 'Phó Bí thư', 'Phó Bí thư'],
  PHUNU: ['Chi hội trưởng', 'Chi hội phó', 'Chi hội phó'],
  NONGDAN: ['Chi hội trưởng', 'Chi hội phó', 'Chi hội phó'],
  CCB: ['Chi hội trưởng', 'Chi hội phó', 'Chi hội phó'],
  NCT: ['Chi hội trưởng', 'Chi hội phó', 'Chi hội phó'],
};
/** Share of eligible people who are members. */
const JOIN_RATE: Record<BranchOrg, number> = { DOAN: 0.6, PHUNU: 0.55, NONGDAN: 0.7, CCB: 0.85, NCT: 0.8 };
/** Earliest age at which people join (for joined_on). */
const JOIN_AGE: Record<BranchOrg, number> = { DOAN: 16, PHUNU: 18, NONGDAN: 18, CCB: 35, NCT: 60 };

const TINY_COMMUNES = ['Xã Thạch Khê', 'Xã Cẩm Xuyên'];

interface ScaleSpec {
  villages: (rng: Rng) => number;
  personsPerVillage: number;
  /** people whose only memberships ended before the meetings year (aged out, moved away, died), per village */
  formerPerVillage?: number;
  onlyCommunes?: string[];
  meetingModel: MeetingModel;
}
const SCALES: Record<SeedScale, ScaleSpec> = {
  tiny: { villages: () => 3, personsPerVillage: 50, onlyCommunes: TINY_COMMUNES, meetingModel: 'required' },
  demo: { villages: (rng) => rng.int(6, 12), personsPerVillage: 48, meetingModel: 'required' },
  // The benchmark's year of meetings: ≈ 70,000 meetings, ≈ 3.5 million attendance rows (docs/performance.md).
  // Plus the registers' history: ≈ 180,000 former members, so search runs over ≈ 600,000 persons.
  province: {
    villages: (rng) => rng.int(26, 32),
    personsPerVillage: 210,
    formerPerVillage: 92,
    meetingModel: 'habits',
  },
};

// ---------- dates ----------

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
function dayOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY;
}

// ---------- persons ----------

interface Person {
  id: number;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  birthYear: number | null;
  /** epoch day of birth (1 January when only the year is known) */
  birthDay: number;
  /** youngest and oldest possible age on the reference date (equal when the date is known) */
  ageLo: number;
  ageHi: number;
  gender: 'M' | 'F';
  ethnicity: string;
  religion: string;
  phone: string | null;
  nationalId: string | null;
  occupation: string;
  education: string;
  partyStatus: 'none' | 'probationary' | 'full';
  veteran: boolean;
  homeAreaId: number;
  away: boolean;
  awayPlace: string | null;
  awaySince: string | null;
  awayContact: string | null;
}

const AGE_BANDS: ReadonlyArray<readonly [[number, number], number]> = [
  [[14, 15], 4],
  [[16, 22], 14],
  [[23, 30], 13],
  [[31, 45], 21],
  [[46, 59], 20],
  [[60, 74], 18],
  [[75, 90], 10],
];

interface VillageCtx {
  areaId: number;
  ward: boolean;
  difficult: boolean;
  catholic: boolean;
}

/** National ids unique per run: a bijective scramble of a counter within each (century/gender, year) bucket. */
class NationalIds {
  private counters = new Map<string, number>();
  constructor(private readonly seed: number) {}
  next(gender: 'M' | 'F', birthYear: number): string {
    const centuryGender = (birthYear >= 2000 ? 2 : 0) + (gender === 'F' ? 1 : 0);
    const yy = String(birthYear % 100).padStart(2, '0');
    const bucket = `${centuryGender}${yy}`;
    const n = this.counters.get(bucket) ?? 0;
    this.counters.set(bucket, n + 1);
    const serial = (n * 487_651 + (hashSeed(this.seed, bucket) % 1_000_000)) % 1_000_000;
    return `042${bucket}${String(serial).padStart(6, '0')}`;
  }
}

function phone(rng: Rng): string {
  return rng.pick(PHONE_PREFIXES) + rng.digits(7);
}

function occupationFor(rng: Rng, age: number, ward: boolean): string {
  if (age <= 17) return 'Học sinh';
  if (age <= 22)
    return rng.weighted([
      ['Sinh viên', 35],
      ['Công nhân', 20],
      ['Nông dân', ward ? 6 : 22],
      ['Lao động tự do', 15],
      ['Buôn bán', 5],
    ]);
  if (age <= 59)
    return ward
      ? rng.weighted([
          ['Nông dân', 12],
          ['Công nhân', 20],
          ['Buôn bán', 18],
          ['Lao động tự do', 15],
          ['Giáo viên', 6],
          ['Cán bộ', 8],
          ['Nhân viên văn phòng', 8],
          ['Y tế', 3],
          ['Ngư dân', 2],
          ['Nội trợ', 4],
        ])
      : rng.weighted([
          ['Nông dân', 62],
          ['Công nhân', 9],
          ['Buôn bán', 6],
          ['Lao động tự do', 10],
          ['Giáo viên', 4],
          ['Cán bộ', 4],
          ['Ngư dân', 3],
          ['Y tế', 1],
          ['Nội trợ', 3],
        ]);
  return ward
    ? rng.weighted([
        ['Hưu trí', 45],
        ['Nông dân', 15],
        ['Buôn bán', 15],
        ['Lao động tự do', 10],
        ['Nội trợ', 15],
      ])
    : rng.weighted([
        ['Hưu trí', 12],
        ['Nông dân', 70],
        ['Buôn bán', 5],
        ['Lao động tự do', 7],
        ['Nội trợ', 8],
      ]);
}

function educationFor(rng: Rng, age: number, occupation: string): string {
  if (occupation === 'Học sinh') return `${Math.min(12, age - 6)}/12`;
  if (occupation === 'Sinh viên') return '12/12';
  if (occupation === 'Giáo viên' || occupation === 'Cán bộ' || occupation === 'Y tế')
    return rng.weighted([
      ['Đại học', 70],
      ['Cao đẳng', 15],
      ['Thạc sĩ', 10],
      ['Trung cấp', 5],
    ]);
  if (age >= 60)
    return rng.weighted([
      ['4/10', 10],
      ['7/10', 25],
      ['10/10', 25],
      ['9/12', 10],
      ['12/12', 15],
      ['Trung cấp', 8],
      ['Đại học', 7],
    ]);
  return rng.weighted([
    ['12/12', 45],
    ['9/12', 22],
    ['Trung cấp', 8],
    ['Cao đẳng', 7],
    ['Đại học', 15],
    ['Thạc sĩ', 1],
    ['6/12', 2],
  ]);
}

function makeName(rng: Rng, gender: 'M' | 'F', age: number): { familyName: string; givenName: string } {
  const family = rng.weighted(FAMILY_NAMES);
  const young = age < 35;
  const middle =
    gender === 'M'
      ? rng.weighted(young ? MIDDLE_MALE_YOUNG : MIDDLE_MALE_OLD)
      : rng.weighted(young ? MIDDLE_FEMALE_YOUNG : MIDDLE_FEMALE_OLD);
  let familyName = `${family} ${middle}`;
  if (rng.chance(young ? 0.15 : 0.06)) {
    const second = gender === 'M' ? rng.pick(SECOND_MIDDLE_MALE) : rng.pick(SECOND_MIDDLE_FEMALE);
    if (second !== middle) familyName += ` ${second}`;
  }
  const givenName = gender === 'M' ? rng.pick(GIVEN_MALE) : rng.pick(GIVEN_FEMALE);
  return { familyName, givenName };
}

function makePerson(rng: Rng, id: number, village: VillageCtx, ids: NationalIds): Person {
  const [lo, hi] = rng.weighted(AGE_BANDS);
  const age = rng.int(lo, hi);
  const gender: 'M' | 'F' = rng.chance(0.51) ? 'F' : 'M';
  // Born between (ref year - age - 1)-11-28 and (ref year - age)-11-27, so the age is exactly `age`.
  const birthDay = dayOf(REF_YEAR - age - 1, 11, 28) + rng.int(0, 364);
  const birth = isoDay(birthDay);
  const yearOnly = rng.chance(0.03);
  const birthYear = Number(birth.slice(0, 4));
  const { familyName, givenName } = makeName(rng, gender, age);

  let occupation = occupationFor(rng, age, village.ward);
  const veteran =
    gender === 'M' && ((age >= 45 && rng.chance(0.15)) || (age >= 30 && age < 45 && rng.chance(0.03)));
  const away = age >= 18 && age <= 45 && rng.chance(0.12);
  if (away && (occupation === 'Nông dân' || occupation === 'Ngư dân' || occupation === 'Nội trợ'))
    occupation = rng.weighted([
      ['Công nhân', 6],
      ['Lao động tự do', 4],
    ]);
  const education = educationFor(rng, age, occupation);

  let partyP = 0.02;
  if (gender === 'M' && age >= 45) partyP = 0.12;
  if (age >= 60) partyP = Math.max(partyP, 0.15);
  if (veteran) partyP = 0.5;
  if (occupation === 'Giáo viên') partyP = 0.35;
  if (occupation === 'Cán bộ') partyP = 0.7;
  if (age < 18) partyP = 0;
  let partyStatus: Person['partyStatus'] = 'none';
  if (rng.chance(partyP)) partyStatus = rng.chance(age < 40 ? 0.25 : 0.03) ? 'probationary' : 'full';

  const ethnicity = village.difficult
    ? rng.weighted([
        ['Kinh', 90],
        ['Thái', 3],
        ['Mường', 4],
        ['Chứt', 3],
      ])
    : rng.weighted([
        ['Kinh', 990],
        ['Thái', 4],
        ['Mường', 5],
        ['Chứt', 1],
      ]);
  const religion = village.catholic
    ? rng.weighted([
        ['Công giáo', 75],
        ['Không', 24],
        ['Phật giáo', 1],
      ])
    : rng.weighted([
        ['Không', 93],
        ['Công giáo', 4],
        ['Phật giáo', 3],
      ]);

  const ownPhone = rng.chance(age < 16 ? 0.5 : 0.87) ? phone(rng) : null;
  const nationalId = age >= 18 && rng.chance(0.8) ? ids.next(gender, birthYear) : null;
  const awayPlace = away ? rng.weighted(AWAY_PLACES) : null;
  const awaySince = away ? isoDay(rng.int(dayOf(2015, 1, 1), dayOf(2026, 10, 31))) : null;
  const awayContact = away ? (ownPhone ?? phone(rng)) : null;

  return {
    id,
    familyName,
    givenName,
    birthDate: yearOnly ? null : birth,
    birthYear: yearOnly ? birthYear : null,
    birthDay: yearOnly ? dayOf(birthYear, 1, 1) : birthDay,
    ageLo: yearOnly ? REF_YEAR - birthYear - 1 : age,
    ageHi: yearOnly ? REF_YEAR - birthYear : age,
    gender,
    ethnicity,
    religion,
    phone: ownPhone,
    nationalId,
    occupation,
    education,
    partyStatus,
    veteran,
    homeAreaId: village.areaId,
    away,
    awayPlace,
    awaySince,
    awayContact,
  };
}

/** Mirrors the default eligibility rules (see DEFAULT_RULES); ranges are inclusive. */
export function isEligible(
  org: BranchOrg,
  p: Pick<Person, 'ageLo' | 'ageHi' | 'gender' | 'veteran' | 'occupation'>,
): boolean {
  switch (org) {
    case 'DOAN':
      return p.ageLo >= 16 && p.ageHi <= 30;
    case 'PHUNU':
      return p.gender === 'F' && p.ageLo >= 18;
    case 'NONGDAN':
      return p.occupation === 'Nông dân' && p.ageLo >= 18;
    case 'CCB':
      return p.veteran;
    case 'NCT':
      return p.ageLo >= 60;
  }
}

// ---------- villages and units ----------

function villageNames(rng: Rng, ward: boolean, n: number): string[] {
  const prefix = ward ? 'Tổ dân phố' : 'Thôn';
  const pool = ward ? STREET_GROUP_NAMES : VILLAGE_NAMES;
  // Some communes number their villages, others name them; wards often mix both.
  const numbered = rng.chance(ward ? 0.4 : 0.3);
  if (numbered || n > pool.length) return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
  return rng.sample(pool, n).map((name) => `${prefix} ${name}`);
}

/** "Xã Thạch Khê" → "xã Thạch Khê" for unit names. */
function communeInName(name: string): string {
  return name.replace(/^Xã /, 'xã ').replace(/^Phường /, 'phường ');
}

type Row = Array<string | number | boolean | null>;

const AREA_COLUMNS = [
  ['id', 'int'],
  ['code', 'text'],
  ['name', 'text'],
  ['kind', 'text'],
  ['level', 'int'],
  ['parent_id', 'int'],
  ['path', 'ltree'],
  ['search_text', 'text'],
  ['valid_from', 'date'],
  ['active', 'boolean'],
] as const;
const UNIT_COLUMNS = [
  ['id', 'int'],
  ['organization_code', 'text'],
  ['level', 'text'],
  ['kind', 'text'],
  ['name', 'text'],
  ['search_text', 'text'],
  ['parent_id', 'int'],
  ['path', 'ltree'],
  ['area_id', 'int'],
  ['difficult_area', 'boolean'],
] as const;
/** The persons columns the seed writes raw (bulkInsert/COPY), in row order; the members.import bench floor writes them too. */
export const PERSON_COLUMNS = [
  ['id', 'int'],
  ['family_name', 'text'],
  ['given_name', 'text'],
  ['search_text', 'text'],
  ['sort_key', 'text'],
  ['birth_date', 'date'],
  ['birth_year', 'int'],
  ['gender', 'text'],
  ['ethnicity', 'text'],
  ['religion', 'text'],
  ['phone', 'text'],
  ['national_id', 'text'],
  ['occupation', 'text'],
  ['education', 'text'],
  ['party_status', 'text'],
  ['veteran', 'boolean'],
  ['home_area_id', 'int'],
  ['away_from_home', 'boolean'],
  ['away_place', 'text'],
  ['away_since', 'date'],
  ['away_contact', 'text'],
] as const;
/** The memberships columns the seed writes raw, in row order; the members.import bench floor writes them too. */
export const MEMBERSHIP_COLUMNS = [
  ['person_id', 'int'],
  ['organization_code', 'text'],
  ['unit_id', 'int'],
  ['status', 'text'],
  ['joined_on', 'date'],
  ['left_on', 'date'],
  ['position', 'text'],
] as const;

interface UnitSpec {
  id: number;
  org: string;
  level: 'province' | 'grassroots' | 'branch';
  kind: 'residential' | 'school' | 'workplace';
  name: string;
  parentId: number | null;
  path: string;
  areaId: number;
  difficult: boolean;
}

function unitRow(u: UnitSpec): Row {
  return [u.id, u.org, u.level, u.kind, u.name, unaccent(u.name), u.parentId, u.path, u.areaId, u.difficult];
}

interface MembershipSpec {
  personId: number;
  org: BranchOrg;
  unitId: number;
  status: 'active' | 'left';
  joinedOn: string;
  leftOn: string | null;
  position: string | null;
  away: boolean;
}

function joinedOn(rng: Rng, p: Person, org: BranchOrg): { joined: number } {
  let start = p.birthDay + Math.round(JOIN_AGE[org] * 365.25);
  if (org === 'CCB' || org === 'NONGDAN') start = Math.max(start, dayOf(1990, 1, 1));
  const end = REF_DAY - 7;
  if (start >= end) return { joined: end };
  return { joined: rng.int(start, end) };
}

// ---------- main ----------

/** Seeds villages, units, persons and memberships on top of the reference data. Expects no units yet. */
interface FormerCommune {
  code: string;
  villages: VillageCtx[];
  branchIds: Record<BranchOrg, number[]>;
}

/** The end of the last year before the meetings year: former members' memberships all ended by then. */
const FORMER_BEFORE = dayOf(2025, 12, 31);

/**
 * People in a commune's registers whose memberships ended before the meetings year: Đoàn members who aged
 * out at 30, members who moved away (left), and elderly members who died. Their own random stream, so adding
 * them changes nothing else.
 */
async function seedFormerMembers(
  db: Db,
  commune: FormerCommune,
  perVillage: number,
  seedNumber: number,
  nationalIds: NationalIds,
) {
  const rng = Rng.derive(seedNumber, 'former', commune.code);
  const personRows: Row[] = [];
  const membershipRows: Row[] = [];
  for (let vi = 0; vi < commune.villages.length; vi++) {
    const village = commune.villages[vi] as VillageCtx;
    const target = rng.int(Math.round(perVillage * 0.5), Math.round(perVillage * 1.5));
    const ids = await reserveIds(db, 'persons', target);
    for (let made = 0; made < target; ) {
      const p = makePerson(rng, ids[made] as number, village, nationalIds);
      if (p.ageLo < 31) continue;
      let org: BranchOrg;
      let status: 'aged_out' | 'left' | 'deceased';
      let joined: number;
      let left: number;
      if (p.ageHi <= 45) {
        org = 'DOAN';
        status = 'aged_out';
        joined = p.birthDay + Math.round(16.5 * 365.25) + rng.int(0, 900);
        left = Math.min(p.birthDay + Math.round(30.2 * 365.25), FORMER_BEFORE);
      } else if (p.ageLo >= 65) {
        org = p.veteran ? 'CCB' : 'NCT';
        status = 'deceased';
        joined = p.birthDay + Math.round(60.5 * 365.25);
        left = rng.int(Math.min(joined + 200, FORMER_BEFORE - 1), FORMER_BEFORE);
      } else {
        org = p.gender === 'F' ? 'PHUNU' : 'NONGDAN';
        status = 'left';
        joined = p.birthDay + Math.round(20 * 365.25) + rng.int(0, 3000);
        left = rng.int(Math.min(joined + 365, FORMER_BEFORE - 1), FORMER_BEFORE);
      }
      if (joined >= left) joined = left - 365;
      made++;
      personRows.push([
        p.id,
        p.familyName,
        p.givenName,
        unaccent(`${p.familyName} ${p.givenName}`),
        personSortKey(p.familyName, p.givenName),
        p.birthDate,
        p.birthYear,
        p.gender,
        p.ethnicity,
        p.religion,
        p.phone,
        p.nationalId,
        p.occupation,
        p.education,
        p.partyStatus,
        p.veteran,
        p.homeAreaId,
        false,
        null,
        null,
        null,
      ]);
      membershipRows.push([
        p.id,
        org,
        commune.branchIds[org][vi] as number,
        status,
        isoDay(joined),
        isoDay(left),
        null,
      ]);
    }
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < personRows.length; i += 5000) {
      await bulkInsert(tx, 'persons', PERSON_COLUMNS, personRows.slice(i, i + 5000));
    }
    for (let i = 0; i < membershipRows.length; i += 5000) {
      await bulkInsert(tx, 'memberships', MEMBERSHIP_COLUMNS, membershipRows.slice(i, i + 5000));
    }
  });
}

export async function seedDemo(db: Db, opts: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const spec = SCALES[opts.scale];
  const progress = opts.onProgress ?? (() => undefined);

  progress('reference', 0, 1);
  await seedReferenceData(db);
  progress('reference', 1, 1);

  if ((await countRows(db, 'units')) > 0 || (await countRows(db, 'persons')) > 0)
    throw new Error('seedDemo: the database already has units or persons; reset it first');

  const province = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path::text as path from areas where kind = 'province' and code = '42'`,
  );
  const provinceArea = province[0];
  if (!provinceArea) throw new Error('seedDemo: province area missing');
  const allCommunes = await queryRows<{ id: number; code: string; name: string; kind: string; path: string }>(
    db,
    sql`select id, code, name, kind, path::text as path from areas where kind in ('xa', 'phuong') order by id`,
  );
  const communes = spec.onlyCommunes
    ? allCommunes.filter((c) => spec.onlyCommunes?.includes(c.name))
    : allCommunes;

  const refs: SeedRefs = { provinceAreaId: provinceArea.id, provinceUnits: {}, communes: [] };

  // Province committees.
  const provinceUnitIds = await reserveIds(db, 'units', UNIT_ORGS.length);
  const provinceUnits: UnitSpec[] = UNIT_ORGS.map((org, i) => {
    const id = provinceUnitIds[i] as number;
    refs.provinceUnits[org] = id;
    return {
      id,
      org,
      level: 'province',
      kind: 'residential',
      name: PROVINCE_UNIT_NAMES[org] as string,
      parentId: null,
      path: String(id),
      areaId: provinceArea.id,
      difficult: false,
    };
  });
  await bulkInsert(db, 'units', UNIT_COLUMNS, provinceUnits.map(unitRow));
  const provinceUnitByOrg = new Map(provinceUnits.map((u) => [u.org, u]));

  const nationalIds = new NationalIds(opts.seedNumber);
  let personsSoFar = 0;
  const formerPlan: FormerCommune[] = [];
  const estimatedPersons = Math.round(
    communes.length *
      spec.personsPerVillage *
      (opts.scale === 'province' ? 29 : opts.scale === 'demo' ? 9 : 3),
  );

  for (let ci = 0; ci < communes.length; ci++) {
    const commune = communes[ci] as (typeof communes)[number];
    const rng = Rng.derive(opts.seedNumber, 'commune', commune.code);
    const ward = commune.kind === 'phuong';
    const difficult = DIFFICULT_COMMUNES.has(commune.name);
    const ref: SeedRefs['communes'][number] = {
      areaId: commune.id,
      code: commune.code,
      name: commune.name,
      grassroots: {},
      branches: {},
    };

    await db.transaction(async (tx) => {
      // Villages.
      const nVillages = spec.villages(rng);
      const names = villageNames(rng, ward, nVillages);
      const villageIds = await reserveIds(tx, 'areas', nVillages);
      const villages: VillageCtx[] = [];
      const villageRows: Row[] = names.map((name, i) => {
        const id = villageIds[i] as number;
        villages.push({ areaId: id, ward, difficult, catholic: !ward && rng.chance(0.2) });
        return [
          id,
          `${commune.code}-${String(i + 1).padStart(2, '0')}`,
          name,
          ward ? 'to_dan_pho' : 'thon',
          3,
          commune.id,
          `${commune.path}.${id}`,
          unaccent(name),
          '2025-07-01',
          true,
        ];
      });
      await bulkInsert(tx, 'areas', AREA_COLUMNS, villageRows);

      // Units: grassroots per org, branches per village, school/workplace Đoàn units.
      const school = SCHOOLS[commune.name];
      const workplace = WORKPLACES[commune.name];
      const schoolClasses = school
        ? rng.sample(['10A1', '10A2', '11A1', '11A2', '12A1', '12A2'], rng.int(2, 3)).sort()
        : [];
      const nUnits =
        UNIT_ORGS.length +
        BRANCH_ORGS.length * nVillages +
        (school ? 1 + schoolClasses.length : 0) +
        (workplace ? 1 + workplace.branches.length : 0);
      const unitIds = await reserveIds(tx, 'units', nUnits);
      let next = 0;
      const takeId = () => unitIds[next++] as number;
      const units: UnitSpec[] = [];
      const grassroots = new Map<string, UnitSpec>();
      for (const org of UNIT_ORGS) {
        const parent = provinceUnitByOrg.get(org) as UnitSpec;
        const id = takeId();
        const u: UnitSpec = {
          id,
          org,
          level: 'grassroots',
          kind: 'residential',
          name: `${GRASSROOTS_PREFIX[org]} ${communeInName(commune.name)}`,
          parentId: parent.id,
          path: `${parent.path}.${id}`,
          areaId: commune.id,
          difficult,
        };
        units.push(u);
        grassroots.set(org, u);
        ref.grassroots[org] = id;
      }
      /** branch unit id per org per village index */
      const branchIds: Record<BranchOrg, number[]> = { DOAN: [], PHUNU: [], NONGDAN: [], CCB: [], NCT: [] };
      for (const org of BRANCH_ORGS) {
        const parent = grassroots.get(org) as UnitSpec;
        names.forEach((villageName, vi) => {
          const id = takeId();
          units.push({
            id,
            org,
            level: 'branch',
            kind: 'residential',
            name: `${BRANCH_PREFIX[org]} ${villageName}`,
            parentId: parent.id,
            path: `${parent.path}.${id}`,
            areaId: (villages[vi] as VillageCtx).areaId,
            difficult,
          });
          branchIds[org].push(id);
        });
      }
      const extraDoanBranches = { school: [] as number[], workplace: [] as number[] };
      const doanProvince = provinceUnitByOrg.get('DOAN') as UnitSpec;
      const addExtra = (kind: 'school' | 'workplace', name: string, branches: string[]) => {
        const gid = takeId();
        const g: UnitSpec = {
          id: gid,
          org: 'DOAN',
          level: 'grassroots',
          kind,
          name,
          parentId: doanProvince.id,
          path: `${doanProvince.path}.${gid}`,
          areaId: commune.id,
          difficult,
        };
        units.push(g);
        for (const b of branches) {
          const id = takeId();
          units.push({
            id,
            org: 'DOAN',
            level: 'branch',
            kind,
            name: b,
            parentId: gid,
            path: `${g.path}.${id}`,
            areaId: commune.id,
            difficult,
          });
          extraDoanBranches[kind].push(id);
        }
      };
      if (school)
        addExtra(
          'school',
          school,
          schoolClasses.map((c) => `Chi đoàn ${c}`),
        );
      if (workplace) addExtra('workplace', workplace.name, workplace.branches);
      await bulkInsert(tx, 'units', UNIT_COLUMNS, units.map(unitRow));
      for (const org of BRANCH_ORGS) ref.branches[org] = [...branchIds[org]];
      formerPlan.push({ code: commune.code, villages, branchIds });
      if (extraDoanBranches.school.length + extraDoanBranches.workplace.length > 0)
        ref.branches.DOAN = [
          ...(ref.branches.DOAN ?? []),
          ...extraDoanBranches.school,
          ...extraDoanBranches.workplace,
        ];

      // Persons and memberships, village by village.
      const personRows: Row[] = [];
      const membershipRows: Row[] = [];
      for (let vi = 0; vi < villages.length; vi++) {
        const village = villages[vi] as VillageCtx;
        const target = rng.int(
          Math.round(spec.personsPerVillage * 0.7),
          Math.round(spec.personsPerVillage * 1.3),
        );
        const ids = await reserveIds(tx, 'persons', target);
        const byBranch = new Map<number, MembershipSpec[]>();
        let made = 0;
        while (made < target) {
          const p = makePerson(rng, ids[made] as number, village, nationalIds);
          const ms: MembershipSpec[] = [];
          for (const org of BRANCH_ORGS) {
            if (!isEligible(org, p)) continue;
            const rate = org === 'DOAN' && p.occupation === 'Học sinh' ? 0.8 : JOIN_RATE[org];
            if (!rng.chance(rate)) continue;
            let unitId = branchIds[org][vi] as number;
            if (org === 'DOAN' && p.occupation === 'Học sinh' && extraDoanBranches.school.length > 0)
              unitId = rng.pick(extraDoanBranches.school);
            else if (
              org === 'DOAN' &&
              p.occupation === 'Công nhân' &&
              extraDoanBranches.workplace.length > 0 &&
              rng.chance(0.5)
            )
              unitId = rng.pick(extraDoanBranches.workplace);
            const { joined } = joinedOn(rng, p, org);
            const left = rng.chance(0.03);
            ms.push({
              personId: p.id,
              org,
              unitId,
              status: left ? 'left' : 'active',
              joinedOn: isoDay(joined),
              leftOn: left ? isoDay(rng.int(joined, REF_DAY)) : null,
              position: null,
              away: p.away,
            });
          }
          // People outside every organization are mostly not in the registers.
          if (ms.length === 0 && !rng.chance(0.05)) continue;
          made++;
          personRows.push([
            p.id,
            p.familyName,
            p.givenName,
            unaccent(`${p.familyName} ${p.givenName}`),
            personSortKey(p.familyName, p.givenName),
            p.birthDate,
            p.birthYear,
            p.gender,
            p.ethnicity,
            p.religion,
            p.phone,
            p.nationalId,
            p.occupation,
            p.education,
            p.partyStatus,
            p.veteran,
            p.homeAreaId,
            p.away,
            p.awayPlace,
            p.awaySince,
            p.awayContact,
          ]);
          for (const m of ms) {
            const list = byBranch.get(m.unitId) ?? [];
            list.push(m);
            byBranch.set(m.unitId, list);
          }
        }
        // Branch cadres: 1–3 active members who live at home.
        for (const [, list] of byBranch) {
          const candidates = list.filter((m) => m.status === 'active' && !m.away);
          const org = (list[0] as MembershipSpec).org;
          const n = Math.min(candidates.length, rng.int(1, 3));
          rng.sample(candidates, n).forEach((m, i) => {
            m.position = POSITIONS[org][i] ?? null;
          });
          for (const m of list)
            membershipRows.push([m.personId, m.org, m.unitId, m.status, m.joinedOn, m.leftOn, m.position]);
        }
        personsSoFar += made;
        if (personRows.length >= 5000) await bulkInsert(tx, 'persons', PERSON_COLUMNS, personRows.splice(0));
        if (membershipRows.length >= 5000) {
          if (personRows.length > 0) await bulkInsert(tx, 'persons', PERSON_COLUMNS, personRows.splice(0));
          await bulkInsert(tx, 'memberships', MEMBERSHIP_COLUMNS, membershipRows.splice(0));
        }
      }
      await bulkInsert(tx, 'persons', PERSON_COLUMNS, personRows);
      await bulkInsert(tx, 'memberships', MEMBERSHIP_COLUMNS, membershipRows);
    });
    refs.communes.push(ref);
    progress('communes', ci + 1, communes.length);
    progress('persons', personsSoFar, Math.max(estimatedPersons, personsSoFar));
  }

  // The registers' history, after every live member (so the live members' ids and data do not depend on it).
  if (spec.formerPerVillage) {
    for (const commune of formerPlan) {
      await seedFormerMembers(db, commune, spec.formerPerVillage, opts.seedNumber, nationalIds);
      progress('former', formerPlan.indexOf(commune) + 1, formerPlan.length);
    }
  }

  // A year of meetings, once every commune's members exist (bulk: see seedMeetings).
  let meetingCounts: MeetingSeedCounts = { meetings: 0, attendance: 0, discussions: 0 };
  if (opts.meetings ?? true) {
    meetingCounts = await seedMeetings(db, {
      seedNumber: opts.seedNumber,
      communes: refs.communes.map((c) => ({ code: c.code, branchIds: Object.values(c.branches).flat() })),
      referenceDate: SEED_REFERENCE_DATE,
      model: opts.meetingModel ?? spec.meetingModel,
      onProgress: (done, total) => progress('meetings', done, total),
    });
  }

  progress('counting', 0, 1);
  const counts = await queryRows<Record<string, number | string>>(
    db,
    sql`select
      (select count(*) from areas) as areas,
      (select count(*) from areas where kind = 'former_commune') as former,
      (select count(*) from areas where level = 3) as villages,
      (select count(*) from units) as units,
      (select count(*) from units where level = 'branch') as branches,
      (select count(*) from persons) as persons,
      (select count(*) from memberships) as memberships`,
  );
  const c = counts[0] ?? {};
  const byOrg = await queryRows<{ org: string; n: number | string }>(
    db,
    sql`select organization_code as org, count(*) as n from memberships group by 1 order by 1`,
  );
  progress('counting', 1, 1);
  return {
    areas: Number(c.areas),
    formerCommunes: Number(c.former),
    villages: Number(c.villages),
    units: Number(c.units),
    branches: Number(c.branches),
    persons: Number(c.persons),
    memberships: Number(c.memberships),
    byOrganization: Object.fromEntries(byOrg.map((r) => [r.org, Number(r.n)])),
    elapsedMs: Date.now() - started,
    meetings: meetingCounts,
    refs,
  };
}
