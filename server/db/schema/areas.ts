import { boolean, date, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ltree } from './types';

/**
 * Administrative areas with history: province → commune/ward → village/residential group.
 * Former communes (before 1 July 2025) stay as inactive rows (valid_to set) linked to their successors.
 */
export const areas = pgTable(
  'areas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** province | xa | phuong | thon | to_dan_pho | former_commune */
    kind: text('kind').notNull(),
    /** 1 province, 2 commune/ward, 3 village/residential group */
    level: integer('level').notNull(),
    parentId: integer('parent_id'),
    path: ltree('path').notNull(),
    searchText: text('search_text').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    uniqueIndex('areas_code_kind_uq').on(t.code, t.kind),
    index('areas_path_gist').using('gist', t.path),
    index('areas_parent_idx').on(t.parentId),
  ],
);

/** Which current area(s) a former area was merged into (whole = the entire former area joined). */
export const areaSuccessions = pgTable(
  'area_successions',
  {
    formerAreaId: integer('former_area_id')
      .notNull()
      .references(() => areas.id),
    successorAreaId: integer('successor_area_id')
      .notNull()
      .references(() => areas.id),
    whole: boolean('whole').notNull(),
    effectiveOn: date('effective_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.formerAreaId, t.successorAreaId] })],
);
