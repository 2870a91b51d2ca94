-- Trigram indexes make the admin searches (part of an email or a name) fast at any size.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The embedded provider's user table is generated from Better Auth, so its search indexes live here.
CREATE INDEX IF NOT EXISTS "auth_user_email_trgm_idx" ON "auth_user" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "auth_user_name_trgm_idx" ON "auth_user" USING gin ("name" gin_trgm_ops);
