import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { areas, organizationRules, organizations } from '../db/schema';
import { unaccent } from '../lib/text';
import { bulkInsert, queryRows, reserveIds } from './sql';

export interface AdminUnitsFile {
  province: { code: string; name: string };
  effectiveFrom: string;
  communes: Array<{
    code: string;
    name: string;
    kind: 'xa' | 'phuong';
    formedFrom: Array<{ code: string; name: string; whole: boolean }>;
  }>;
}

let cached: AdminUnitsFile | undefined;
/** The project's copy of the 2025 Hà Tĩnh commune list (server/seed/data). */
export function loadAdminUnits(): AdminUnitsFile {
  if (!cached) {
    const file = join(dirname(fileURLToPath(import.meta.url)), 'data', 'ha-tinh-admin-units-2025.json');
    cached = JSON.parse(readFileSync(file, 'utf8')) as AdminUnitsFile;
  }
  return cached;
}

export const ORGANIZATIONS = [
  {
    code: 'DOAN',
    nameVi: 'Đoàn TNCS Hồ Chí Minh',
    nameEn: 'Ho Chi Minh Communist Youth Union',
    shortNameVi: 'Đoàn',
    memberTerm: 'đoàn viên',
    branchTerm: 'chi đoàn',
    subBranchTerm: 'phân đoàn',
    sortOrder: 1,
  },
  {
    code: 'PHUNU',
    nameVi: 'Hội Liên hiệp Phụ nữ Việt Nam',
    nameEn: "Vietnam Women's Union",
    shortNameVi: 'Hội Phụ nữ',
    memberTerm: 'hội viên',
    branchTerm: 'chi hội phụ nữ',
    subBranchTerm: 'tổ phụ nữ',
    sortOrder: 2,
  },
  {
    code: 'NONGDAN',
    nameVi: 'Hội Nông dân Việt Nam',
    nameEn: "Vietnam Farmers' Union",
    shortNameVi: 'Hội Nông dân',
    memberTerm: 'hội viên',
    branchTerm: 'chi hội nông dân',
    subBranchTerm: 'tổ hội',
    sortOrder: 3,
  },
  {
    code: 'CCB',
    nameVi: 'Hội Cựu chiến binh Việt Nam',
    nameEn: "Vietnam Veterans' Association",
    shortNameVi: 'Hội CCB',
    memberTerm: 'hội viên',
    branchTerm: 'chi hội CCB',
    subBranchTerm: 'tổ hội',
    sortOrder: 4,
  },
  {
    code: 'NCT',
    nameVi: 'Hội Người cao tuổi Việt Nam',
    nameEn: 'Vietnam Association of the Elderly',
    shortNameVi: 'Hội NCT',
    memberTerm: 'hội viên',
    branchTerm: 'chi hội NCT',
    subBranchTerm: 'tổ hội',
    sortOrder: 5,
  },
  {
    code: 'MTTQ',
    nameVi: 'Mặt trận Tổ quốc Việt Nam',
    nameEn: 'Vietnam Fatherland Front',
    shortNameVi: 'Mặt trận',
    memberTerm: 'thành viên',
    branchTerm: 'ban công tác Mặt trận',
    subBranchTerm: '',
    sortOrder: 6,
  },
  {
    code: 'CONGDOAN',
    nameVi: 'Công đoàn Việt Nam',
    nameEn: 'Vietnam General Confederation of Labour',
    shortNameVi: 'Công đoàn',
    memberTerm: 'đoàn viên công đoàn',
    branchTerm: 'công đoàn cơ sở',
    subBranchTerm: 'tổ công đoàn',
    sortOrder: 7,
  },
] as const;

const DEFAULT_NOTE = 'Configurable default (DOMAIN.md: no source found; local practice)';

/** Default organization rules, effective from 2022-01-01; administrators change them as data. */
export const DEFAULT_RULES: ReadonlyArray<{ org: string; kind: string; value: unknown; source: string }> = [
  {
    org: 'DOAN',
    kind: 'meeting_rhythm',
    value: { months: 1 },
    source: 'Điều lệ Đoàn 2022, điều 17.3: "Chi đoàn sinh hoạt định kỳ một tháng một lần"',
  },
  {
    org: 'NONGDAN',
    kind: 'meeting_rhythm',
    value: { months: 3 },
    source: 'Local guidance (An Giang, 2017): chi hội meets every 3 months',
  },
  {
    org: 'NCT',
    kind: 'meeting_rhythm',
    value: { months: 6 },
    source: 'Điều lệ Hội NCT, điều 23: at least every 6 months',
  },
  { org: 'PHUNU', kind: 'meeting_rhythm', value: { months: 3 }, source: `${DEFAULT_NOTE}: quarterly` },
  { org: 'CCB', kind: 'meeting_rhythm', value: { months: 3 }, source: `${DEFAULT_NOTE}: quarterly` },
  {
    org: 'DOAN',
    kind: 'eligibility',
    value: { minAge: 16, maxAge: 30 },
    source: 'HD 22-HD/TWĐTN (2013): admission age 16 to 30',
  },
  {
    org: 'PHUNU',
    kind: 'eligibility',
    value: { gender: 'F', minAge: 18 },
    source: `${DEFAULT_NOTE}: women, usually 18+`,
  },
  {
    org: 'NONGDAN',
    kind: 'eligibility',
    value: { minAge: 18, occupation: 'agriculture' },
    source: `${DEFAULT_NOTE}: working in agriculture`,
  },
  {
    org: 'CCB',
    kind: 'eligibility',
    value: { veteran: true },
    source: `${DEFAULT_NOTE}: veterans and former soldiers`,
  },
  { org: 'NCT', kind: 'eligibility', value: { minAge: 60 }, source: `${DEFAULT_NOTE}: 60+` },
  {
    org: 'DOAN',
    kind: 'dues',
    value: {
      monthly: { unsalaried: 2000, salaried: 5000 },
      keepShare: 0.6667,
      awayPayEveryMonths: 3,
      maxExemptMonths: 6,
    },
    source:
      'NQ 07-NQ/TWĐTN (2010): 2.000 đ/tháng (không lương), 5.000 đ/tháng (có lương); mỗi cấp giữ 2/3, nộp 1/3',
  },
  {
    org: 'PHUNU',
    kind: 'dues',
    value: { monthly: { unsalaried: 1000, salaried: 2000 }, keepShare: 0.7 },
    source: DEFAULT_NOTE,
  },
  {
    org: 'NONGDAN',
    kind: 'dues',
    value: { monthly: { unsalaried: 1000, salaried: 2000 }, keepShare: 0.7 },
    source: DEFAULT_NOTE,
  },
  {
    org: 'CCB',
    kind: 'dues',
    value: { monthly: { unsalaried: 2000, salaried: 3000 }, keepShare: 0.7 },
    source: DEFAULT_NOTE,
  },
  {
    org: 'NCT',
    kind: 'dues',
    value: { monthly: { unsalaried: 1000, salaried: 1000 }, keepShare: 0.7 },
    source: DEFAULT_NOTE,
  },
];

