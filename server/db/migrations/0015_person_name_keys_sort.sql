DROP INDEX "person_name_keys_key_idx";--> statement-breakpoint
ALTER TABLE "person_name_keys" ADD COLUMN "sort_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "person_name_keys" ADD COLUMN "birth_order" date;--> statement-breakpoint
UPDATE person_name_keys k SET sort_key = p.sort_key, birth_order = coalesce(p.birth_date, make_date(p.birth_year, 1, 1))
  FROM persons p WHERE p.id = k.person_id;--> statement-breakpoint
CREATE INDEX "person_name_keys_key_sort_idx" ON "person_name_keys" USING btree ("key" text_pattern_ops,"person_id","sort_key" collate "C","birth_order");--> statement-breakpoint
-- The keys now carry the person's sort key and birth order: rebuilt when any of them changes.
CREATE OR REPLACE FUNCTION person_name_keys_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM person_name_keys k USING old_rows o, new_rows n
      WHERE k.person_id = o.id AND n.id = o.id
        AND (n.search_text, n.sort_key, n.birth_date, n.birth_year)
          IS DISTINCT FROM (o.search_text, o.sort_key, o.birth_date, o.birth_year);
    INSERT INTO person_name_keys (person_id, key, sort_key, birth_order)
      SELECT DISTINCT n.id, array_to_string(w[i:], ' '), n.sort_key, coalesce(n.birth_date, make_date(n.birth_year, 1, 1))
      FROM new_rows n JOIN old_rows o ON o.id = n.id
          AND (n.search_text, n.sort_key, n.birth_date, n.birth_year)
            IS DISTINCT FROM (o.search_text, o.sort_key, o.birth_date, o.birth_year),
        LATERAL string_to_array(n.search_text, ' ') w, LATERAL generate_subscripts(w, 1) i
      WHERE w[i] <> ''
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO person_name_keys (person_id, key, sort_key, birth_order)
      SELECT DISTINCT n.id, array_to_string(w[i:], ' '), n.sort_key, coalesce(n.birth_date, make_date(n.birth_year, 1, 1))
      FROM new_rows n, LATERAL string_to_array(n.search_text, ' ') w, LATERAL generate_subscripts(w, 1) i
      WHERE w[i] <> ''
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
