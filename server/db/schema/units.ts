import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { areas } from './areas';
import { organizations } from './organizations';
import { ltree } from './types';

/**
 * Organization units, one tree per organization:
 * province committee → grassroots unit → branch (chi đoàn / chi hội) → group (tổ, phân đoàn).
 * path is the ltree of ids from the root, so a subtree is `path <@ root.path`.
 */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organizationCode: text('organization_code')
      .notNull()
      .references(() => organizations.code),
    /** province | grassroots | branch | group */
    level: text('level').notNull(),
    /** residential | workplace | school | profession | interest */
    kind: text('kind').notNull().default('residential'),
    name: text('name').notNull(),
    searchText: text('search_text').notNull(),
    parentId: integer('parent_id'),
    path: ltree('path').notNull(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    difficultArea: boolean('difficult_area').notNull().default(false),
    special: boolean('special').notNull().default(false),
    active: boolean('active').notNull().default(true),
    mergedIntoId: integer('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_path_gist').using('gist', t.path),
    index('units_parent_idx').on(t.parentId),
    index('units_area_idx').on(t.areaId),
    index('units_org_level_idx').on(t.organizationCode, t.level),
    index('units_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** History of a unit: created, renamed, moved, merged (before/after kept as JSON). */
export const unitEvents = pgTable(
  'unit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    actorUserId: text('actor_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_events_unit_idx').on(t.unitId, t.at)],
);
