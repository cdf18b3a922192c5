-- Keeps unit_member_counts current on every write to memberships, one statement at a time
-- (transition tables: a bulk insert of 5,000 rows costs one grouped upsert, not 5,000).
CREATE OR REPLACE FUNCTION unit_member_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO unit_member_counts AS c (unit_id, members)
      SELECT unit_id, count(*) FROM new_rows WHERE status IN ('active', 'transferring') GROUP BY unit_id
      ON CONFLICT (unit_id) DO UPDATE SET members = c.members + EXCLUDED.members;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE unit_member_counts c SET members = c.members - d.n
      FROM (SELECT unit_id, count(*) AS n FROM old_rows WHERE status IN ('active', 'transferring') GROUP BY unit_id) d
      WHERE c.unit_id = d.unit_id;
  ELSE
    INSERT INTO unit_member_counts AS c (unit_id, members)
      SELECT unit_id, sum(delta) FROM (
        SELECT unit_id, -1 AS delta FROM old_rows WHERE status IN ('active', 'transferring')
        UNION ALL
        SELECT unit_id, 1 AS delta FROM new_rows WHERE status IN ('active', 'transferring')
      ) d GROUP BY unit_id HAVING sum(delta) <> 0
      ON CONFLICT (unit_id) DO UPDATE SET members = c.members + EXCLUDED.members;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_counts_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_member_counts_apply();
--> statement-breakpoint
CREATE TRIGGER memberships_counts_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_member_counts_apply();
--> statement-breakpoint
CREATE TRIGGER memberships_counts_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_member_counts_apply();
--> statement-breakpoint
INSERT INTO unit_member_counts (unit_id, members)
  SELECT unit_id, count(*) FROM memberships WHERE status IN ('active', 'transferring') GROUP BY unit_id
  ON CONFLICT (unit_id) DO UPDATE SET members = EXCLUDED.members;
