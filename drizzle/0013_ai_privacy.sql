CREATE TABLE "goal_suggestion_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_user_id" text NOT NULL,
	"generator" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"suggestion_count" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_ai_privacy" (
	"relationship_id" uuid PRIMARY KEY NOT NULL,
	"coach_level" text DEFAULT 'local_only' NOT NULL,
	"client_level" text DEFAULT 'local_only' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "goal_suggestion_runs_client_idx" ON "goal_suggestion_runs" USING btree ("client_user_id","finished_at");