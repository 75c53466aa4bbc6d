package io.warden.user;

import io.warden.serviceaccount.ServiceAccountView.WorkspaceAccessView;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A portal user's profile as returned by the API. It never contains a password or its hash. */
@JsonbPropertyOrder({"id", "loginName", "displayName", "email", "role", "workspaceAccess", "createdAt"})
public record UserView(String id, String loginName, String displayName, @JsonbNillable String email, String role,
        WorkspaceAccessView workspaceAccess, Instant createdAt) {

    static UserView of(PortalUser user) {
        return new UserView(user.getId(), user.getLoginName(), user.getDisplayName(), user.getEmail(),
                user.getRole().name(), WorkspaceAccessView.of(user.getWorkspaceAccess()), user.getCreatedAt());
    }

    /** The response that adds a user: its profile and the one-time initial password. */
    @JsonbPropertyOrder({"id", "loginName", "displayName", "email", "role", "workspaceAccess", "createdAt",
            "initialPassword"})
    public record Created(String id, String loginName, String displayName, @JsonbNillable String email, String role,
            WorkspaceAccessView workspaceAccess, Instant createdAt, String initialPassword) {

        static Created of(PortalUser user, String initialPassword) {
            return new Created(user.getId(), user.getLoginName(), user.getDisplayName(), user.getEmail(),
                    user.getRole().name(), WorkspaceAccessView.of(user.getWorkspaceAccess()), user.getCreatedAt(),
                    initialPassword);
        }
    }
}
