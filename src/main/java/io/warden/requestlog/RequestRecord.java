package io.warden.requestlog;

import java.time.Instant;

/**
 * A finished request waiting in the buffer to be written. {@code credentialId} is null when the
 * secret was wrong; the writer then keeps the record only if the Client ID names a known account.
 */
record RequestRecord(String id, Instant occurredAt, String clientId, String credentialId, String secretPrefix,
        String httpMethod, String path, int status, int latencyMs, String sourceIp) {
}
