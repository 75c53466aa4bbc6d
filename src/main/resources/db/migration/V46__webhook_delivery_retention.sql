-- Hourly purge of old webhook delivery-log rows and finished outbox rows, shared by Derby and
-- PostgreSQL. The purge selects rows by age, so both tables get an index on their time column.
CREATE INDEX ix_webhook_delivery_log_time ON webhook_delivery_log (attempted_at);
CREATE INDEX ix_webhook_delivery_created ON webhook_delivery (created_at);

INSERT INTO job_slot (name, last_slot) VALUES ('webhook-delivery-retention', 0);