export const RULES_EFFECTIVE_FROM = '2022-01-01';

/**
 * Organizations, default organization rules, the province, its 69 communes (from 1 July 2025) and
 * the former communes they were formed from, with successions. Idempotent: skips what is present.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(organizations)
      .values(ORGANIZATIONS.map((o) => ({ ...o })))
      .onConflictDoNothing();

    for (const rule of DEFAULT_RULES) {
      const existing = await tx
        .select({ id: organizationRules.id })
        .from(organizationRules)
        .where(and(eq(organizationRules.organizationCode, rule.org), eq(organizationRules.kind, rule.kind)))
        .limit(1);
      if (existing.length > 0) continue;
      await tx.insert(organizationRules).values({
        organizationCode: rule.org,
        kind: rule.kind,
        value: rule.value,
        effectiveFrom: RULES_EFFECTIVE_FROM,
        source: rule.source,
      });
    }

    const data = loadAdminUnits();
    const present = await tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.code, data.province.code), eq(areas.kind, 'province')))
      .limit(1);
    if (present.length > 0) return;

    const [provinceId] = await reserveIds(tx, 'areas', 1);
    if (provinceId === undefined) throw new Error('could not reserve an area id');
    const provincePath = String(provinceId);

    const formerByCode = new Map<string, string>();
    for (const c of data.communes)
      for (const f of c.formedFrom) if (!formerByCode.has(f.code)) formerByCode.set(f.code, f.name);
    const formerCodes = [...formerByCode.keys()];

    const ids = await reserveIds(tx, 'areas', data.communes.length + formerCodes.length);
    const rows: Array<Array<string | number | boolean | null>> = [];
    // id, code, name, kind, level, parent_id, path, search_text, valid_from, valid_to, active
    rows.push([
      provinceId,
      data.province.code,
      data.province.name,
      'province',
      1,
      null,
      provincePath,
      unaccent(data.province.name),
      null,
      null,
      true,
    ]);
    const communeIds = new Map<string, number>();
    data.communes.forEach((c, i) => {
      const id = ids[i] as number;
      communeIds.set(c.code, id);
      rows.push([
        id,
        c.code,
        c.name,
        c.kind,
        2,
        provinceId,
        `${provincePath}.${id}`,
        unaccent(c.name),
        data.effectiveFrom,
        null,
        true,
      ]);
    });
    const formerIds = new Map<string, number>();
    formerCodes.forEach((code, i) => {
      const id = ids[data.communes.length + i] as number;
      const name = formerByCode.get(code) as string;
      formerIds.set(code, id);
      rows.push([
        id,
        code,
        name,
        'former_commune',
        2,
        provinceId,
        `${provincePath}.${id}`,
        unaccent(name),
        null,
        '2025-06-30',
        false,
      ]);
    });
    await bulkInsert(
      tx,
      'areas',
      [
        ['id', 'int'],
        ['code', 'text'],
        ['name', 'text'],
        ['kind', 'text'],
        ['level', 'int'],
        ['parent_id', 'int'],
        ['path', 'ltree'],
        ['search_text', 'text'],
        ['valid_from', 'date'],
        ['valid_to', 'date'],
        ['active', 'boolean'],
      ],
      rows,
    );

    const successions = new Map<string, Array<string | number | boolean>>();
    for (const c of data.communes) {
      for (const f of c.formedFrom) {
        const former = formerIds.get(f.code) as number;
        const successor = communeIds.get(c.code) as number;
        successions.set(`${former}:${successor}`, [former, successor, f.whole, data.effectiveFrom]);
      }
    }
    await bulkInsert(
      tx,
      'area_successions',
      [
        ['former_area_id', 'int'],
        ['successor_area_id', 'int'],
        ['whole', 'boolean'],
        ['effective_on', 'date'],
      ],
      [...successions.values()],
    );
  });
}

/** Quick count helper used by the CLI and the demo seeder. */
export async function countRows(db: Db, table: string): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from ${sql.raw(`"${table}"`)}`,
  );
  return Number(rows[0]?.n ?? 0);
}
