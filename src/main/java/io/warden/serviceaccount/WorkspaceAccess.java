package io.warden.serviceaccount;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/** The workspaces a service account or portal user may see: every workspace of its organization, or an explicit set. */
public record WorkspaceAccess(boolean allWorkspaces, Set<String> workspaceIds) {

    public WorkspaceAccess {
        workspaceIds = allWorkspaces ? Set.of() : Set.copyOf(new TreeSet<>(workspaceIds));
    }

    public static WorkspaceAccess everyWorkspace() {
        return new WorkspaceAccess(true, Set.of());
    }

    public static WorkspaceAccess only(Set<String> workspaceIds) {
        return new WorkspaceAccess(false, workspaceIds);
    }

    public boolean includes(String workspaceId) {
        return allWorkspaces || workspaceIds.contains(workspaceId);
    }

    /** Returns true when every workspace this access grants is also granted by {@code other}. */
    public boolean isWithin(WorkspaceAccess other) {
        if (other.allWorkspaces) {
            return true;
        }
        return !allWorkspaces && other.workspaceIds.containsAll(workspaceIds);
    }

    /** Returns the access as {@code {"allWorkspaces": ..., "workspaceIds": [...]}}, ids sorted, for audit details. */
    public JsonObject toJson() {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        workspaceIds.stream().sorted().forEach(ids::add);
        return Json.createObjectBuilder().add("allWorkspaces", allWorkspaces).add("workspaceIds", ids).build();
    }
}
