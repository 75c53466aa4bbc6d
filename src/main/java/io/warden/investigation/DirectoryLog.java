package io.warden.investigation;

import io.warden.platform.importing.WorkspaceItemKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A directory change of one workspace, imported from a Microsoft Graph {@code directoryAudit} resource. */
@Entity
@Table(name = "directory_log")
@IdClass(WorkspaceItemKey.class)
public class DirectoryLog {

    @Id
    @Column(name = "workspace_id", length = 36)
    String workspaceId;

    @Id
    @Column(name = "id", length = 200)
    String id;

    @Column(name = "activity_at", nullable = false)
    Instant activityAt;

    @Column(name = "activity_display_name", nullable = false, length = 320)
    String activityDisplayName;

    @Column(name = "category", length = 100)
    String category;

    @Column(name = "operation_type", length = 100)
    String operationType;

    /** One of success, failure, timeout, unknownFutureValue, or null. */
    @Column(name = "result", length = 32)
    String result;

    @Column(name = "result_reason", length = 2000)
    String resultReason;

    @Column(name = "logged_by_service", length = 200)
    String loggedByService;

    @Column(name = "initiated_by_user_id", length = 100)
    String initiatedByUserId;

    @Column(name = "initiated_by_upn", length = 320)
    String initiatedByUserPrincipalName;

    @Column(name = "initiated_by_app", length = 320)
    String initiatedByApp;

    /** The Graph {@code targetResources} list as JSON text. */
    @Column(name = "target_resources", length = 16000)
    String targetResources;

    @Column(name = "imported_at", nullable = false)
    Instant importedAt;

    protected DirectoryLog() {
    }

    DirectoryLog(String workspaceId, String id) {
        this.workspaceId = workspaceId;
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Instant getActivityAt() {
        return activityAt;
    }
}
