/**
 * Envelope encryption of client secrets: AES-256-GCM under a per-secret data key, data keys wrapped
 * by a key-encryption key (KEK) behind {@link io.warden.crypto.KeyWrapper}, and the embedded
 * PKCS#12 keystore that contains the KEKs outside the database.
 */
package io.warden.crypto;
