-- Envelope encryption of client secrets. Besides its SHA-256 lookup hash, each new secret is stored
-- as AES-256-GCM ciphertext (tag appended) with its 12-byte IV, under a per-secret data key that is
-- stored wrapped by a key-encryption key (KEK). Binary values are Base64 text. kek_id names the
-- KEK, so a rotation can find the rows it has not re-wrapped yet. Rows issued before this version,
-- or while WARDEN_STORE_ENCRYPTED_SECRET is false, keep nulls in all four columns.

ALTER TABLE credential ADD COLUMN secret_ciphertext VARCHAR(512);
ALTER TABLE credential ADD COLUMN secret_iv VARCHAR(24);
ALTER TABLE credential ADD COLUMN wrapped_data_key VARCHAR(1024);
ALTER TABLE credential ADD COLUMN kek_id VARCHAR(200);

CREATE INDEX ix_credential_kek ON credential (kek_id);
