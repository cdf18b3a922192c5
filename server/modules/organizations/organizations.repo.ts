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

const RULE_COLUMNS = sql`id, kind, unit_kind as "unitKind", value, effective_from::text as "effectiveFrom",
  effective_to::text as "effectiveTo", source`;

/** Rule versions of an organization, newest first. */
export async function listRules(db: DbOrTx, code: string): Promise<OrganizationRule[]> {
  return rows<OrganizationRule>(
    db,
    sql`
    select ${RULE_COLUMNS} from organization_rules
    where organization_code = ${code}
    order by effective_from desc, id desc`,
  );
}

/** The latest version (by start) of one (organization, kind, unit kind) rule. */
export async function latestRule(db: DbOrTx, code: string, kind: string, unitKind: string | null) {
  return one<OrganizationRule>(
    db,
    sql`
    select ${RULE_COLUMNS} from organization_rules
    where organization_code = ${code} and kind = ${kind} and unit_kind is not distinct from ${unitKind}
    order by effective_from desc, id desc limit 1`,
  );
}

export async function closeRule(db: DbOrTx, id: number, effectiveTo: string) {
  await db.execute(sql`update organization_rules set effective_to = ${effectiveTo}::date where id = ${id}`);
}

export async function insertRule(
  db: DbOrTx,
  r: {
    code: string;
    kind: string;
    unitKind: string | null;
    value: unknown;
    effectiveFrom: string;
    source: string | null;
  },
): Promise<OrganizationRule> {
  const created = await one<OrganizationRule>(
    db,
    sql`
    insert into organization_rules (organization_code, kind, unit_kind, value, effective_from, source)
    values (${r.code}, ${r.kind}, ${r.unitKind}, ${JSON.stringify(r.value)}::jsonb, ${r.effectiveFrom}::date, ${r.source})
    returning ${RULE_COLUMNS}`,
  );
  return created as OrganizationRule;
}
