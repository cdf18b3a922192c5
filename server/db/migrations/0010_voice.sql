CREATE TABLE "voice_answers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"step_id" integer,
	"body" text NOT NULL,
	"by_unit_id" integer,
	"by_body_id" integer,
	"by_label" text NOT NULL,
	"by_user_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_bodies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_bodies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"area_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"escalates_to_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voice_bodies_kind_chk" CHECK ("voice_bodies"."kind" in ('party_committee', 'peoples_committee', 'agency'))
);
--> statement-breakpoint
CREATE TABLE "voice_body_accounts" (
	"body_id" integer NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "voice_body_accounts_body_id_user_id_pk" PRIMARY KEY("body_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "voice_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_commitments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_commitments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer,
	"answer_id" integer,
	"dialogue_id" integer,
	"question_id" integer,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_note" text,
	"done_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voice_commitments_owner_chk" CHECK ("voice_commitments"."item_id" is not null or "voice_commitments"."dialogue_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "voice_deadline_rules" (
	"category_code" text DEFAULT '*' NOT NULL,
	"level" text NOT NULL,
	"days" integer NOT NULL,
	CONSTRAINT "voice_deadline_rules_category_code_level_pk" PRIMARY KEY("category_code","level"),
	CONSTRAINT "voice_deadline_rules_days_chk" CHECK ("voice_deadline_rules"."days" between 1 and 365),
	CONSTRAINT "voice_deadline_rules_level_chk" CHECK ("voice_deadline_rules"."level" in ('branch', 'grassroots', 'province', 'body'))
);
--> statement-breakpoint
CREATE TABLE "voice_dialogue_questions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_dialogue_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dialogue_id" integer NOT NULL,
	"item_id" integer,
	"content" text NOT NULL,
	"asked_by" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_dialogues" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_dialogues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"title" text NOT NULL,
	"leader" text NOT NULL,
	"body_id" integer,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"summary" text,
	"published_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voice_dialogues_status_chk" CHECK ("voice_dialogues"."status" in ('planned', 'held', 'published'))
);
--> statement-breakpoint
CREATE TABLE "voice_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" text,
	"actor_label" text NOT NULL,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"category_code" text NOT NULL,
	"content" text NOT NULL,
	"search_text" text NOT NULL,
	"area_id" integer NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"unit_id" integer NOT NULL,
	"organization_code" text NOT NULL,
	"author_person_id" integer,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"hide_name" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"meeting_id" integer,
	"discussion_id" integer,
	"raised_by" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"step_id" integer,
	"owner_level" text,
	"owner_unit_id" integer,
	"owner_body_id" integer,
	"due_at" timestamp with time zone,
	"overdue_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" integer,
	"source_count" integer DEFAULT 1 NOT NULL,
	"feedback" text,
	"feedback_reason" text,
	"raised_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voice_items_kind_chk" CHECK ("voice_items"."kind" in ('y_kien', 'tam_tu', 'kien_nghi', 'phan_anh')),
	CONSTRAINT "voice_items_urgency_chk" CHECK ("voice_items"."urgency" in ('normal', 'urgent')),
	CONSTRAINT "voice_items_status_chk" CHECK ("voice_items"."status" in ('open', 'answered', 'closed', 'merged')),
	CONSTRAINT "voice_items_source_chk" CHECK ("voice_items"."source" in ('member', 'branch', 'meeting')),
	CONSTRAINT "voice_items_content_chk" CHECK (length(trim("voice_items"."content")) > 0)
);
--> statement-breakpoint
CREATE TABLE "voice_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"level" text NOT NULL,
	"owner_unit_id" integer,
	"owner_body_id" integer,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"overdue" boolean DEFAULT false NOT NULL,
	CONSTRAINT "voice_steps_owner_chk" CHECK (("voice_steps"."owner_unit_id" is null) <> ("voice_steps"."owner_body_id" is null))
);
--> statement-breakpoint
ALTER TABLE "voice_answers" ADD CONSTRAINT "voice_answers_item_id_voice_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."voice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_answers" ADD CONSTRAINT "voice_answers_step_id_voice_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."voice_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_answers" ADD CONSTRAINT "voice_answers_by_unit_id_units_id_fk" FOREIGN KEY ("by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_answers" ADD CONSTRAINT "voice_answers_by_body_id_voice_bodies_id_fk" FOREIGN KEY ("by_body_id") REFERENCES "public"."voice_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_bodies" ADD CONSTRAINT "voice_bodies_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_body_accounts" ADD CONSTRAINT "voice_body_accounts_body_id_voice_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."voice_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_body_accounts" ADD CONSTRAINT "voice_body_accounts_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_commitments" ADD CONSTRAINT "voice_commitments_item_id_voice_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."voice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_commitments" ADD CONSTRAINT "voice_commitments_answer_id_voice_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."voice_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_dialogue_questions" ADD CONSTRAINT "voice_dialogue_questions_dialogue_id_voice_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."voice_dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_dialogue_questions" ADD CONSTRAINT "voice_dialogue_questions_item_id_voice_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."voice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_dialogues" ADD CONSTRAINT "voice_dialogues_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_dialogues" ADD CONSTRAINT "voice_dialogues_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_dialogues" ADD CONSTRAINT "voice_dialogues_body_id_voice_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."voice_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_events" ADD CONSTRAINT "voice_events_item_id_voice_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."voice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_category_code_voice_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."voice_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_organization_code_organizations_code_fk" FOREIGN KEY ("organization_code") REFERENCES "public"."organizations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_discussion_id_meeting_discussions_id_fk" FOREIGN KEY ("discussion_id") REFERENCES "public"."meeting_discussions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_owner_body_id_voice_bodies_id_fk" FOREIGN KEY ("owner_body_id") REFERENCES "public"."voice_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_steps" ADD CONSTRAINT "voice_steps_item_id_voice_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."voice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_steps" ADD CONSTRAINT "voice_steps_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_steps" ADD CONSTRAINT "voice_steps_owner_body_id_voice_bodies_id_fk" FOREIGN KEY ("owner_body_id") REFERENCES "public"."voice_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "voice_answers_item_idx" ON "voice_answers" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voice_bodies_area_name_uq" ON "voice_bodies" USING btree ("area_id","name");--> statement-breakpoint
CREATE INDEX "voice_body_accounts_user_idx" ON "voice_body_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "voice_commitments_item_idx" ON "voice_commitments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "voice_commitments_dialogue_idx" ON "voice_commitments" USING btree ("dialogue_id");--> statement-breakpoint
CREATE INDEX "voice_dialogue_questions_idx" ON "voice_dialogue_questions" USING btree ("dialogue_id","id");--> statement-breakpoint
CREATE INDEX "voice_dialogues_unit_idx" ON "voice_dialogues" USING btree ("unit_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "voice_events_item_idx" ON "voice_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "voice_items_unit_idx" ON "voice_items" USING btree ("unit_id","raised_at");--> statement-breakpoint
CREATE INDEX "voice_items_owner_unit_idx" ON "voice_items" USING btree ("owner_unit_id","status");--> statement-breakpoint
CREATE INDEX "voice_items_owner_body_idx" ON "voice_items" USING btree ("owner_body_id","status");--> statement-breakpoint
CREATE INDEX "voice_items_due_idx" ON "voice_items" USING btree ("due_at") WHERE "voice_items"."status" = 'open';--> statement-breakpoint
CREATE INDEX "voice_items_author_idx" ON "voice_items" USING btree ("author_person_id");--> statement-breakpoint
CREATE INDEX "voice_items_author_user_idx" ON "voice_items" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "voice_items_area_cat_idx" ON "voice_items" USING btree ("area_id","category_code","status");--> statement-breakpoint
CREATE INDEX "voice_items_merged_idx" ON "voice_items" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "voice_items_search_trgm" ON "voice_items" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "voice_steps_item_idx" ON "voice_steps" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "voice_steps_body_idx" ON "voice_steps" USING btree ("owner_body_id");--> statement-breakpoint
-- Default categories and deadlines (configurable defaults: DOMAIN.md has no source; administrators change them).
INSERT INTO "voice_categories" ("code", "name", "sort_order") VALUES
  ('viec_lam', 'Việc làm, sinh kế', 1),
  ('dat_dai', 'Đất đai', 2),
  ('chinh_sach', 'Chính sách xã hội', 3),
  ('ha_tang', 'Hạ tầng', 4),
  ('moi_truong', 'Môi trường', 5),
  ('an_ninh', 'An ninh, trật tự', 6),
  ('to_chuc', 'Công tác của tổ chức', 7),
  ('khac', 'Khác', 8)
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "voice_deadline_rules" ("category_code", "level", "days") VALUES
  ('*', 'branch', 15),
  ('*', 'grassroots', 30),
  ('*', 'province', 30),
  ('*', 'body', 30)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "voice_settings" ("key", "value") VALUES
  ('identity_roles', '["admin", "province_officer", "grassroots_officer"]'::jsonb)
ON CONFLICT DO NOTHING;
