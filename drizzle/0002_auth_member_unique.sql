-- Better Auth's member table allows the same user twice in one organization; Clerk does not.
CREATE UNIQUE INDEX "auth_member_organization_user_unique" ON "auth_member" USING btree ("organization_id","user_id");
