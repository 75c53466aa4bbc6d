package io.warden.investigation;

import io.warden.platform.importing.WorkspaceItemKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user sign-in of one workspace, imported from a Microsoft Graph {@code signIn} resource. */
@Entity
@Table(name = "sign_in_log")
@IdClass(WorkspaceItemKey.class)
public class SignInLog {

    @Id
    @Column(name = "workspace_id", length = 36)
    String workspaceId;

    @Id
    @Column(name = "id", length = 100)
    String id;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "user_display_name", length = 320)
    String userDisplayName;

    @Column(name = "user_principal_name", length = 320)
    String userPrincipalName;

    @Column(name = "user_id", length = 100)
    String userId;

    @Column(name = "app_display_name", length = 320)
    String appDisplayName;

    @Column(name = "app_id", length = 100)
    String appId;

    @Column(name = "ip_address", length = 64)
    String ipAddress;

    @Column(name = "client_app_used", length = 100)
    String clientAppUsed;

    /** {@code status.errorCode}: 0 for a successful sign-in. */
    @Column(name = "error_code", nullable = false)
    int errorCode;

    @Column(name = "failure_reason", length = 2000)
    String failureReason;

    @Column(name = "succeeded", nullable = false)
    boolean succeeded;

    /** The Graph {@code location} object as JSON text. */
    @Column(name = "location", length = 4000)
    String location;

    @Column(name = "conditional_access_status", length = 64)
    String conditionalAccessStatus;

    @Column(name = "risk_level", length = 64)
    String riskLevelDuringSignIn;

    @Column(name = "risk_state", length = 64)
    String riskState;

    @Column(name = "imported_at", nullable = false)
    Instant importedAt;

    protected SignInLog() {
    }

    SignInLog(String workspaceId, String id) {
        this.workspaceId = workspaceId;
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
