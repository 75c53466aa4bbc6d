package io.warden.auth;

import io.warden.credential.Credential;
import io.warden.credential.CredentialStatus;
import io.warden.serviceaccount.ServiceAccount;
import java.time.Instant;

/**
 * The facts authentication needs about one credential and its account, read in one go and kept in
 * memory for a short time. {@code caller} is built once here, so a cached snapshot costs nothing
 * per request; it is null when the account is disabled, deleted or missing.
 */
record CredentialSnapshot(String credentialId, String secretPrefix, String clientId, boolean accountUsable,
        CredentialStatus storedStatus, Instant expiresAt, long loadedAtNanos, Caller caller) {

    static CredentialSnapshot of(Credential credential, ServiceAccount account, long loadedAtNanos) {
        boolean usable = account != null && account.isEnabled() && !account.isDeleted();
        Caller caller = usable ? Caller.serviceAccount(account.getId(), account.getName(), account.getOrganizationId(),
                credential.getScopes(), account.getWorkspaceAccess(), credential.getId()) : null;
        return new CredentialSnapshot(credential.getId(), credential.getSecretPrefix(), credential.getServiceAccountId(),
                usable, credential.getStoredStatus(), credential.getExpiresAt(), loadedAtNanos, caller);
    }
}
