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

/**
 * Reads a Microsoft Graph {@code GET /auditLogs/signIns} response ({@code {"value": [...]}}, Graph
 * v1.0 {@code signIn} resources). Every item is validated before anything is stored; all problems
 * are reported together, each under the path of the item and field, such as
 * {@code value[2].createdDateTime}. Unknown fields and null optional fields are accepted.
 */
final class GraphSignInParser {

    static final int MAX_ITEMS = 5000;

    private GraphSignInParser() {
    }

    /** Parses and validates the body into unsaved rows of the workspace, one per id (the last one given). */
    static List<SignInLog> parse(String workspaceId, JsonObject body) {
        JsonArray items = ItemReader.items(body, "value", MAX_ITEMS,
                "the Microsoft Graph sign-ins response {\"value\": [ ...signIn resources ]}");
        List<FieldError> errors = new ArrayList<>();
        Map<String, SignInLog> rows = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemReader reader = new ItemReader("value[" + i + "]", errors);
            JsonObject item = reader.object(items.get(i), "a signIn object");
            if (item == null) {
                continue;
            }
            SignInLog row = read(reader, workspaceId, item);
            if (reader.valid()) {
                rows.put(row.id, row);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(rows.values());
    }

    private static SignInLog read(ItemReader reader, String workspaceId, JsonObject item) {
        SignInLog row = new SignInLog(workspaceId, reader.string(item, "id", "id", 100, true));
        row.createdAt = reader.isoTime(item, "createdDateTime", "createdDateTime", true);
        row.userDisplayName = reader.string(item, "userDisplayName", "userDisplayName", 320, false);
        row.userPrincipalName = reader.string(item, "userPrincipalName", "userPrincipalName", 320, false);
        row.userId = reader.string(item, "userId", "userId", 100, false);
        row.appDisplayName = reader.string(item, "appDisplayName", "appDisplayName", 320, false);
        row.appId = reader.string(item, "appId", "appId", 100, false);
        row.ipAddress = reader.string(item, "ipAddress", "ipAddress", 64, false);
        row.clientAppUsed = reader.string(item, "clientAppUsed", "clientAppUsed", 100, false);
        row.conditionalAccessStatus = reader.string(item, "conditionalAccessStatus", "conditionalAccessStatus", 64,
                false);
        row.riskLevelDuringSignIn = reader.string(item, "riskLevelDuringSignIn", "riskLevelDuringSignIn", 64, false);
        row.riskState = reader.string(item, "riskState", "riskState", 64, false);
        row.location = reader.jsonText(item, "location", "location", 4000);

        JsonObject status = reader.child(item, "status", "status", true);
        if (status != null) {
            Integer errorCode = reader.integer(status, "errorCode", "status.errorCode", true);
            row.errorCode = errorCode == null ? -1 : errorCode;
            row.succeeded = errorCode != null && errorCode == 0;
            row.failureReason = reader.string(status, "failureReason", "status.failureReason", 2000, false);
        }
        return row;
    }
}
