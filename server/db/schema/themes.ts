import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { units } from './units';

/** A month's theme material (chủ điểm sinh hoạt), published by a unit to every branch below it. */
export const themes = pgTable(
  'themes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the publishing unit (province or grassroots level); branches below it may use the theme */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** 'yyyy-mm' */
    month: text('month').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('themes_unit_month_idx').on(t.unitId, t.month),
    index('themes_month_idx').on(t.month),
    check('themes_month_chk', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);
