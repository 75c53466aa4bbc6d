-- Shared by Derby and PostgreSQL. Instants are epoch milliseconds (BIGINT).

-- Gamebooks (automation playbooks) of a workspace, imported in Warden's own JSON format.
CREATE TABLE gamebook (
    workspace_id VARCHAR(36)   NOT NULL REFERENCES workspace (id),
    id           VARCHAR(100)  NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000),
    trigger_kind VARCHAR(100),
    enabled      BOOLEAN       NOT NULL,
    imported_at  BIGINT        NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE INDEX ix_gamebook_name ON gamebook (workspace_id, name, id);

-- One run of a Gamebook, optionally on an incident. incident_id has no foreign key: a run may be
-- imported before the incident it ran on.
CREATE TABLE gamebook_run (
    workspace_id VARCHAR(36)   NOT NULL,
    id           VARCHAR(100)  NOT NULL,
    gamebook_id  VARCHAR(100)  NOT NULL,
    incident_id  VARCHAR(100),
    status       VARCHAR(32)   NOT NULL,
    started_at   BIGINT        NOT NULL,
    finished_at  BIGINT,
    imported_at  BIGINT        NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, gamebook_id) REFERENCES gamebook (workspace_id, id)
);

CREATE INDEX ix_gamebook_run_gamebook ON gamebook_run (workspace_id, gamebook_id, started_at);
CREATE INDEX ix_gamebook_run_incident ON gamebook_run (workspace_id, incident_id, started_at);

-- Connected data sources of a workspace, imported in Warden's own JSON format.
CREATE TABLE data_source (
    workspace_id VARCHAR(36)   NOT NULL REFERENCES workspace (id),
    id           VARCHAR(100)  NOT NULL,
    source_type  VARCHAR(100)  NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    status       VARCHAR(32)   NOT NULL,
    last_sync_at BIGINT,
    imported_at  BIGINT        NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE INDEX ix_data_source_name ON data_source (workspace_id, name, id);
