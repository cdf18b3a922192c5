import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Uploaded files (a photo of a signed attendance sheet, a theme's attachments), stored in the database so
 * they are written in the same transaction as their owner and every server instance sees them.
 */
export const files = pgTable(
  'files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** meeting | theme (later: opinion) */
    ownerType: text('owner_type').notNull(),
    ownerId: integer('owner_id').notNull(),
    /** what the file is to its owner: signed_sheet | photo | attachment */
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    /** checked against the file's first bytes, not taken from the upload */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    data: bytea('data').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerType, t.ownerId),
    check('files_size_chk', sql`${t.sizeBytes} > 0`),
  ],
);
