/** What checking a row needs to know about the unit being imported into: villages, branches, admission rule. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { invalid } from '../../lib/errors';
import { unaccent } from '../../lib/text';
import { ruleAt } from '../organizations/rules';
import type { UnitRow } from '../units/units.repo';
import type { Eligibility } from './row';

export interface UnitContext {
  unitId: number | null;
  defaultAreaId: number | null;
  memberWord: string;
  eligibility: Eligibility | null;
  areaNames: string[];
  branchNames: string[];
  resolveArea(text: string): { id: number; name: string } | null;
  resolveBranch?(branchText: string | null, areaId: number | null): number | null;
}

const AREA_PREFIX = /^(thon|xom|to dan pho|tdp|to|khoi pho|khoi|khu pho|khu|ban|ap|lang)\s+/;
const BRANCH_PREFIX =
  /^(chi doan|chi hoi phu nu|chi hoi nong dan|chi hoi ccb|chi hoi cuu chien binh|chi hoi nct|chi hoi nguoi cao tuoi|chi hoi)\s+/;

/** "Thôn 03" → "3", "Tổ dân phố Bắc Hà" → "bac ha": what two spellings of one village share. */
export function placeKey(text: string): string {
  return unaccent(text)
    .replace(/[.,;:()"'-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(BRANCH_PREFIX, '')
    .replace(AREA_PREFIX, '')
    .replace(/\b0+(\d)/g, '$1');
}

/** Builds the row-checking context for a unit; refuses units one cannot import members into. */
export async function loadUnitContext(db: DbOrTx, unit: UnitRow, today: string): Promise<UnitContext> {
  if (unit.level === 'province') {
    throw invalid(
      'Chỉ nhập danh sách vào một chi đoàn/chi hội hoặc một cơ sở cấp xã; hãy mở đơn vị đó rồi nhập.',
    );
  }
  if (!unit.active)
    throw invalid('Đơn vị đã ngừng hoạt động hoặc đã hợp nhất: không nhập danh sách vào đây được.');
  const org = await one<{ term: string }>(
    db,
    sql`select member_term as term from organizations where code = ${unit.organizationCode}`,
  );
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
  const rule = ruleAt(rules, 'eligibility', today, { id: unit.id, kind: unit.kind });
  // The commune: the unit's own area for a commune-level unit, else the parent of the branch's village.
  const commune = await one<{ id: number }>(
    db,
    sql`select case when a.kind in ('thon', 'to_dan_pho') then a.parent_id else a.id end as id from areas a where a.id = ${unit.areaId}`,
  );
  const villages = await rows<{ id: number; name: string }>(
    db,
    sql`select id, name from areas where parent_id = ${commune?.id ?? -1} and active order by name`,
  );
  const byKey = new Map<string, { id: number; name: string }>();
  for (const v of villages) {
    byKey.set(placeKey(v.name), v);
    byKey.set(unaccent(v.name), v);
  }
  const resolveArea = (text: string) => byKey.get(placeKey(text)) ?? byKey.get(unaccent(text)) ?? null;
  const base = {
    memberWord: (org?.term ?? 'hội viên').toLocaleLowerCase('vi'),
    eligibility: (rule?.value as Eligibility | undefined) ?? null,
    areaNames: villages.map((v) => v.name),
    resolveArea,
  };
  const branches =
    unit.level === 'grassroots'
      ? await rows<{ id: number; name: string; areaId: number }>(
          db,
          sql`select id, name, area_id as "areaId" from units where parent_id = ${unit.id} and level = 'branch' and active order by name`,
        )
      : [];
  if (branches.length === 0) {
    const isVillage = villages.some((v) => v.id === unit.areaId);
    return { ...base, unitId: unit.id, defaultAreaId: isVillage ? unit.areaId : null, branchNames: [] };
  }
  const branchByKey = new Map<string, number>();
  for (const b of branches) {
    branchByKey.set(placeKey(b.name), b.id);
    branchByKey.set(unaccent(b.name), b.id);
  }
  const branchByArea = new Map<number, number>();
  for (const b of branches) if (!branchByArea.has(b.areaId)) branchByArea.set(b.areaId, b.id);
  return {
    ...base,
    unitId: null,
    defaultAreaId: null,
    branchNames: branches.map((b) => b.name),
    resolveBranch(branchText, areaId) {
      if (branchText)
        return branchByKey.get(placeKey(branchText)) ?? branchByKey.get(unaccent(branchText)) ?? null;
      return areaId === null ? null : (branchByArea.get(areaId) ?? null);
    },
  };
}
