-- A removed user keeps its row and login_name for the audit trail, but its login name may be
-- given to a new user. Uniqueness therefore moves to active_login_name, which equals login_name
-- while the user is active and is NULL once removed. Derby and PostgreSQL both allow any number
-- of NULLs in a UNIQUE column.
ALTER TABLE portal_user DROP CONSTRAINT uq_portal_user_login;
ALTER TABLE portal_user ADD COLUMN active_login_name VARCHAR(320);
UPDATE portal_user SET active_login_name = login_name WHERE deleted_at IS NULL;
ALTER TABLE portal_user ADD CONSTRAINT uq_portal_user_active_login UNIQUE (active_login_name);
