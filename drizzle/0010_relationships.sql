CREATE TABLE "coaching_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_user_id" text NOT NULL,
	"member_email" text NOT NULL,
	"member_name" text,
	"goals" text NOT NULL,
	"focus_areas" jsonb NOT NULL,
	"preferred_format" text NOT NULL,
	"availability" text,
	"message" text,
	"status" text DEFAULT 'new' NOT NULL,
	"notes" text,
	"matched_coach_user_id" text,
	"matched_coach_name" text,
	"relationship_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_user_id" text NOT NULL,
	"client_user_id" text,
	"client_email" text NOT NULL,
	"coach_org_id" text NOT NULL,
	"origin" text NOT NULL,
	"invitation_id" text,
	"invitation_error" text,
	"status" text NOT NULL,
	"message" text,
	"expires_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_interests_open_per_member" ON "coaching_interests" USING btree ("member_user_id") WHERE "coaching_interests"."status" in ('new', 'contacted');--> statement-breakpoint
CREATE INDEX "coaching_interests_status_idx" ON "coaching_interests" USING btree ("status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "coaching_interests_created_idx" ON "coaching_interests" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_open_pair_by_email" ON "relationships" USING btree ("coach_user_id","client_email") WHERE "relationships"."status" in ('pending', 'active', 'paused');--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_open_pair_by_user" ON "relationships" USING btree ("coach_user_id","client_user_id") WHERE "relationships"."status" in ('pending', 'active', 'paused') and "relationships"."client_user_id" is not null;--> statement-breakpoint
CREATE INDEX "relationships_coach_idx" ON "relationships" USING btree ("coach_user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "relationships_client_idx" ON "relationships" USING btree ("client_user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "relationships_client_email_idx" ON "relationships" USING btree ("client_email");--> statement-breakpoint
CREATE INDEX "relationships_invitation_idx" ON "relationships" USING btree ("invitation_id");