CREATE TABLE "person_live" (
	"person_id" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_month_flows" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
	"admitted" integer DEFAULT 0 NOT NULL,
	"left" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_month_flows_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
--> statement-breakpoint
CREATE INDEX "unit_month_flows_month_idx" ON "unit_month_flows" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_live_person_org_uq" ON "memberships" USING btree ("person_id","organization_code") WHERE "memberships"."status" in ('active', 'transferring');--> statement-breakpoint
CREATE INDEX "persons_away_idx" ON "persons" USING btree ("id") WHERE "persons"."away_from_home";--> statement-breakpoint
-- person_live: the persons with a live membership, kept per statement (transition tables).
CREATE OR REPLACE FUNCTION person_live_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO person_live (person_id)
      SELECT DISTINCT n.person_id FROM new_rows n
      WHERE n.status IN ('active', 'transferring')
        AND NOT EXISTS (SELECT 1 FROM person_live l WHERE l.person_id = n.person_id)
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM person_live l USING (SELECT DISTINCT person_id FROM old_rows WHERE status IN ('active', 'transferring')) o
      WHERE l.person_id = o.person_id
        AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = o.person_id AND m.status IN ('active', 'transferring'));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_person_live_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_live_apply();
--> statement-breakpoint
CREATE TRIGGER memberships_person_live_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_live_apply();
--> statement-breakpoint
CREATE TRIGGER memberships_person_live_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_live_apply();
--> statement-breakpoint
INSERT INTO person_live (person_id)
  SELECT DISTINCT person_id FROM memberships WHERE status IN ('active', 'transferring');
--> statement-breakpoint
-- unit_month_flows: +1 admitted at (unit, month of joined_on), +1 left at (unit, month of left_on) of an ended
-- membership; a statement's old rows are taken off and its new rows added, so a transfer moves them.
CREATE OR REPLACE FUNCTION unit_month_flows_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- (each branch names only the transition tables its event has)
  IF TG_OP = 'INSERT' THEN
    INSERT INTO unit_month_flows AS f (unit_id, month, admitted, "left")
    SELECT unit_id, month, sum(a), sum(l) FROM (
      SELECT n.unit_id, date_trunc('month', n.joined_on)::date AS month, 1 AS a, 0 AS l FROM new_rows n
        WHERE n.joined_on IS NOT NULL
      UNION ALL
      SELECT n.unit_id, date_trunc('month', n.left_on)::date, 0, 1 FROM new_rows n
        WHERE n.left_on IS NOT NULL AND n.status IN ('left', 'removed', 'deceased', 'aged_out')
    ) d GROUP BY unit_id, month HAVING sum(a) <> 0 OR sum(l) <> 0
    ON CONFLICT (unit_id, month) DO UPDATE
      SET admitted = f.admitted + EXCLUDED.admitted, "left" = f."left" + EXCLUDED."left";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO unit_month_flows AS f (unit_id, month, admitted, "left")
    SELECT unit_id, month, sum(a), sum(l) FROM (
      SELECT o.unit_id, date_trunc('month', o.joined_on)::date AS month, -1 AS a, 0 AS l FROM old_rows o
        WHERE o.joined_on IS NOT NULL
      UNION ALL
      SELECT o.unit_id, date_trunc('month', o.left_on)::date, 0, -1 FROM old_rows o
        WHERE o.left_on IS NOT NULL AND o.status IN ('left', 'removed', 'deceased', 'aged_out')
    ) d GROUP BY unit_id, month HAVING sum(a) <> 0 OR sum(l) <> 0
    ON CONFLICT (unit_id, month) DO UPDATE
      SET admitted = f.admitted + EXCLUDED.admitted, "left" = f."left" + EXCLUDED."left";
  ELSE
    INSERT INTO unit_month_flows AS f (unit_id, month, admitted, "left")
    SELECT unit_id, month, sum(a), sum(l) FROM (
      SELECT n.unit_id, date_trunc('month', n.joined_on)::date AS month, 1 AS a, 0 AS l FROM new_rows n
        WHERE n.joined_on IS NOT NULL
      UNION ALL
      SELECT n.unit_id, date_trunc('month', n.left_on)::date, 0, 1 FROM new_rows n
        WHERE n.left_on IS NOT NULL AND n.status IN ('left', 'removed', 'deceased', 'aged_out')
      UNION ALL
      SELECT o.unit_id, date_trunc('month', o.joined_on)::date AS month, -1 AS a, 0 AS l FROM old_rows o
        WHERE o.joined_on IS NOT NULL
      UNION ALL
      SELECT o.unit_id, date_trunc('month', o.left_on)::date, 0, -1 FROM old_rows o
        WHERE o.left_on IS NOT NULL AND o.status IN ('left', 'removed', 'deceased', 'aged_out')
    ) d GROUP BY unit_id, month HAVING sum(a) <> 0 OR sum(l) <> 0
    ON CONFLICT (unit_id, month) DO UPDATE
      SET admitted = f.admitted + EXCLUDED.admitted, "left" = f."left" + EXCLUDED."left";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_flows_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_month_flows_apply();
--> statement-breakpoint
CREATE TRIGGER memberships_flows_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_month_flows_apply();
--> statement-breakpoint
CREATE TRIGGER memberships_flows_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_month_flows_apply();
--> statement-breakpoint
INSERT INTO unit_month_flows (unit_id, month, admitted, "left")
  SELECT unit_id, month, sum(a), sum(l) FROM (
    SELECT unit_id, date_trunc('month', joined_on)::date AS month, 1 AS a, 0 AS l FROM memberships WHERE joined_on IS NOT NULL
    UNION ALL
    SELECT unit_id, date_trunc('month', left_on)::date, 0, 1 FROM memberships
      WHERE left_on IS NOT NULL AND status IN ('left', 'removed', 'deceased', 'aged_out')
  ) d GROUP BY unit_id, month;
