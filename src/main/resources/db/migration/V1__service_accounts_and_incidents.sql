-- Shared by Derby and PostgreSQL: only types and syntax both accept.
-- Instants are epoch milliseconds (BIGINT) so no time zone can shift them.

CREATE TABLE organization (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at BIGINT       NOT NULL
);

CREATE TABLE portal_user (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    organization_id VARCHAR(36)  NOT NULL REFERENCES organization (id),
    login_name      VARCHAR(320) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(320),
    role            VARCHAR(40)  NOT NULL,
    password_hash   VARCHAR(512),
    created_at      BIGINT       NOT NULL,
    CONSTRAINT uq_portal_user_login UNIQUE (login_name)
);

CREATE TABLE workspace (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    organization_id VARCHAR(36)  NOT NULL REFERENCES organization (id),
    name            VARCHAR(200) NOT NULL,
    created_at      BIGINT       NOT NULL,
    CONSTRAINT uq_workspace_name UNIQUE (organization_id, name)
);

CREATE TABLE service_account (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id VARCHAR(36)   NOT NULL REFERENCES organization (id),
    name            VARCHAR(200)  NOT NULL,
    description     VARCHAR(1000),
    enabled         BOOLEAN       NOT NULL,
    all_workspaces  BOOLEAN       NOT NULL,
    created_at      BIGINT        NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    updated_at      BIGINT        NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL,
    -- Deleted accounts stay as tombstones so that their old secrets keep failing with 403.
    deleted_at      BIGINT
);

CREATE INDEX ix_service_account_org ON service_account (organization_id, name);

CREATE TABLE service_account_workspace (
    service_account_id VARCHAR(36) NOT NULL REFERENCES service_account (id) ON DELETE CASCADE,
    workspace_id       VARCHAR(36) NOT NULL REFERENCES workspace (id),
    PRIMARY KEY (service_account_id, workspace_id)
);

CREATE TABLE credential (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    service_account_id VARCHAR(36)   NOT NULL REFERENCES service_account (id) ON DELETE CASCADE,
    secret_prefix      VARCHAR(6)    NOT NULL,
    secret_hash        VARCHAR(64)   NOT NULL,
    scopes             VARCHAR(2000) NOT NULL,
    expires_at         BIGINT,
    status             VARCHAR(16)   NOT NULL,
    created_at         BIGINT        NOT NULL,
    created_by         VARCHAR(100)  NOT NULL,
    revoked_at         BIGINT,
    revoked_by         VARCHAR(100),
    last_used_at       BIGINT,
    CONSTRAINT uq_credential_secret_hash UNIQUE (secret_hash)
);

CREATE INDEX ix_credential_account ON credential (service_account_id);

-- Keys the server generates for itself (for example the continuation-token signing key), shared by
-- every node that uses this database.
CREATE TABLE server_key (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    key_value  VARCHAR(200) NOT NULL,
    created_at BIGINT       NOT NULL
);

CREATE TABLE incident (
    workspace_id           VARCHAR(36)    NOT NULL REFERENCES workspace (id),
    id                     VARCHAR(100)   NOT NULL,
    incident_number        INTEGER,
    title                  VARCHAR(1000)  NOT NULL,
    description            VARCHAR(32000),
    severity               VARCHAR(32)    NOT NULL,
    status                 VARCHAR(32)    NOT NULL,
    classification         VARCHAR(64),
    classification_reason  VARCHAR(64),
    classification_comment VARCHAR(4000),
    owner_object_id        VARCHAR(100),
    owner_email            VARCHAR(320),
    owner_upn              VARCHAR(320),
    owner_assigned_to      VARCHAR(320),
    provider_name          VARCHAR(200),
    provider_incident_id   VARCHAR(200),
    incident_url           VARCHAR(4000),
    labels                 VARCHAR(4000),
    created_time           BIGINT         NOT NULL,
    last_modified_time     BIGINT,
    first_activity_time    BIGINT,
    last_activity_time     BIGINT,
    imported_at            BIGINT         NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE INDEX ix_incident_created ON incident (created_time, workspace_id, id);
