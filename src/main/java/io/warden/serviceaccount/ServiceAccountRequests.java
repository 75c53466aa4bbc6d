package io.warden.serviceaccount;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the service-account endpoints. Shape rules are declared here; catalog rules live in the services. */
public final class ServiceAccountRequests {

    private ServiceAccountRequests() {
    }

    /** Body of {@code POST /api/v2/service-accounts}. */
    public static class CreateServiceAccount {

        @NotBlank(message = "is required and must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        public String name;

        @Size(max = 1000, message = "must be at most 1000 characters")
        public String description;

        @NotNull(message = "is required: list at least one scope from GET /api/v2/scopes")
        @Size(min = 1, message = "must list at least one scope from GET /api/v2/scopes")
        public List<String> scopes;

        /** ISO-8601 instant such as {@code 2027-01-31T00:00:00Z}; absent or null means the credential never expires. */
        public String expiresAt;

        @NotNull(message = "is required: {\"allWorkspaces\": true} or {\"workspaceIds\": [\"...\"]}")
        @Valid
        public WorkspaceAccessBody workspaceAccess;
    }

    /** Workspace access in a request: every workspace, or the listed ones. */
    public static class WorkspaceAccessBody {

        public Boolean allWorkspaces;

        @Size(max = 1000, message = "must list at most 1000 workspaces")
        public List<String> workspaceIds;
    }
}
