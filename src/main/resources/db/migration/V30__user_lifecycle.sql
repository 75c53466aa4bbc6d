-- Portal users are removed softly: a removed user keeps its row (and so its audit history and
-- incident ownership), disappears from the user API and can no longer sign in.
ALTER TABLE portal_user ADD COLUMN deleted_at BIGINT;
ALTER TABLE portal_user ADD COLUMN updated_at BIGINT;

CREATE INDEX ix_portal_user_org_login ON portal_user (organization_id, login_name, id);
