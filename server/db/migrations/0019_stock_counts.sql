CREATE TABLE "stock_recording" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"started_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_stock_changes" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
	"away" integer DEFAULT 0 NOT NULL,
	"cadres" integer DEFAULT 0 NOT NULL,
	"cadres_party" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_stock_changes_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
--> statement-breakpoint
ALTER TABLE "unit_member_counts" ADD COLUMN "away" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_member_counts" ADD COLUMN "cadres" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_member_counts" ADD COLUMN "cadres_party" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "unit_stock_changes_month_idx" ON "unit_stock_changes" USING btree ("month");--> statement-breakpoint
CREATE INDEX "memberships_joined_idx" ON "memberships" USING btree ("joined_on");--> statement-breakpoint
CREATE INDEX "memberships_left_idx" ON "memberships" USING btree ("left_on") WHERE "memberships"."left_on" is not null;--> statement-breakpoint
-- unit_member_counts now also keeps, per unit, the live memberships of persons working away, those holding a cadre
-- position and those of them who are Party members; every change of these three is also added to
-- unit_stock_changes at the month it is recorded in (Vietnam time, UTC+7 all year), so the dashboard can give
-- their value at the end of an earlier month (decision 0017). Each branch names only its event's transition tables.
CREATE OR REPLACE FUNCTION unit_member_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', (now() AT TIME ZONE 'UTC') + interval '7 hours')::date;
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT n.unit_id, 1 AS sgn, n.person_id, n.position FROM new_rows n WHERE n.status IN ('active', 'transferring')),
    e AS (
      SELECT d.unit_id, sum(d.sgn)::int AS members,
        coalesce(sum(d.sgn) FILTER (WHERE EXISTS (SELECT 1 FROM persons p WHERE p.id = d.person_id AND p.away_from_home)), 0)::int AS away,
        coalesce(sum(d.sgn) FILTER (WHERE d.position IS NOT NULL), 0)::int AS cadres,
        coalesce(sum(d.sgn) FILTER (WHERE d.position IS NOT NULL AND EXISTS (SELECT 1 FROM persons p
          WHERE p.id = d.person_id AND p.party_status IN ('probationary', 'full'))), 0)::int AS cadres_party
      FROM d GROUP BY d.unit_id),
    c AS (
      INSERT INTO unit_member_counts AS c (unit_id, members, away, cadres, cadres_party)
        SELECT unit_id, members, away, cadres, cadres_party FROM e
        ON CONFLICT (unit_id) DO UPDATE SET members = c.members + EXCLUDED.members, away = c.away + EXCLUDED.away,
          cadres = c.cadres + EXCLUDED.cadres, cadres_party = c.cadres_party + EXCLUDED.cadres_party)
    INSERT INTO unit_stock_changes AS k (unit_id, month, away, cadres, cadres_party)
      SELECT unit_id, m, away, cadres, cadres_party FROM e WHERE away <> 0 OR cadres <> 0 OR cadres_party <> 0
      ON CONFLICT (unit_id, month) DO UPDATE SET away = k.away + EXCLUDED.away, cadres = k.cadres + EXCLUDED.cadres,
        cadres_party = k.cadres_party + EXCLUDED.cadres_party;
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (
      SELECT o.unit_id, -1 AS sgn, o.person_id, o.position FROM old_rows o WHERE o.status IN ('active', 'transferring')),
    e AS (
      SELECT d.unit_id, sum(d.sgn)::int AS members,
        coalesce(sum(d.sgn) FILTER (WHERE EXISTS (SELECT 1 FROM persons p WHERE p.id = d.person_id AND p.away_from_home)), 0)::int AS away,
        coalesce(sum(d.sgn) FILTER (WHERE d.position IS NOT NULL), 0)::int AS cadres,
        coalesce(sum(d.sgn) FILTER (WHERE d.position IS NOT NULL AND EXISTS (SELECT 1 FROM persons p
          WHERE p.id = d.person_id AND p.party_status IN ('probationary', 'full'))), 0)::int AS cadres_party
      FROM d GROUP BY d.unit_id),
    c AS (
      INSERT INTO unit_member_counts AS c (unit_id, members, away, cadres, cadres_party)
        SELECT unit_id, members, away, cadres, cadres_party FROM e
        ON CONFLICT (unit_id) DO UPDATE SET members = c.members + EXCLUDED.members, away = c.away + EXCLUDED.away,
          cadres = c.cadres + EXCLUDED.cadres, cadres_party = c.cadres_party + EXCLUDED.cadres_party)
    INSERT INTO unit_stock_changes AS k (unit_id, month, away, cadres, cadres_party)
      SELECT unit_id, m, away, cadres, cadres_party FROM e WHERE away <> 0 OR cadres <> 0 OR cadres_party <> 0
      ON CONFLICT (unit_id, month) DO UPDATE SET away = k.away + EXCLUDED.away, cadres = k.cadres + EXCLUDED.cadres,
        cadres_party = k.cadres_party + EXCLUDED.cadres_party;
  ELSE
    WITH d AS (
      SELECT n.unit_id, 1 AS sgn, n.person_id, n.position FROM new_rows n WHERE n.status IN ('active', 'transferring')
      UNION ALL
      SELECT o.unit_id, -1, o.person_id, o.position FROM old_rows o WHERE o.status IN ('active', 'transferring')),
    e AS (
      SELECT d.unit_id, sum(d.sgn)::int AS members,
        coalesce(sum(d.sgn) FILTER (WHERE EXISTS (SELECT 1 FROM persons p WHERE p.id = d.person_id AND p.away_from_home)), 0)::int AS away,
        coalesce(sum(d.sgn) FILTER (WHERE d.position IS NOT NULL), 0)::int AS cadres,
        coalesce(sum(d.sgn) FILTER (WHERE d.position IS NOT NULL AND EXISTS (SELECT 1 FROM persons p
          WHERE p.id = d.person_id AND p.party_status IN ('probationary', 'full'))), 0)::int AS cadres_party
      FROM d GROUP BY d.unit_id),
    f AS (SELECT * FROM e WHERE members <> 0 OR away <> 0 OR cadres <> 0 OR cadres_party <> 0),
    c AS (
      INSERT INTO unit_member_counts AS c (unit_id, members, away, cadres, cadres_party)
        SELECT unit_id, members, away, cadres, cadres_party FROM f
        ON CONFLICT (unit_id) DO UPDATE SET members = c.members + EXCLUDED.members, away = c.away + EXCLUDED.away,
          cadres = c.cadres + EXCLUDED.cadres, cadres_party = c.cadres_party + EXCLUDED.cadres_party)
    INSERT INTO unit_stock_changes AS k (unit_id, month, away, cadres, cadres_party)
      SELECT unit_id, m, away, cadres, cadres_party FROM f WHERE away <> 0 OR cadres <> 0 OR cadres_party <> 0
      ON CONFLICT (unit_id, month) DO UPDATE SET away = k.away + EXCLUDED.away, cadres = k.cadres + EXCLUDED.cadres,
        cadres_party = k.cadres_party + EXCLUDED.cadres_party;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A person starting or stopping work away from home, or becoming (or ceasing to be) a Party member, changes the
