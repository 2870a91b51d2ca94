CREATE INDEX "waitlist_entries_status_idx" ON "waitlist_entries" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "waitlist_entries_email_trgm_idx" ON "waitlist_entries" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "waitlist_entries_name_trgm_idx" ON "waitlist_entries" USING gin ("name" gin_trgm_ops);