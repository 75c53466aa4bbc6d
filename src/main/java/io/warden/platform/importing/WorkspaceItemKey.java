package io.warden.platform.importing;

import java.io.Serializable;
import java.util.Objects;

/**
 * Primary key of an imported item: its workspace and its id in the source system. Entities use it
 * as their {@code @IdClass} with the attributes {@code workspaceId} and {@code id}.
 */
public class WorkspaceItemKey implements Serializable {

    private String workspaceId;
    private String id;

    public WorkspaceItemKey() {
    }

    public WorkspaceItemKey(String workspaceId, String id) {
        this.workspaceId = workspaceId;
        this.id = id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkspaceItemKey key && Objects.equals(workspaceId, key.workspaceId)
                && Objects.equals(id, key.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspaceId, id);
    }
}
