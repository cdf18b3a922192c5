import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { units } from './units';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * An Excel/CSV member-list import into a unit: upload → mapping → check (preview) → commit. The original file
 * is kept so the job survives the user leaving the page or the server restarting; the commit writes every
 * person and membership in one transaction, so an interrupted import leaves the database as it was.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    createdBy: text('created_by').notNull(),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    fileData: bytea('file_data').notNull(),
    sheetName: text('sheet_name'),
    /** 1-based row of the detected header */
    headerRow: integer('header_row'),
    /** column index → field, e.g. {"1": "fullName", "2": "birthDate"} */
    mapping: jsonb('mapping'),
    /** uploaded | checking | checked | committing | committed | failed | cancelled */
    status: text('status').notNull().default('uploaded'),
    /** all_or_nothing | valid_only (chosen at commit) */
    mode: text('mode'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    duplicateRows: integer('duplicate_rows').notNull().default(0),
    /** what the commit wrote: {persons, memberships, skipped} */
    result: jsonb('result'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('import_jobs_unit_idx').on(t.unitId, t.createdAt),
    check(
      'import_jobs_status_chk',
      sql`${t.status} in ('uploaded', 'checking', 'checked', 'committing', 'committed', 'failed', 'cancelled')`,
    ),
  ],
);

/** Every data row of an import after checking: its normalised values and the problems found in it. */
export const importRows = pgTable(
  'import_rows',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    /** the row number in the sheet, as the user sees it in Excel */
    rowNumber: integer('row_number').notNull(),
    /** the raw cell texts, column index → text */
    raw: jsonb('raw').notNull(),
    /** normalised values by field */
    data: jsonb('data').notNull(),
    /** [{column, field, message}] */
    problems: jsonb('problems').notNull().default(sql`'[]'::jsonb`),
    /** valid | invalid | duplicate */
    status: text('status').notNull(),
    /** the person already in the database this row matches, when it is a duplicate */
    duplicateOfPersonId: integer('duplicate_of_person_id'),
    /** the earlier row of the same file this one repeats */
    duplicateOfRow: integer('duplicate_of_row'),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.rowNumber] }),
    index('import_rows_status_idx').on(t.jobId, t.status),
  ],
);

/** The column mapping a unit last used, by normalised header text, offered again on its next import. */
export const importMappings = pgTable('import_mappings', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  /** normalised header text → field */
  mapping: jsonb('mapping').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
