CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_token" uuid,
	"last_error" text,
	"finished_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Carry-over: identity events become jobs of kind identity.event, keyed by their id. Undelivered
-- ones are delivered by the job runner (with a fresh count of attempts); those delivered within the
-- jobs' retention (30 days) come along so that a redelivered svix-id is still recognised.
INSERT INTO "jobs" ("kind", "key", "payload", "attempts", "run_at", "last_error", "finished_at", "created_at")
SELECT 'identity.event', "id", "event",
  CASE WHEN "delivered_at" IS NULL THEN 0 ELSE "attempts" END,
  "next_attempt_at", "last_error", "delivered_at", "received_at"
FROM "identity_events"
WHERE "delivered_at" IS NULL OR "delivered_at" > now() - interval '30 days';--> statement-breakpoint
-- Sign-up invitations no longer carry the role: it is read from the registry when the email is
-- verified. Those still pending lose theirs, so an approval withdrawn since cannot be bypassed.
UPDATE "auth_app_invitation" SET "public_metadata" = "public_metadata" - 'primary_role'
WHERE "status" = 'pending' AND "public_metadata" ? 'primary_role';--> statement-breakpoint
DROP TABLE "identity_events" CASCADE;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_kind_key_unique" ON "jobs" USING btree ("kind","key");--> statement-breakpoint
CREATE INDEX "jobs_waiting_idx" ON "jobs" USING btree ("kind","run_at") WHERE finished_at is null and failed_at is null;--> statement-breakpoint
CREATE INDEX "jobs_finished_at_idx" ON "jobs" USING btree ("finished_at") WHERE finished_at is not null;--> statement-breakpoint
CREATE INDEX "jobs_failed_at_idx" ON "jobs" USING btree ("failed_at") WHERE failed_at is not null;--> statement-breakpoint
CREATE VIEW "public"."identity_events" AS (select key as id, payload->>'type' as type, payload as event, created_at as received_at, attempts, finished_at as delivered_at, failed_at, last_error from jobs where kind = 'identity.event');