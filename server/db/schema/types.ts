import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree path (labels are numeric ids joined by dots, e.g. "1.23.456"). */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});
