package io.warden.datasource;

import io.warden.platform.importing.WorkspaceItemKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A data source connected to one workspace; its id is unique within the workspace. */
@Entity
@Table(name = "data_source")
@IdClass(WorkspaceItemKey.class)
public class DataSource {

    @Id
    @Column(name = "workspace_id", length = 36)
    String workspaceId;

    @Id
    @Column(name = "id", length = 100)
    String id;

    /** The kind of source, such as {@code Microsoft Sentinel} or {@code Syslog}. */
    @Column(name = "source_type", nullable = false, length = 100)
    String type;

    @Column(name = "name", nullable = false, length = 200)
    String name;

    /** One of {@link DataSourceParser#STATUSES}. */
    @Column(name = "status", nullable = false, length = 32)
    String status;

    @Column(name = "last_sync_at")
    Instant lastSyncAt;

    @Column(name = "imported_at", nullable = false)
    Instant importedAt;

    protected DataSource() {
    }

    DataSource(String workspaceId, String id) {
        this.workspaceId = workspaceId;
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
