-- Shared by Derby and PostgreSQL. Instants are epoch milliseconds (BIGINT).

-- Append-only lifecycle trail; rows are never updated or deleted, and they keep no foreign key to
-- the account so they outlive it.
CREATE TABLE audit_event (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    -- Insertion order: events of one transaction share a millisecond but keep their order.
    seq                BIGINT        GENERATED ALWAYS AS IDENTITY,
    occurred_at        BIGINT        NOT NULL,
    organization_id    VARCHAR(36)   NOT NULL,
    service_account_id VARCHAR(36),
    credential_id      VARCHAR(36),
    event_type         VARCHAR(40)   NOT NULL,
    actor              VARCHAR(100)  NOT NULL,
    details            VARCHAR(4000) NOT NULL
);

CREATE INDEX ix_audit_event_org ON audit_event (organization_id, occurred_at, seq);
CREATE INDEX ix_audit_event_account ON audit_event (service_account_id, occurred_at, seq);

-- One row per API call made with a credential (or a wrong secret for a known Client ID).
CREATE TABLE request_log (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    occurred_at        BIGINT        NOT NULL,
    organization_id    VARCHAR(36)   NOT NULL,
    service_account_id VARCHAR(36)   NOT NULL,
    credential_id      VARCHAR(36),
    secret_prefix      VARCHAR(6),
    http_method        VARCHAR(16)   NOT NULL,
    path               VARCHAR(2000) NOT NULL,
    status             INTEGER       NOT NULL,
    latency_ms         INTEGER       NOT NULL,
    source_ip          VARCHAR(64)   NOT NULL
);

CREATE INDEX ix_request_log_account ON request_log (service_account_id, occurred_at, id);
CREATE INDEX ix_request_log_time ON request_log (occurred_at);

-- Scheduled jobs that must run once per scheduled slot across every node sharing the database:
-- the node that moves last_slot forward runs the slot, the others skip it.
CREATE TABLE job_slot (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    last_slot  BIGINT       NOT NULL,
    run_by     VARCHAR(200)
);

INSERT INTO job_slot (name, last_slot) VALUES ('credential-expiry', 0);
INSERT INTO job_slot (name, last_slot) VALUES ('request-log-retention', 0);
