-- Webhook subscriptions of an organization. Shared by Derby and PostgreSQL, with instants as epoch
-- milliseconds (BIGINT). The signing secret exists only envelope-encrypted, in the same layout as
-- the credential columns of V2: AES-256-GCM ciphertext with its IV, and the data key wrapped by the
-- KEK named in kek_id.
CREATE TABLE webhook (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id   VARCHAR(36)   NOT NULL REFERENCES organization (id),
    name              VARCHAR(200)  NOT NULL,
    url               VARCHAR(2000) NOT NULL,
    paused            BOOLEAN       NOT NULL,
    secret_ciphertext VARCHAR(512)  NOT NULL,
    secret_iv         VARCHAR(24)   NOT NULL,
    wrapped_data_key  VARCHAR(1024) NOT NULL,
    kek_id            VARCHAR(200)  NOT NULL,
    created_at        BIGINT        NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    updated_at        BIGINT        NOT NULL,
    updated_by        VARCHAR(100)  NOT NULL
);

CREATE INDEX ix_webhook_org_name ON webhook (organization_id, name, id);

-- The event types a webhook subscribes to, deleted together with the webhook.
CREATE TABLE webhook_event_type (
    webhook_id VARCHAR(36) NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_type VARCHAR(40) NOT NULL,
    PRIMARY KEY (webhook_id, event_type)
);
