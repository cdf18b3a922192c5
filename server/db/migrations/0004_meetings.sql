CREATE TABLE "meeting_attendance" (
	"meeting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"membership_id" integer,
	"status" text DEFAULT 'unknown' NOT NULL,
	"reason" text,
	"away_from_home" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id"),
	CONSTRAINT "meeting_attendance_status_chk" CHECK ("meeting_attendance"."status" in ('unknown', 'present', 'online', 'absent_excused', 'absent_unexcused'))
);
--> statement-breakpoint
CREATE TABLE "meeting_counts" (
	"meeting_id" integer PRIMARY KEY NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"present" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"absent_excused" integer DEFAULT 0 NOT NULL,
	"absent_unexcused" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_discussions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_discussions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"speaker_person_id" integer,
	"speaker_name" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text,
	"mode" text NOT NULL,
	"online_link" text,
	"agenda" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"chair" text,
	"secretary" text,
	"higher_cadres" text,
	"guests" text,
	"content" text,
	"decisions" text,
	"tasks" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_kind_chk" CHECK ("meetings"."kind" in ('regular', 'thematic', 'extraordinary')),
	CONSTRAINT "meetings_mode_chk" CHECK ("meetings"."mode" in ('in_person', 'online', 'hybrid')),
	CONSTRAINT "meetings_status_chk" CHECK ("meetings"."status" in ('planned', 'held', 'locked'))
);
--> statement-breakpoint
CREATE TABLE "unit_period_compliance" (
	"unit_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"meetings" integer DEFAULT 0 NOT NULL,
	"invited_sum" integer DEFAULT 0 NOT NULL,
	"attended_sum" integer DEFAULT 0 NOT NULL,
	"last_held_at" timestamp with time zone,
	CONSTRAINT "unit_period_compliance_unit_id_period_key_pk" PRIMARY KEY("unit_id","period_key")
);
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_counts" ADD CONSTRAINT "meeting_counts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_discussions" ADD CONSTRAINT "meeting_discussions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_discussions" ADD CONSTRAINT "meeting_discussions_speaker_person_id_persons_id_fk" FOREIGN KEY ("speaker_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_period_compliance" ADD CONSTRAINT "unit_period_compliance_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_discussions_meeting_idx" ON "meeting_discussions" USING btree ("meeting_id","id");--> statement-breakpoint
CREATE INDEX "meetings_unit_period_idx" ON "meetings" USING btree ("unit_id","period_start");--> statement-breakpoint
CREATE INDEX "unit_period_compliance_end_idx" ON "unit_period_compliance" USING btree ("period_end","unit_id");