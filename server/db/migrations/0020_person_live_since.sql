ALTER TABLE "person_live" ADD COLUMN "since" date DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
CREATE INDEX "person_live_since_idx" ON "person_live" USING btree ("since");--> statement-breakpoint
-- person_live also keeps when each live person's earliest live membership began, so the dashboard can count the
-- province's people at an earlier day from the few who joined or left since (decision 0017).
CREATE OR REPLACE FUNCTION person_live_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_live AS l (person_id, since)
      SELECT n.person_id, min(coalesce(n.joined_on, '-infinity'::date)) FROM new_rows n
      WHERE n.status IN ('active', 'transferring') GROUP BY n.person_id
      ON CONFLICT (person_id) DO UPDATE SET since = EXCLUDED.since WHERE EXCLUDED.since < l.since;
  ELSIF TG_OP = 'DELETE' THEN
    WITH a AS (SELECT DISTINCT person_id FROM old_rows),
    s AS (
      SELECT a.person_id, bool_or(m.status IN ('active', 'transferring')) AS live,
        min(coalesce(m.joined_on, '-infinity'::date)) FILTER (WHERE m.status IN ('active', 'transferring')) AS since
      FROM a LEFT JOIN memberships m ON m.person_id = a.person_id GROUP BY a.person_id),
    d AS (DELETE FROM person_live l USING s WHERE l.person_id = s.person_id AND NOT coalesce(s.live, false))
    UPDATE person_live l SET since = s.since FROM s
      WHERE l.person_id = s.person_id AND s.live AND l.since IS DISTINCT FROM s.since;
  ELSE
    WITH a AS (SELECT person_id FROM old_rows UNION SELECT person_id FROM new_rows),
    s AS (
      SELECT a.person_id, bool_or(m.status IN ('active', 'transferring')) AS live,
        min(coalesce(m.joined_on, '-infinity'::date)) FILTER (WHERE m.status IN ('active', 'transferring')) AS since
      FROM a LEFT JOIN memberships m ON m.person_id = a.person_id GROUP BY a.person_id),
    d AS (DELETE FROM person_live l USING s WHERE l.person_id = s.person_id AND NOT coalesce(s.live, false))
    INSERT INTO person_live AS l (person_id, since)
      SELECT person_id, since FROM s WHERE s.live
      ON CONFLICT (person_id) DO UPDATE SET since = EXCLUDED.since WHERE l.since IS DISTINCT FROM EXCLUDED.since;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
UPDATE person_live l SET since = s.since
FROM (SELECT person_id, min(coalesce(joined_on, '-infinity'::date)) AS since FROM memberships
  WHERE status IN ('active', 'transferring') GROUP BY person_id) s
WHERE l.person_id = s.person_id;
