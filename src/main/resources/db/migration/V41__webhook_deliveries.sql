-- Webhook outbox and delivery log, shared by Derby and PostgreSQL, with instants as epoch
-- milliseconds (BIGINT). An event inserts one webhook_delivery row per subscribed webhook in the
-- transaction of the change, so the background sender finds it after a restart too.
CREATE TABLE webhook_delivery (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    webhook_id      VARCHAR(36)   NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    organization_id VARCHAR(36)   NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    payload         VARCHAR(8000) NOT NULL,
    -- pending, delivered, failed or skipped (the webhook was paused when the event happened).
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    created_at      BIGINT        NOT NULL,
    next_attempt_at BIGINT,
    -- A sender that claims a row sets this, so that another node does not send it at the same time.
    claimed_until   BIGINT
);

CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);

-- One row per delivery attempt, and one for each event skipped because its webhook was paused.
-- delivery_id has no foreign key because Derby rejects a second cascade path to this table.
CREATE TABLE webhook_delivery_log (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    delivery_id     VARCHAR(36)  NOT NULL,
    webhook_id      VARCHAR(36)  NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_type      VARCHAR(40)  NOT NULL,
    attempted_at    BIGINT       NOT NULL,
    attempt         INTEGER      NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    response_status INTEGER,
    latency_ms      INTEGER,
    error           VARCHAR(500)
);

CREATE INDEX ix_webhook_delivery_log_webhook ON webhook_delivery_log (webhook_id, attempted_at, id);