-- counts of the units of their live memberships.
CREATE OR REPLACE FUNCTION unit_member_counts_person_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', (now() AT TIME ZONE 'UTC') + interval '7 hours')::date;
BEGIN
  WITH ch AS (
    SELECT n.id, n.away_from_home::int - o.away_from_home::int AS d_away,
      (n.party_status IN ('probationary', 'full'))::int - (o.party_status IN ('probationary', 'full'))::int AS d_party
    FROM new_persons n JOIN old_persons o ON o.id = n.id
    WHERE n.away_from_home IS DISTINCT FROM o.away_from_home OR n.party_status IS DISTINCT FROM o.party_status),
  e AS (
    SELECT ms.unit_id, sum(ch.d_away)::int AS away,
      coalesce(sum(ch.d_party) FILTER (WHERE ms.position IS NOT NULL), 0)::int AS cadres_party
    FROM ch JOIN memberships ms ON ms.person_id = ch.id AND ms.status IN ('active', 'transferring')
    WHERE ch.d_away <> 0 OR ch.d_party <> 0
    GROUP BY ms.unit_id),
  f AS (SELECT * FROM e WHERE away <> 0 OR cadres_party <> 0),
  c AS (
    UPDATE unit_member_counts c SET away = c.away + f.away, cadres_party = c.cadres_party + f.cadres_party
    FROM f WHERE c.unit_id = f.unit_id)
  INSERT INTO unit_stock_changes AS k (unit_id, month, away, cadres_party)
    SELECT unit_id, m, away, cadres_party FROM f
    ON CONFLICT (unit_id, month) DO UPDATE SET away = k.away + EXCLUDED.away,
      cadres_party = k.cadres_party + EXCLUDED.cadres_party;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_member_counts_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_persons NEW TABLE AS new_persons FOR EACH STATEMENT
  EXECUTE FUNCTION unit_member_counts_person_apply();
