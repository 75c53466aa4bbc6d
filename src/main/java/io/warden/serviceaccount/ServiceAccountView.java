package io.warden.serviceaccount;

import io.warden.credential.CredentialView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A service account as returned by the API. {@code clientId} equals {@code id}. The creation
 * response also carries the first credential and its {@code clientSecret}, which no other
 * response ever contains.
 */
@JsonbPropertyOrder({"id", "clientId", "name", "description", "enabled", "workspaceAccess", "createdAt", "createdBy",
        "updatedAt", "updatedBy", "clientSecret", "credential"})
public record ServiceAccountView(String id, String clientId, String name, String description, boolean enabled,
        WorkspaceAccessView workspaceAccess, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        String clientSecret, CredentialView credential) {

    public static ServiceAccountView of(ServiceAccount account) {
        return new ServiceAccountView(account.getId(), account.getId(), account.getName(), account.getDescription(),
                account.isEnabled(), WorkspaceAccessView.of(account.getWorkspaceAccess()), account.getCreatedAt(),
                account.getCreatedBy(), account.getUpdatedAt(), account.getUpdatedBy(), null, null);
    }

    public ServiceAccountView withFirstCredential(String secret, CredentialView firstCredential) {
        return new ServiceAccountView(id, clientId, name, description, enabled, workspaceAccess, createdAt, createdBy,
                updatedAt, updatedBy, secret, firstCredential);
    }

    /** Workspace access as it appears in requests and responses. */
    public record WorkspaceAccessView(boolean allWorkspaces, List<String> workspaceIds) {

        public static WorkspaceAccessView of(WorkspaceAccess access) {
            return new WorkspaceAccessView(access.allWorkspaces(), access.workspaceIds().stream().sorted().toList());
        }
    }
}
