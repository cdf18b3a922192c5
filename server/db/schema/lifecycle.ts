import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { memberships, persons } from './people';
import { units } from './units';

/**
 * The dated history of a membership (the branch's books: admissions, transfers in and out, leaving, deaths).
 * Never updated or deleted; a merge of two persons moves the rows to the person kept.
 */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => memberships.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    organizationCode: text('organization_code')
      .notNull()
      .references(() => organizations.code),
    /**
     * admitted | imported | transfer_issued | transfer_accepted | transfer_refused | transfer_recalled |
     * stay_started | stay_ended | left | removed | deceased | aged_out | merged | restored
     */
    kind: text('kind').notNull(),
    /** the day it took effect (the decision's date), not when it was typed in */
    onDate: date('on_date').notNull(),
    /** số quyết định, where one exists */
    decisionNo: text('decision_no'),
    reason: text('reason'),
    /** the unit the membership was in when it happened */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** the other side: the receiving / sending / host unit */
    otherUnitId: integer('other_unit_id').references(() => units.id),
    transferId: integer('transfer_id'),
    actorUserId: text('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('membership_events_membership_idx').on(t.membershipId, t.onDate),
    index('membership_events_person_idx').on(t.personId),
    index('membership_events_unit_idx').on(t.unitId, t.onDate),
    check(
      'membership_events_kind_chk',
      sql`${t.kind} in ('admitted', 'imported', 'transfer_issued', 'transfer_accepted', 'transfer_refused',
        'transfer_recalled', 'stay_started', 'stay_ended', 'left', 'removed', 'deceased', 'aged_out', 'merged',
        'restored')`,
    ),
  ],
);

/**
 * A two-sided move of a membership between units (chuyển sinh hoạt), or a temporary stay (sinh hoạt tạm)
 * at a host branch for a member working away. A transfer: issued by the sending unit (membership status
 * 'transferring', still counted once, in the sending unit) → accepted (the membership moves) | refused with a
 * reason | recalled by the sender (back to 'active'). A stay: issued by the home unit, accepted by the host,
 * ended by either; the membership never leaves home.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** transfer | stay */
    kind: text('kind').notNull(),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => memberships.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    organizationCode: text('organization_code')
      .notNull()
      .references(() => organizations.code),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: integer('to_unit_id')
      .notNull()
      .references(() => units.id),
    /** pending | accepted | refused | recalled | ended (a stay that is over) */
    status: text('status').notNull().default('pending'),
    issuedOn: date('issued_on').notNull(),
    decisionNo: text('decision_no'),
    reason: text('reason'),
    /** a stay's planned end */
    until: date('until'),
    issuedBy: text('issued_by').notNull(),
    decidedOn: date('decided_on'),
    decidedBy: text('decided_by'),
    /** why it was refused / recalled / ended */
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('transfers_to_idx').on(t.toUnitId, t.status),
    index('transfers_from_idx').on(t.fromUnitId, t.status),
    index('transfers_person_idx').on(t.personId),
    // one open transfer (pending) or open stay (pending/accepted) per membership
    uniqueIndex('transfers_one_open_idx')
      .on(t.membershipId)
      .where(sql`${t.status} = 'pending' or (${t.kind} = 'stay' and ${t.status} = 'accepted')`),
    check('transfers_kind_chk', sql`${t.kind} in ('transfer', 'stay')`),
    check(
      'transfers_status_chk',
      sql`${t.status} in ('pending', 'accepted', 'refused', 'recalled', 'ended')`,
    ),
    check('transfers_units_chk', sql`${t.fromUnitId} <> ${t.toUnitId}`),
  ],
);

/** Two persons found alike that an officer said are different people: not offered again. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    /** the smaller id first */
    personA: integer('person_a')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    personB: integer('person_b')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    dismissedBy: text('dismissed_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('duplicate_dismissals_pair_idx').on(t.personA, t.personB),
    check('duplicate_dismissals_order_chk', sql`${t.personA} < ${t.personB}`),
  ],
);

/**
 * A merge of two records of one person: everything of the merged person moved to the kept one, and the
 * merged person's row (deleted) kept here as it was, so the merge can be read back.
 */
export const personMerges = pgTable(
  'person_merges',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    keptPersonId: integer('kept_person_id')
      .notNull()
      .references(() => persons.id),
    /** the id the merged person had (its row is gone) */
    mergedPersonId: integer('merged_person_id').notNull(),
    /** the merged person's row, and which of its fields were copied to the kept one */
    snapshot: jsonb('snapshot').notNull(),
    mergedBy: text('merged_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_merges_kept_idx').on(t.keptPersonId)],
);

/**
 * A change to their own profile a member proposes from the phone; the branch head approves (applied then,
 * audited) or rejects it with a reason. One row per field.
 */
export const profileCorrections = pgTable(
  'profile_corrections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    /** the branch whose head decides (the person's live membership's unit when proposed) */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    field: text('field').notNull(),
    /** as stored, normalised */
    oldValue: text('old_value'),
    newValue: text('new_value'),
    note: text('note'),
    /** pending | approved | rejected | withdrawn */
    status: text('status').notNull().default('pending'),
    proposedBy: text('proposed_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('profile_corrections_unit_idx').on(t.unitId, t.status),
    index('profile_corrections_person_idx').on(t.personId, t.status),
    // one pending proposal per field
    uniqueIndex('profile_corrections_pending_idx')
      .on(t.personId, t.field)
      .where(sql`${t.status} = 'pending'`),
    check(
      'profile_corrections_status_chk',
      sql`${t.status} in ('pending', 'approved', 'rejected', 'withdrawn')`,
    ),
  ],
);
