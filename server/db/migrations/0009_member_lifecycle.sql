CREATE TABLE "duplicate_dismissals" (
	"person_a" integer NOT NULL,
	"person_b" integer NOT NULL,
	"dismissed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_order_chk" CHECK ("duplicate_dismissals"."person_a" < "duplicate_dismissals"."person_b")
);
--> statement-breakpoint
CREATE TABLE "membership_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "membership_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"membership_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"organization_code" text NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"decision_no" text,
	"reason" text,
	"unit_id" integer NOT NULL,
	"other_unit_id" integer,
	"transfer_id" integer,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_events_kind_chk" CHECK ("membership_events"."kind" in ('admitted', 'imported', 'transfer_issued', 'transfer_accepted', 'transfer_refused',
        'transfer_recalled', 'stay_started', 'stay_ended', 'left', 'removed', 'deceased', 'aged_out', 'merged',
        'restored'))
);
--> statement-breakpoint
CREATE TABLE "person_merges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_merges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kept_person_id" integer NOT NULL,
	"merged_person_id" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"merged_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_corrections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "profile_corrections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposed_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_corrections_status_chk" CHECK ("profile_corrections"."status" in ('pending', 'approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"membership_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"organization_code" text NOT NULL,
	"from_unit_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"issued_on" date NOT NULL,
	"decision_no" text,
	"reason" text,
	"until" date,
	"issued_by" text NOT NULL,
	"decided_on" date,
	"decided_by" text,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfers_kind_chk" CHECK ("transfers"."kind" in ('transfer', 'stay')),
	CONSTRAINT "transfers_status_chk" CHECK ("transfers"."status" in ('pending', 'accepted', 'refused', 'recalled', 'ended')),
	CONSTRAINT "transfers_units_chk" CHECK ("transfers"."from_unit_id" <> "transfers"."to_unit_id")
);
--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_person_a_persons_id_fk" FOREIGN KEY ("person_a") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_person_b_persons_id_fk" FOREIGN KEY ("person_b") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_organization_code_organizations_code_fk" FOREIGN KEY ("organization_code") REFERENCES "public"."organizations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_other_unit_id_units_id_fk" FOREIGN KEY ("other_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_kept_person_id_persons_id_fk" FOREIGN KEY ("kept_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_corrections" ADD CONSTRAINT "profile_corrections_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_corrections" ADD CONSTRAINT "profile_corrections_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_organization_code_organizations_code_fk" FOREIGN KEY ("organization_code") REFERENCES "public"."organizations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_dismissals_pair_idx" ON "duplicate_dismissals" USING btree ("person_a","person_b");--> statement-breakpoint
CREATE INDEX "membership_events_membership_idx" ON "membership_events" USING btree ("membership_id","on_date");--> statement-breakpoint
CREATE INDEX "membership_events_person_idx" ON "membership_events" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "membership_events_unit_idx" ON "membership_events" USING btree ("unit_id","on_date");--> statement-breakpoint
CREATE INDEX "person_merges_kept_idx" ON "person_merges" USING btree ("kept_person_id");--> statement-breakpoint
CREATE INDEX "profile_corrections_unit_idx" ON "profile_corrections" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "profile_corrections_person_idx" ON "profile_corrections" USING btree ("person_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_corrections_pending_idx" ON "profile_corrections" USING btree ("person_id","field") WHERE "profile_corrections"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "transfers_to_idx" ON "transfers" USING btree ("to_unit_id","status");--> statement-breakpoint
CREATE INDEX "transfers_from_idx" ON "transfers" USING btree ("from_unit_id","status");--> statement-breakpoint
CREATE INDEX "transfers_person_idx" ON "transfers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_one_open_idx" ON "transfers" USING btree ("membership_id") WHERE "transfers"."status" = 'pending' or ("transfers"."kind" = 'stay' and "transfers"."status" = 'accepted');