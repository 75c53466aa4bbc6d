package io.warden.gamebook;

import io.warden.platform.importing.WorkspaceItemKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of a Gamebook, optionally on an incident of the same workspace. */
@Entity
@Table(name = "gamebook_run")
@IdClass(WorkspaceItemKey.class)
public class GamebookRun {

    @Id
    @Column(name = "workspace_id", length = 36)
    String workspaceId;

    @Id
    @Column(name = "id", length = 100)
    String id;

    @Column(name = "gamebook_id", nullable = false, length = 100)
    String gamebookId;

    @Column(name = "incident_id", length = 100)
    String incidentId;

    /** One of {@link GamebookParser#RUN_STATUSES}. */
    @Column(name = "status", nullable = false, length = 32)
    String status;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(name = "imported_at", nullable = false)
    Instant importedAt;

    protected GamebookRun() {
    }

    GamebookRun(String workspaceId, String id) {
        this.workspaceId = workspaceId;
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt;
    }
}
