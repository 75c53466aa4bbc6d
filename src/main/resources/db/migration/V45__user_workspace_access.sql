-- Workspace access of portal users, in the same shape as that of service accounts: every
-- workspace of the organization, or the listed ones. Existing users keep seeing every workspace.
ALTER TABLE portal_user ADD COLUMN all_workspaces BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE portal_user_workspace (
    user_id      VARCHAR(36) NOT NULL REFERENCES portal_user (id),
    workspace_id VARCHAR(36) NOT NULL REFERENCES workspace (id),
    PRIMARY KEY (user_id, workspace_id)
);
