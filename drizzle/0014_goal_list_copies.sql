ALTER TABLE "goals" ADD COLUMN "key_results_json" json DEFAULT '[]'::json NOT NULL;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "milestones_json" json DEFAULT '[]'::json NOT NULL;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "check_in_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "last_check_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "last_check_in_confidence" smallint;--> statement-breakpoint
CREATE FUNCTION "goal_key_results_json"("goal" uuid) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT coalesce(json_agg(json_build_object('id', kr.id, 'position', kr.position, 'title', kr.title,
    'startValue', kr.start_value, 'currentValue', kr.current_value, 'targetValue', kr.target_value,
    'unit', kr.unit, 'weight', kr.weight) ORDER BY kr.position), '[]'::json)
  FROM "goal_key_results" kr WHERE kr.goal_id = "goal"
$$;--> statement-breakpoint
CREATE FUNCTION "goal_milestones_json"("goal" uuid) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT coalesce(json_agg(json_build_object('id', m.id, 'position', m.position, 'title', m.title,
    'doneAt', m.done_at) ORDER BY m.position), '[]'::json)
  FROM "goal_milestones" m WHERE m.goal_id = "goal"
$$;--> statement-breakpoint
-- One function for both tables. OLD is null on an insert and NEW on a delete; an update may move a
-- row to another goal, so both goals are rewritten.
CREATE FUNCTION "goals_copy_parts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'goal_key_results' THEN
    UPDATE "goals" SET "key_results_json" = "goal_key_results_json"(id)
    WHERE id IN (OLD.goal_id, NEW.goal_id);
  ELSE
    UPDATE "goals" SET "milestones_json" = "goal_milestones_json"(id)
    WHERE id IN (OLD.goal_id, NEW.goal_id);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "goals_copy_key_results" AFTER INSERT OR UPDATE OR DELETE ON "goal_key_results"
  FOR EACH ROW EXECUTE FUNCTION "goals_copy_parts"();--> statement-breakpoint
CREATE TRIGGER "goals_copy_milestones" AFTER INSERT OR UPDATE OR DELETE ON "goal_milestones"
  FOR EACH ROW EXECUTE FUNCTION "goals_copy_parts"();--> statement-breakpoint
-- Check-ins are append-only (0012), so an insert is the only change to count. The latest is the
-- one with the latest time; of two at the same time (one transaction), the one inserted last.
CREATE FUNCTION "goals_count_check_in"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "goals" SET
    "check_in_count" = "check_in_count" + 1,
    "last_check_in_at" = greatest("last_check_in_at", NEW.created_at),
    "last_check_in_confidence" = CASE WHEN "last_check_in_at" IS NULL OR NEW.created_at >= "last_check_in_at"
      THEN NEW.confidence ELSE "last_check_in_confidence" END
  WHERE id = NEW.goal_id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "goals_count_check_in" AFTER INSERT ON "goal_check_ins"
  FOR EACH ROW EXECUTE FUNCTION "goals_count_check_in"();--> statement-breakpoint
UPDATE "goals" g SET
  "key_results_json" = "goal_key_results_json"(g.id),
  "milestones_json" = "goal_milestones_json"(g.id),
  "check_in_count" = (SELECT count(*) FROM "goal_check_ins" c WHERE c.goal_id = g.id),
  "last_check_in_at" = (SELECT max(c.created_at) FROM "goal_check_ins" c WHERE c.goal_id = g.id),
  "last_check_in_confidence" = (SELECT c.confidence FROM "goal_check_ins" c WHERE c.goal_id = g.id
    ORDER BY c.created_at DESC LIMIT 1);
