package io.warden.credential;

import java.time.Instant;

/** Lifecycle status of a credential. Only an active credential that has not expired authenticates. */
public enum CredentialStatus {
    ACTIVE,
    REVOKED,
    EXPIRED;

    /**
     * Decides expiry with the one comparison used everywhere: at {@code expiresAt} exactly the
     * credential is already expired. A null expiry never expires.
     */
    public static boolean isExpired(Instant expiresAt, Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
