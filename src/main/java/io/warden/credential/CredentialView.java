package io.warden.credential;

import io.warden.scope.Scope;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A credential as returned by the API: never the secret or its hash, only the first six
 * characters of the secret so an operator can tell credentials apart.
 */
@JsonbPropertyOrder({"id", "clientId", "secretPrefix", "status", "scopes", "expiresAt", "lastUsedAt", "createdAt",
        "createdBy", "revokedAt", "revokedBy"})
public record CredentialView(String id, String clientId, String secretPrefix, String status, List<String> scopes,
        Instant expiresAt, Instant lastUsedAt, Instant createdAt, String createdBy, Instant revokedAt,
        String revokedBy) {

    public static CredentialView of(Credential credential, Instant now) {
        return new CredentialView(credential.getId(), credential.getServiceAccountId(), credential.getSecretPrefix(),
                credential.statusAt(now).apiName(), credential.getScopes().stream().map(Scope::scopeName).toList(),
                credential.getExpiresAt(), credential.getLastUsedAt(), credential.getCreatedAt(),
                credential.getCreatedBy(), credential.getRevokedAt(), credential.getRevokedBy());
    }

    /** A credential just issued, with its secret: the only response that ever contains it. */
    @JsonbPropertyOrder({"clientId", "clientSecret", "credential"})
    public record Issued(String clientId, String clientSecret, CredentialView credential) {
    }
}