--> statement-breakpoint
UPDATE unit_member_counts c SET away = x.away, cadres = x.cadres, cadres_party = x.cadres_party
FROM (
  SELECT ms.unit_id, (count(*) FILTER (WHERE p.away_from_home))::int AS away,
    (count(*) FILTER (WHERE ms.position IS NOT NULL))::int AS cadres,
    (count(*) FILTER (WHERE ms.position IS NOT NULL AND p.party_status IN ('probationary', 'full')))::int AS cadres_party
  FROM memberships ms JOIN persons p ON p.id = ms.person_id
  WHERE ms.status IN ('active', 'transferring')
  GROUP BY ms.unit_id) x
WHERE c.unit_id = x.unit_id;
--> statement-breakpoint
INSERT INTO stock_recording (id, started_on)
  VALUES (1, date_trunc('month', (now() AT TIME ZONE 'UTC') + interval '7 hours')::date);

--> statement-breakpoint
-- A membership folded into its kept twin by a duplicate merge (status 'merged') no longer counts as an admission:
-- the twin carries it, and the dashboard's memberships at an earlier day (now, minus later admissions, plus later
-- leavers) stay exact.
CREATE OR REPLACE FUNCTION unit_month_flows_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- (each branch names only the transition tables its event has)
  IF TG_OP = 'INSERT' THEN
    INSERT INTO unit_month_flows AS f (unit_id, month, admitted, "left")
    SELECT unit_id, month, sum(a), sum(l) FROM (
      SELECT n.unit_id, date_trunc('month', n.joined_on)::date AS month, 1 AS a, 0 AS l FROM new_rows n
        WHERE n.joined_on IS NOT NULL AND n.status <> 'merged'
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
        WHERE o.joined_on IS NOT NULL AND o.status <> 'merged'
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
        WHERE n.joined_on IS NOT NULL AND n.status <> 'merged'
      UNION ALL
      SELECT n.unit_id, date_trunc('month', n.left_on)::date, 0, 1 FROM new_rows n
        WHERE n.left_on IS NOT NULL AND n.status IN ('left', 'removed', 'deceased', 'aged_out')
      UNION ALL
      SELECT o.unit_id, date_trunc('month', o.joined_on)::date AS month, -1 AS a, 0 AS l FROM old_rows o
        WHERE o.joined_on IS NOT NULL AND o.status <> 'merged'
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
UPDATE unit_month_flows f SET admitted = f.admitted - d.n
FROM (SELECT unit_id, date_trunc('month', joined_on)::date AS month, count(*)::int AS n FROM memberships
  WHERE joined_on IS NOT NULL AND status = 'merged' GROUP BY 1, 2) d
WHERE f.unit_id = d.unit_id AND f.month = d.month;
