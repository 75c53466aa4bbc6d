package io.warden.auth;

import io.warden.credential.CredentialStatus;
import io.warden.scope.Scope;
import io.warden.serviceaccount.WorkspaceAccess;
import java.time.Instant;
import java.util.Set;

/**
 * What authentication needs to know about one credential and its account, read in one go and
 * kept in memory for a short time.
 */
record CredentialSnapshot(String credentialId, String secretPrefix, String clientId, String accountName, String organizationId,
        boolean accountUsable, CredentialStatus storedStatus, Instant expiresAt, Set<Scope> scopes,
        WorkspaceAccess workspaceAccess, long loadedAtNanos) {

    Caller toCaller() {
        return Caller.serviceAccount(clientId, accountName, organizationId, scopes, workspaceAccess, credentialId);
    }
}
