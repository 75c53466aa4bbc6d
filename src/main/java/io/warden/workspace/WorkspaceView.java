package io.warden.workspace;

import java.time.Instant;

/** A workspace as returned by the API. */
public record WorkspaceView(String id, String name, Instant createdAt) {

    static WorkspaceView of(Workspace workspace) {
        return new WorkspaceView(workspace.getId(), workspace.getName(), workspace.getCreatedAt());
    }
}
