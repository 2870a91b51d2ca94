CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"note" text,
	"role" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"waitlist_joined_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"rejected_at" timestamp with time zone,
	"notes" text,
	"invitation_id" text,
	"invited_at" timestamp with time zone,
	"joined_user_id" text,
	"joined_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_email_unique" ON "waitlist_entries" USING btree ("email");--> statement-breakpoint
CREATE INDEX "waitlist_entries_status_role_idx" ON "waitlist_entries" USING btree ("status","role","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "waitlist_entries_created_at_idx" ON "waitlist_entries" USING btree ("created_at" DESC NULLS LAST,"id");