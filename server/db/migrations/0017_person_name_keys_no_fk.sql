ALTER TABLE "person_name_keys" DROP CONSTRAINT "person_name_keys_person_id_persons_id_fk";
--> statement-breakpoint
DROP INDEX "persons_sort_idx";--> statement-breakpoint
-- person_name_keys loses its foreign key (one row-level check per key: a second of a 100,000-row import); the
-- keys of deleted persons go with them through this statement trigger instead of ON DELETE CASCADE.
CREATE OR REPLACE FUNCTION person_name_keys_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_name_keys k USING old_rows o WHERE k.person_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_name_keys_delete AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_keys_forget();
