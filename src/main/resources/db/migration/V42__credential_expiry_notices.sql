-- Expiry notices already handled, shared by Derby and PostgreSQL. The expiry timer inserts one row
-- per credential and lead time (in whole days) in the transaction that publishes the
-- credential.expiring event, so the primary key lets each notice go out once across all nodes and
-- restarts. A row is also inserted, without an event, for a larger lead time that had already
-- passed when a smaller one was sent.
CREATE TABLE credential_expiry_notice (
    credential_id VARCHAR(36) NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    lead_days     INTEGER     NOT NULL,
    -- Epoch milliseconds.
    recorded_at   BIGINT      NOT NULL,
    -- Whether the event was published (false: recorded as passed without an event).
    sent          BOOLEAN     NOT NULL,
    PRIMARY KEY (credential_id, lead_days)
);

-- The expiry sweep and the notice check select active credentials by expiry every 15 seconds.
CREATE INDEX ix_credential_expiry ON credential (status, expires_at);
