-- Extensions the schema relies on: ltree for unit/area paths, pg_trgm for search without diacritics.
CREATE EXTENSION IF NOT EXISTS ltree;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
