CREATE TABLE "person_name_keys" (
	"person_id" integer NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "person_name_keys_person_id_key_pk" PRIMARY KEY("person_id","key")
);
--> statement-breakpoint
ALTER TABLE "person_name_keys" ADD CONSTRAINT "person_name_keys_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_name_keys_key_idx" ON "person_name_keys" USING btree ("key" text_pattern_ops,"person_id");--> statement-breakpoint
-- The word-starts of a set of persons' search_text: "tran van hung" → "tran van hung", "van hung", "hung".
CREATE OR REPLACE FUNCTION person_name_keys_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM person_name_keys k USING old_rows o, new_rows n
      WHERE k.person_id = o.id AND n.id = o.id AND n.search_text IS DISTINCT FROM o.search_text;
    INSERT INTO person_name_keys (person_id, key)
      SELECT DISTINCT n.id, array_to_string(w[i:], ' ')
      FROM new_rows n JOIN old_rows o ON o.id = n.id AND n.search_text IS DISTINCT FROM o.search_text,
        LATERAL string_to_array(n.search_text, ' ') w, LATERAL generate_subscripts(w, 1) i
      WHERE w[i] <> ''
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO person_name_keys (person_id, key)
      SELECT DISTINCT n.id, array_to_string(w[i:], ' ')
      FROM new_rows n, LATERAL string_to_array(n.search_text, ' ') w, LATERAL generate_subscripts(w, 1) i
      WHERE w[i] <> ''
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_name_keys_insert AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_keys_apply();
--> statement-breakpoint
CREATE TRIGGER persons_name_keys_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_keys_apply();
--> statement-breakpoint
INSERT INTO person_name_keys (person_id, key)
  SELECT DISTINCT p.id, array_to_string(w[i:], ' ')
  FROM persons p, LATERAL string_to_array(p.search_text, ' ') w, LATERAL generate_subscripts(w, 1) i
  WHERE w[i] <> ''
  ON CONFLICT DO NOTHING;
