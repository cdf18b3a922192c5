import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { persons } from './people';
import { units } from './units';

/**
 * A unit's periodic report (quarter, half-year, year). Workflow: draft → submitted → approved → locked, one level
 * at a time (the unit writes and submits; the level above approves or returns it, then locks it). `figures` is the
 * frozen copy of the indicators, taken at submission and kept unchanged once locked.
 */
export const unitReports = pgTable(
  'unit_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Period key: 2026-Q4, 2026-H2, 2026. */
    periodKey: text('period_key').notNull(),
    status: text('status').notNull().default('draft'),
    /** Số và ký hiệu, e.g. "15-BC/ĐTN". */
    number: text('number'),
    place: text('place'),
    signedOn: date('signed_on'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    recipients: text('recipients'),
    /** Editable narrative sections: [{ key, title, text }]. */
    narrative: jsonb('narrative').notNull().default(sql`'[]'::jsonb`),
    /** Frozen indicator values (the dashboard's figures and per-child rows) from submission on. */
    figures: jsonb('figures'),
    figuresAt: timestamp('figures_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: text('locked_by'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('unit_reports_unit_period_uq').on(t.unitId, t.periodKey),
    index('unit_reports_period_idx').on(t.periodKey, t.status),
    check('unit_reports_status_chk', sql`${t.status} in ('draft', 'submitted', 'approved', 'locked')`),
  ],
);

/** Every step of a report's workflow, with who and why (returned with a reason). */
export const unitReportEvents = pgTable(
  'unit_report_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => unitReports.id, { onDelete: 'cascade' }),
    /** created | edited | submitted | returned | approved | locked */
    action: text('action').notNull(),
    reason: text('reason'),
    actorId: text('actor_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_report_events_report_idx').on(t.reportId, t.at)],
);

/**
 * An organization's classification scheme (xếp loại): the levels and, per criterion, the threshold each level
 * needs. Criteria and thresholds are configurable (DOMAIN.md §5: no published thresholds).
 * criteria: [{ key, label, metric, thresholds: { [levelCode]: number } }]; levels: [{ code, name }] best first.
 */
export const classificationSchemes = pgTable('classification_schemes', {
  organizationCode: text('organization_code')
    .primaryKey()
    .references(() => organizations.code),
  levels: jsonb('levels').notNull(),
  criteria: jsonb('criteria').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A branch's classification for a year: the automatic proposal with its reasons, and the officer's decision. */
export const unitClassifications = pgTable(
  'unit_classifications',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    proposedLevel: text('proposed_level').notNull(),
    /** [{ criterion, label, value, needed, level, met }] — why the proposal is what it is. */
    reasons: jsonb('reasons').notNull(),
    metrics: jsonb('metrics').notNull(),
    /** The confirmed level (= proposed, or overridden with a reason); null while only proposed. */
    level: text('level'),
    overrideReason: text('override_reason'),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.year] }),
    index('unit_classifications_year_idx').on(t.year, t.level),
  ],
);

/** A commune or province unit's plan implementing the directive, for a span of periods. */
export const implementationPlans = pgTable(
  'implementation_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    number: text('number'),
    issuedOn: date('issued_on'),
    /** The period the targets are for (a year, half-year or quarter key). */
    periodKey: text('period_key').notNull(),
    body: text('body'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('implementation_plans_unit_idx').on(t.unitId, t.periodKey)],
);

/**
 * A plan's target for one indicator at one unit: the plan's own unit, or a unit below it the target was cascaded
 * to (same value by default, adjustable per unit).
 */
export const planTargets = pgTable(
  'plan_targets',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => implementationPlans.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    indicator: text('indicator').notNull(),
    target: numeric('target').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.unitId, t.indicator] }),
    index('plan_targets_unit_idx').on(t.unitId),
  ],
);

/**
 * Party development (DOMAIN.md §6): a member introduced by their branch to the Party, and the later stages.
 * stage: identified | course | introduced | admitted | full.
 */
export const partyIntroductions = pgTable(
  'party_introductions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    stage: text('stage').notNull(),
    stageOn: date('stage_on').notNull(),
    decisionNo: text('decision_no'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('party_introductions_unit_idx').on(t.unitId, t.stageOn),
    index('party_introductions_person_idx').on(t.personId),
    check(
      'party_introductions_stage_chk',
      sql`${t.stage} in ('identified', 'course', 'introduced', 'admitted', 'full')`,
    ),
  ],
);
