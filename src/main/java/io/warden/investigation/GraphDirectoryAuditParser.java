package io.warden.investigation;

import io.warden.platform.importing.ItemReader;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Microsoft Graph {@code GET /auditLogs/directoryAudits} response ({@code {"value": [...]}},
 * Graph v1.0 {@code directoryAudit} resources). Every item is validated before anything is stored;
 * all problems are reported together, each under the path of the item and field, such as
 * {@code value[2].activityDateTime}. Unknown fields and null optional fields are accepted.
 */
final class GraphDirectoryAuditParser {

    static final int MAX_ITEMS = 5000;
    static final Set<String> RESULTS = Set.of("success", "failure", "timeout", "unknownFutureValue");

    private GraphDirectoryAuditParser() {
    }

    /** Parses and validates the body into unsaved rows of the workspace, one per id (the last one given). */
    static List<DirectoryLog> parse(String workspaceId, JsonObject body) {
        JsonArray items = ItemReader.items(body, "value", MAX_ITEMS,
                "the Microsoft Graph directory audits response {\"value\": [ ...directoryAudit resources ]}");
        List<FieldError> errors = new ArrayList<>();
        Map<String, DirectoryLog> rows = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemReader reader = new ItemReader("value[" + i + "]", errors);
            JsonObject item = reader.object(items.get(i), "a directoryAudit object");
            if (item == null) {
                continue;
            }
            DirectoryLog row = read(reader, workspaceId, item);
            if (reader.valid()) {
                rows.put(row.id, row);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(rows.values());
    }

    private static DirectoryLog read(ItemReader reader, String workspaceId, JsonObject item) {
        DirectoryLog row = new DirectoryLog(workspaceId, reader.string(item, "id", "id", 200, true));
        row.activityAt = reader.isoTime(item, "activityDateTime", "activityDateTime", true);
        row.activityDisplayName = reader.string(item, "activityDisplayName", "activityDisplayName", 320, true);
        row.category = reader.string(item, "category", "category", 100, false);
        row.operationType = reader.string(item, "operationType", "operationType", 100, false);
        row.result = reader.oneOf(item, "result", "result", RESULTS, false);
        row.resultReason = reader.string(item, "resultReason", "resultReason", 2000, false);
        row.loggedByService = reader.string(item, "loggedByService", "loggedByService", 200, false);
        row.targetResources = reader.jsonText(item, "targetResources", "targetResources", 16000);
        if (item.containsKey("targetResources") && !item.isNull("targetResources")
                && !(item.get("targetResources") instanceof JsonArray)) {
            reader.reject("targetResources", "must be a list");
        }

        JsonObject initiatedBy = reader.child(item, "initiatedBy", "initiatedBy", false);
        JsonObject user = reader.child(initiatedBy, "user", "initiatedBy.user", false);
        JsonObject app = reader.child(initiatedBy, "app", "initiatedBy.app", false);
        row.initiatedByUserId = reader.string(user, "id", "initiatedBy.user.id", 100, false);
        row.initiatedByUserPrincipalName = reader.string(user, "userPrincipalName",
                "initiatedBy.user.userPrincipalName", 320, false);
        row.initiatedByApp = reader.string(app, "displayName", "initiatedBy.app.displayName", 320, false);
        return row;
    }
}
