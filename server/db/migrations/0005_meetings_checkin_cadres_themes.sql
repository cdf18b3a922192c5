CREATE TABLE "files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_type" text NOT NULL,
	"owner_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_size_chk" CHECK ("files"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_cadres" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_cadres_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"cadre_name" text NOT NULL,
	"from_unit_id" integer,
	"status" text DEFAULT 'assigned' NOT NULL,
	"note" text,
	"assigned_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "meeting_cadres_status_chk" CHECK ("meeting_cadres"."status" in ('assigned', 'attended', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "meeting_checkins" (
	"meeting_id" integer PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"opened_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_checkins_code_chk" CHECK ("meeting_checkins"."code" ~ '^[0-9]{6}$'),
	CONSTRAINT "meeting_checkins_window_chk" CHECK ("meeting_checkins"."closes_at" > "meeting_checkins"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"run_key" text NOT NULL,
	"instance" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"result" text,
	CONSTRAINT "job_runs_job_run_key_pk" PRIMARY KEY("job","run_key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "themes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"month" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "themes_month_chk" CHECK ("themes"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "phone_number" text;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "phone_number_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_counts" ADD COLUMN "away_invited" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_counts" ADD COLUMN "away_attended" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "theme_id" integer;--> statement-breakpoint
ALTER TABLE "unit_period_compliance" ADD COLUMN "away_invited_sum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_period_compliance" ADD COLUMN "away_attended_sum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_period_compliance" ADD COLUMN "thematic" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_period_compliance" ADD COLUMN "cadre_visited" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_rules" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "meeting_cadres" ADD CONSTRAINT "meeting_cadres_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_cadres" ADD CONSTRAINT "meeting_cadres_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_checkins" ADD CONSTRAINT "meeting_checkins_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_cadres_meeting_user_uq" ON "meeting_cadres" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE INDEX "meeting_cadres_user_idx" ON "meeting_cadres" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_checkins_code_idx" ON "meeting_checkins" USING btree ("code","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "themes_unit_month_idx" ON "themes" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "themes_month_idx" ON "themes" USING btree ("month");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_rules" ADD CONSTRAINT "organization_rules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_rules_unit_idx" ON "organization_rules" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_phone_number_unique" UNIQUE("phone_number");--> statement-breakpoint
ALTER TABLE "organization_rules" ADD CONSTRAINT "organization_rules_target_chk" CHECK ("organization_rules"."unit_kind" is null or "organization_rules"."unit_id" is null);