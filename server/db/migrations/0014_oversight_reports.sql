CREATE TABLE "classification_schemes" (
	"organization_code" text PRIMARY KEY NOT NULL,
	"levels" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "implementation_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"issued_on" date,
	"period_key" text NOT NULL,
	"body" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_introductions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "party_introductions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"stage" text NOT NULL,
	"stage_on" date NOT NULL,
	"decision_no" text,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_introductions_stage_chk" CHECK ("party_introductions"."stage" in ('identified', 'course', 'introduced', 'admitted', 'full'))
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"plan_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"target" numeric NOT NULL,
	CONSTRAINT "plan_targets_plan_id_unit_id_indicator_pk" PRIMARY KEY("plan_id","unit_id","indicator")
);
--> statement-breakpoint
CREATE TABLE "unit_classifications" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"proposed_level" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"level" text,
	"override_reason" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_classifications_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "unit_report_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"place" text,
	"signed_on" date,
	"signer_name" text,
	"signer_title" text,
	"recipients" text,
	"narrative" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"figures" jsonb,
	"figures_at" timestamp with time zone,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "unit_reports_status_chk" CHECK ("unit_reports"."status" in ('draft', 'submitted', 'approved', 'locked'))
);
--> statement-breakpoint
ALTER TABLE "classification_schemes" ADD CONSTRAINT "classification_schemes_organization_code_organizations_code_fk" FOREIGN KEY ("organization_code") REFERENCES "public"."organizations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_introductions" ADD CONSTRAINT "party_introductions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_introductions" ADD CONSTRAINT "party_introductions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_implementation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."implementation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_classifications" ADD CONSTRAINT "unit_classifications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report_events" ADD CONSTRAINT "unit_report_events_report_id_unit_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "implementation_plans_unit_idx" ON "implementation_plans" USING btree ("unit_id","period_key");--> statement-breakpoint
CREATE INDEX "party_introductions_unit_idx" ON "party_introductions" USING btree ("unit_id","stage_on");--> statement-breakpoint
CREATE INDEX "party_introductions_person_idx" ON "party_introductions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "plan_targets_unit_idx" ON "plan_targets" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_classifications_year_idx" ON "unit_classifications" USING btree ("year","level");--> statement-breakpoint
CREATE INDEX "unit_report_events_report_idx" ON "unit_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_reports_unit_period_uq" ON "unit_reports" USING btree ("unit_id","period_key");--> statement-breakpoint
CREATE INDEX "unit_reports_period_idx" ON "unit_reports" USING btree ("period_key","status");