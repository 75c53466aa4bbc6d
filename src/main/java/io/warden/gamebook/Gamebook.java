package io.warden.gamebook;

import io.warden.platform.importing.WorkspaceItemKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Gamebook of one workspace; its id is unique within the workspace, so importing again updates it. */
@Entity
@Table(name = "gamebook")
@IdClass(WorkspaceItemKey.class)
public class Gamebook {

    @Id
    @Column(name = "workspace_id", length = 36)
    String workspaceId;

    @Id
    @Column(name = "id", length = 100)
    String id;

    @Column(name = "name", nullable = false, length = 200)
    String name;

    @Column(name = "description", length = 4000)
    String description;

    /** The event that starts the Gamebook, such as {@code incident-created} or {@code manual}. */
    @Column(name = "trigger_kind", length = 100)
    String trigger;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "imported_at", nullable = false)
    Instant importedAt;

    protected Gamebook() {
    }

    Gamebook(String workspaceId, String id) {
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
