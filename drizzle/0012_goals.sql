CREATE TABLE "goal_discoveries" (
	"client_user_id" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"shared_with_coaches" boolean DEFAULT false NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_user_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"area" text NOT NULL,
	"key_results" jsonb NOT NULL,
	"milestones" jsonb NOT NULL,
	"reasoning" text NOT NULL,
	"sources" jsonb NOT NULL,
	"score" real NOT NULL,
	"generator" text NOT NULL,
	"generator_version" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"goal_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"milestones" jsonb NOT NULL,
	"confidence" smallint NOT NULL,
	"note" text,
	"progress" real NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_user_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_key_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"start_value" double precision NOT NULL,
	"current_value" double precision NOT NULL,
	"target_value" double precision NOT NULL,
	"unit" text,
	"weight" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_user_id" text NOT NULL,
	"relationship_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"why_it_matters" text,
	"area" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"proposed_by" text,
	"visibility" text NOT NULL,
	"target_date" date,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "goal_check_ins" ADD CONSTRAINT "goal_check_ins_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_comments" ADD CONSTRAINT "goal_comments_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_key_results" ADD CONSTRAINT "goal_key_results_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_milestones" ADD CONSTRAINT "goal_milestones_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goal_suggestions_pending_key" ON "goal_suggestions" USING btree ("client_user_id","dedupe_key") WHERE "goal_suggestions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "goal_suggestions_client_idx" ON "goal_suggestions" USING btree ("client_user_id","created_at");--> statement-breakpoint
CREATE INDEX "goal_check_ins_goal_idx" ON "goal_check_ins" USING btree ("goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goal_comments_goal_idx" ON "goal_comments" USING btree ("goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goal_key_results_goal_idx" ON "goal_key_results" USING btree ("goal_id","position");--> statement-breakpoint
CREATE INDEX "goal_milestones_goal_idx" ON "goal_milestones" USING btree ("goal_id","position");--> statement-breakpoint
CREATE INDEX "goals_client_idx" ON "goals" USING btree ("client_user_id","created_at");--> statement-breakpoint
CREATE INDEX "goals_in_progress_idx" ON "goals" USING btree ("client_user_id") WHERE "goals"."status" = 'in_progress';--> statement-breakpoint
CREATE FUNCTION "goal_check_ins_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'goal check-ins are append-only: record a new check-in instead';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "goal_check_ins_append_only" BEFORE UPDATE OR DELETE ON "goal_check_ins"
  FOR EACH ROW EXECUTE FUNCTION "goal_check_ins_append_only"();
