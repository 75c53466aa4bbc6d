-- Shared by Derby and PostgreSQL. Instants are epoch milliseconds (BIGINT).

-- Service tickets imported from an external system (ServiceNow); id is the source's sys_id.
CREATE TABLE ticket (
    workspace_id      VARCHAR(36)    NOT NULL REFERENCES workspace (id),
    id                VARCHAR(64)    NOT NULL,
    external_system   VARCHAR(40)    NOT NULL,
    ticket_number     VARCHAR(64)    NOT NULL,
    short_description VARCHAR(1000),
    description       VARCHAR(32000),
    state             VARCHAR(64),
    priority          VARCHAR(64),
    assigned_to       VARCHAR(64),
    caller_id         VARCHAR(64),
    created_at        BIGINT         NOT NULL,
    updated_at        BIGINT,
    imported_at       BIGINT         NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE INDEX ix_ticket_created ON ticket (workspace_id, created_at, id);

-- A link from a ticket to an incident of the same workspace.
CREATE TABLE ticket_link (
    workspace_id VARCHAR(36)  NOT NULL,
    ticket_id    VARCHAR(64)  NOT NULL,
    incident_id  VARCHAR(100) NOT NULL,
    linked_at    BIGINT       NOT NULL,
    linked_by    VARCHAR(100) NOT NULL,
    PRIMARY KEY (workspace_id, ticket_id, incident_id),
    FOREIGN KEY (workspace_id, ticket_id) REFERENCES ticket (workspace_id, id),
    FOREIGN KEY (workspace_id, incident_id) REFERENCES incident (workspace_id, id)
);

CREATE INDEX ix_ticket_link_incident ON ticket_link (workspace_id, incident_id);

-- Microsoft Graph signIn resources; succeeded is status.errorCode = 0.
CREATE TABLE sign_in_log (
    workspace_id              VARCHAR(36)   NOT NULL REFERENCES workspace (id),
    id                        VARCHAR(100)  NOT NULL,
    created_at                BIGINT        NOT NULL,
    user_display_name         VARCHAR(320),
    user_principal_name       VARCHAR(320),
    user_id                   VARCHAR(100),
    app_display_name          VARCHAR(320),
    app_id                    VARCHAR(100),
    ip_address                VARCHAR(64),
    client_app_used           VARCHAR(100),
    error_code                INTEGER       NOT NULL,
    failure_reason            VARCHAR(2000),
    succeeded                 BOOLEAN       NOT NULL,
    location                  VARCHAR(4000),
    conditional_access_status VARCHAR(64),
    risk_level                VARCHAR(64),
    risk_state                VARCHAR(64),
    imported_at               BIGINT        NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE INDEX ix_sign_in_log_time ON sign_in_log (workspace_id, created_at, id);

-- Microsoft Graph directoryAudit resources.
CREATE TABLE directory_log (
    workspace_id          VARCHAR(36)   NOT NULL REFERENCES workspace (id),
    id                    VARCHAR(200)  NOT NULL,
    activity_at           BIGINT        NOT NULL,
    activity_display_name VARCHAR(320)  NOT NULL,
    category              VARCHAR(100),
    operation_type        VARCHAR(100),
    result                VARCHAR(32),
    result_reason         VARCHAR(2000),
    logged_by_service     VARCHAR(200),
    initiated_by_user_id  VARCHAR(100),
    initiated_by_upn      VARCHAR(320),
    initiated_by_app      VARCHAR(320),
    target_resources      VARCHAR(16000),
    imported_at           BIGINT        NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE INDEX ix_directory_log_time ON directory_log (workspace_id, activity_at, id);
