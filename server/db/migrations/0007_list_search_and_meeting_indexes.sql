CREATE INDEX "meeting_attendance_person_idx" ON "meeting_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meetings_theme_idx" ON "meetings" USING btree ("theme_id") WHERE "meetings"."theme_id" is not null;--> statement-breakpoint
CREATE INDEX "memberships_live_unit_idx" ON "memberships" USING btree ("unit_id","person_id","position") WHERE "memberships"."status" in ('active', 'transferring');--> statement-breakpoint
CREATE INDEX "memberships_cadre_idx" ON "memberships" USING btree ("unit_id","person_id") WHERE "memberships"."position" is not null and "memberships"."status" in ('active', 'transferring');--> statement-breakpoint
CREATE INDEX "persons_phone_trgm" ON "persons" USING gin ("phone" gin_trgm_ops);