import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { areas } from './areas';
import { organizations } from './organizations';
import { units } from './units';

/** A person, stored once whatever organizations they belong to. */
export const persons = pgTable(
  'persons',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** họ và tên đệm */
    familyName: text('family_name').notNull(),
    /** tên (given name, the sort key) */
    givenName: text('given_name').notNull(),
    /** unaccented lowercase "family given" for search without diacritics (its word-starts: person_name_keys) */
    searchText: text('search_text').notNull(),
    /** Vietnamese collation key: given name, then family name */
    sortKey: text('sort_key').notNull(),
    birthDate: date('birth_date'),
    /** set alone when only the year is known */
    birthYear: integer('birth_year'),
    /** M | F */
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity'),
    religion: text('religion'),
    phone: text('phone'),
    nationalId: text('national_id'),
    occupation: text('occupation'),
    education: text('education'),
    /** none | probationary | full */
    partyStatus: text('party_status').notNull().default('none'),
    veteran: boolean('veteran').notNull().default(false),
    homeAreaId: integer('home_area_id').references(() => areas.id),
    awayFromHome: boolean('away_from_home').notNull().default(false),
    awayPlace: text('away_place'),
    awaySince: date('away_since'),
    awayContact: text('away_contact'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the Vietnamese name order (lists walk it) and duplicate probes (same name and birth date)
    index('persons_name_birth_idx').on(sql`${t.sortKey} collate "C"`, t.birthDate),
    index('persons_phone_idx').on(t.phone),
    // search by part of a phone number ("last 6 digits")
    index('persons_phone_trgm').using('gin', t.phone.op('gin_trgm_ops')),
    index('persons_national_id_idx').on(t.nationalId).where(sql`${t.nationalId} is not null`),
    index('persons_home_area_idx').on(t.homeAreaId),
    // the few working away from home, for the dashboard's count
    index('persons_away_idx').on(t.id).where(sql`${t.awayFromHome}`),
  ],
);

/**
 * Every word-start of each person's search_text ("tran van hung", "van hung", "hung"), kept by statement
 * triggers on persons (migration 0012), so "a word of the name starts with the text" is a btree range scan
 * (key like 'van h%') instead of a trigram scan whose common trigrams ("ngu", "thi") match half the province.
 */
export const personNameKeys = pgTable(
  'person_name_keys',
  {
    /** no foreign key: the rows are written only by persons' own triggers, and a delete trigger removes them */
    personId: integer('person_id').notNull(),
    key: text('key').notNull(),
    /** copies of the person's sort_key and birth order, so a broad search sorts its matches from the index */
    sortKey: text('sort_key').notNull().default(''),
    /** birth_date, or 1 January of birth_year when only the year is known */
    birthOrder: date('birth_order'),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.key] }),
    index('person_name_keys_key_sort_idx').on(
      t.key.op('text_pattern_ops'),
      t.personId,
      sql`${t.sortKey} collate "C"`,
      t.birthOrder,
    ),
  ],
);

/** A person's membership of one organization, held in one unit. */
export const memberships = pgTable(
  'memberships',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    organizationCode: text('organization_code')
      .notNull()
      .references(() => organizations.code),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** active | transferring | left | removed | deceased | aged_out | merged (a second live copy folded into the kept person's) */
    status: text('status').notNull().default('active'),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    /** a cadre position in the branch (bí thư, phó bí thư, chi hội trưởng…) or null */
    position: text('position'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('memberships_unit_status_idx').on(t.unitId, t.status),
    index('memberships_person_idx').on(t.personId),
    // scoped member lists read only live memberships: unit → person (and position) without the heap
    index('memberships_live_unit_idx')
      .on(t.unitId, t.personId, t.position)
      .where(sql`${t.status} in ('active', 'transferring')`),
    // one live membership per person and organization: a single organization's people are its memberships
    uniqueIndex('memberships_live_person_org_uq')
      .on(t.personId, t.organizationCode)
      .where(sql`${t.status} in ('active', 'transferring')`),
    // the dashboard's people at an earlier date: the memberships that began or ended after it
    index('memberships_joined_idx').on(t.joinedOn),
    index('memberships_left_idx').on(t.leftOn).where(sql`${t.leftOn} is not null`),
    index('memberships_cadre_idx')
      .on(t.unitId, t.personId)
      .where(sql`${t.position} is not null and ${t.status} in ('active', 'transferring')`),
  ],
);

/**
 * Active (and in-transit) memberships held directly in each unit, kept current by statement-level
 * triggers on memberships (migration 0003), so subtree totals never scan the memberships table.
 */
export const unitMemberCounts = pgTable('unit_member_counts', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  members: integer('members').notNull().default(0),
  /** live memberships whose person works away from home (persons.away_from_home) */
  away: integer('away').notNull().default(0),
  /** live memberships holding a cadre position (memberships.position) */
  cadres: integer('cadres').notNull().default(0),
  /** of those, the ones whose person is a Party member (probationary or full) */
  cadresParty: integer('cadres_party').notNull().default(0),
});

/**
 * Changes to unit_member_counts' away / cadres / cadres_party per unit and month in which they were recorded
 * (Vietnam time), kept by the same triggers (migration 0019): the value at the end of an earlier month is the
 * current count minus the changes recorded after it — for months since recording began (stock_recording).
 */
export const unitStockChanges = pgTable(
  'unit_stock_changes',
  {
    unitId: integer('unit_id').notNull(),
    /** the first day of the month the change was recorded in */
    month: date('month').notNull(),
    away: integer('away').notNull().default(0),
    cadres: integer('cadres').notNull().default(0),
    cadresParty: integer('cadres_party').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] }), index('unit_stock_changes_month_idx').on(t.month)],
);

/** One row: the first month whose end-of-month stock figures unit_stock_changes can give (its migration's month). */
export const stockRecording = pgTable('stock_recording', {
  id: integer('id').primaryKey().default(1),
  startedOn: date('started_on').notNull(),
});

/**
 * Every person with at least one live membership (active or in transit), kept by statement triggers on
 * memberships (migration 0018): the province's distinct people without a pass over every membership.
 */
export const personLive = pgTable(
  'person_live',
  {
    personId: integer('person_id').primaryKey(),
    /** the earliest joined_on of the person's live memberships ('-infinity' when one has none) */
    since: date('since').notNull().default(sql`'-infinity'`),
  },
  (t) => [index('person_live_since_idx').on(t.since)],
);

/**
 * Admissions and departures per unit and month (joined_on; left_on of ended memberships), counted in the unit the
 * membership is in now, kept by statement triggers on memberships (migration 0018).
 */
export const unitMonthFlows = pgTable(
  'unit_month_flows',
  {
    unitId: integer('unit_id').notNull(),
    /** the first day of the month */
    month: date('month').notNull(),
    admitted: integer('admitted').notNull().default(0),
    left: integer('left').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] }), index('unit_month_flows_month_idx').on(t.month)],
);
