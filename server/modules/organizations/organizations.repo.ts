import { sql } from 'drizzle-orm';
import type { Organization, OrganizationRule } from '../../../contracts/organizations';
import type { DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';

export async function listOrganizations(db: DbOrTx): Promise<Organization[]> {
  return rows<Organization>(
    db,
    sql`
    select code, name_vi as "nameVi", name_en as "nameEn", short_name_vi as "shortNameVi",
      member_term as "memberTerm", branch_term as "branchTerm"
    from organizations order by sort_order, code`,
  );
}

/** The organization row, locked when `forUpdate` so rule versions of one organization are written one at a time. */
export async function findOrganization(db: DbOrTx, code: string, forUpdate = false) {
  return one<{ code: string }>(
    db,
    sql`select code from organizations where code = ${code} ${forUpdate ? sql`for update` : sql``}`,
  );
}

const RULE_COLUMNS = sql`r.id, r.kind, r.unit_kind as "unitKind", r.unit_id as "unitId", ru.name as "unitName", r.value,
  r.effective_from::text as "effectiveFrom", r.effective_to::text as "effectiveTo", r.source`;
const RULES_FROM = sql`organization_rules r left join units ru on ru.id = r.unit_id`;

/** Rule versions of an organization, newest first. */
export async function listRules(db: DbOrTx, code: string): Promise<OrganizationRule[]> {
  return rows<OrganizationRule>(
    db,
    sql`
    select ${RULE_COLUMNS} from ${RULES_FROM}
    where r.organization_code = ${code}
    order by r.effective_from desc, r.id desc`,
  );
}

/** What a rule applies to: every unit (both null), one unit kind, or one special unit. */
export interface RuleTarget {
  unitKind: string | null;
  unitId: number | null;
}

/** The latest version (by start) of one (organization, kind, target) rule. */
export async function latestRule(db: DbOrTx, code: string, kind: string, target: RuleTarget) {
  return one<OrganizationRule>(
    db,
    sql`
    select ${RULE_COLUMNS} from ${RULES_FROM}
    where r.organization_code = ${code} and r.kind = ${kind} and r.unit_kind is not distinct from ${target.unitKind}
      and r.unit_id is not distinct from ${target.unitId}::int
    order by r.effective_from desc, r.id desc limit 1`,
  );
}

export async function closeRule(db: DbOrTx, id: number, effectiveTo: string) {
  await db.execute(sql`update organization_rules set effective_to = ${effectiveTo}::date where id = ${id}`);
}

export async function insertRule(
  db: DbOrTx,
  r: RuleTarget & {
    code: string;
    kind: string;
    value: unknown;
    effectiveFrom: string;
    effectiveTo: string | null;
    source: string | null;
  },
): Promise<OrganizationRule> {
  const ins = await one<{ id: number }>(
    db,
    sql`
    insert into organization_rules (organization_code, kind, unit_kind, unit_id, value, effective_from, effective_to, source)
    values (${r.code}, ${r.kind}, ${r.unitKind}, ${r.unitId}, ${JSON.stringify(r.value)}::jsonb, ${r.effectiveFrom}::date,
      ${r.effectiveTo}::date, ${r.source})
    returning id`,
  );
  const created = await one<OrganizationRule>(
    db,
    sql`select ${RULE_COLUMNS} from ${RULES_FROM} where r.id = ${ins?.id ?? 0}`,
  );
  return created as OrganizationRule;
}
