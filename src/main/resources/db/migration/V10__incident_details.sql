-- Shared by Derby and PostgreSQL. Instants are epoch milliseconds (BIGINT).

-- row_version backs the ETag of an incident: every change through the API or an import raises it.
ALTER TABLE incident ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
-- The portal user an incident was assigned to through the API; null for owners known only to Sentinel.
ALTER TABLE incident ADD COLUMN owner_user_id VARCHAR(36);
-- relatedAnalyticRuleIds of the Sentinel incident, as a JSON array of rule resource ids.
ALTER TABLE incident ADD COLUMN related_rule_ids VARCHAR(16000);
-- Counts from the Sentinel incident's additionalData; null when the export did not carry them.
ALTER TABLE incident ADD COLUMN alerts_count INTEGER;
ALTER TABLE incident ADD COLUMN bookmarks_count INTEGER;
ALTER TABLE incident ADD COLUMN comments_count INTEGER;

-- Entities of an incident (accounts, hosts, IP addresses...), keyed by the Sentinel entity name.
CREATE TABLE incident_entity (
    workspace_id  VARCHAR(36)    NOT NULL,
    incident_id   VARCHAR(100)   NOT NULL,
    id            VARCHAR(100)   NOT NULL,
    kind          VARCHAR(64)    NOT NULL,
    friendly_name VARCHAR(1000),
    -- The entity's properties object as JSON.
    properties    VARCHAR(32000) NOT NULL,
    imported_at   BIGINT         NOT NULL,
    PRIMARY KEY (workspace_id, incident_id, id),
    CONSTRAINT fk_incident_entity_incident FOREIGN KEY (workspace_id, incident_id)
        REFERENCES incident (workspace_id, id)
);

-- Comments of an incident: imported from Sentinel (author_actor null) or written through the API.
CREATE TABLE incident_comment (
    workspace_id        VARCHAR(36)    NOT NULL,
    incident_id         VARCHAR(100)   NOT NULL,
    id                  VARCHAR(100)   NOT NULL,
    message             VARCHAR(30000) NOT NULL,
    created_time        BIGINT         NOT NULL,
    last_modified_time  BIGINT,
    -- user:<id> or service-account:<id> of the API caller that wrote the comment.
    author_actor        VARCHAR(100),
    author_object_id    VARCHAR(100),
    author_email        VARCHAR(320),
    author_upn          VARCHAR(320),
    author_name         VARCHAR(320),
    PRIMARY KEY (workspace_id, incident_id, id),
    CONSTRAINT fk_incident_comment_incident FOREIGN KEY (workspace_id, incident_id)
        REFERENCES incident (workspace_id, id)
);

CREATE INDEX ix_incident_comment_created ON incident_comment (workspace_id, incident_id, created_time, id);

-- Append-only history of the changes made to incidents through the API.
CREATE TABLE incident_change (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    seq          BIGINT        GENERATED ALWAYS AS IDENTITY,
    workspace_id VARCHAR(36)   NOT NULL,
    incident_id  VARCHAR(100)  NOT NULL,
    occurred_at  BIGINT        NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    change_type  VARCHAR(40)   NOT NULL,
    -- JSON object: field name -> {"before": ..., "after": ...}.
    changes      VARCHAR(32000) NOT NULL
);

CREATE INDEX ix_incident_change_incident ON incident_change (workspace_id, incident_id, occurred_at, seq);
