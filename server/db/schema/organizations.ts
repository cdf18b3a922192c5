import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { units } from './units';

/** The mass organizations (DOAN, PHUNU, NONGDAN, CCB, NCT, MTTQ, CONGDOAN). */
export const organizations = pgTable('organizations', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  shortNameVi: text('short_name_vi').notNull(),
  memberTerm: text('member_term').notNull(),
  branchTerm: text('branch_term').notNull(),
  subBranchTerm: text('sub_branch_term').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * Effective-dated rules of an organization (meeting rhythm, age limits, eligibility, dues).
 * A rule applies from effective_from until the day before effective_to (null = open-ended).
 * unit_kind narrows a rule to one kind of unit (e.g. school branches); null applies to all.
 * unit_id narrows it to one special unit; it beats a unit-kind rule, which beats a general one.
 */
export const organizationRules = pgTable(
  'organization_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organizationCode: text('organization_code')
      .notNull()
      .references(() => organizations.code),
    kind: text('kind').notNull(),
    unitKind: text('unit_kind'),
    unitId: integer('unit_id').references(() => units.id),
    value: jsonb('value').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organization_rules_org_kind_idx').on(t.organizationCode, t.kind, t.effectiveFrom),
    index('organization_rules_unit_idx').on(t.unitId),
    check('organization_rules_target_chk', sql`${t.unitKind} is null or ${t.unitId} is null`),
    check(
      'organization_rules_period_chk',
      sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`,
    ),
  ],
);
