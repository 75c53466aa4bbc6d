package io.warden.datasource;

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
 * Reads Warden's data-source import format:
 * {@code {"dataSources": [{"id", "type", "name", "status", "lastSyncAt"}]}}. Every item is
 * validated before anything is stored; all problems are reported together, each under its path,
 * such as {@code dataSources[1].status}. Unknown fields and null optional fields are accepted.
 */
final class DataSourceParser {

    static final int MAX_ITEMS = 5000;
    static final Set<String> STATUSES = Set.of("connected", "disconnected", "error");

    private DataSourceParser() {
    }

    /** Parses and validates the body into unsaved rows of the workspace, one per id (the last one given). */
    static List<DataSource> parse(String workspaceId, JsonObject body) {
        JsonArray items = ItemReader.items(body, "dataSources", MAX_ITEMS,
                "{\"dataSources\": [ {\"id\", \"type\", \"name\", \"status\", \"lastSyncAt\"} ]}");
        List<FieldError> errors = new ArrayList<>();
        Map<String, DataSource> rows = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemReader reader = new ItemReader("dataSources[" + i + "]", errors);
            JsonObject item = reader.object(items.get(i), "a data-source object");
            if (item == null) {
                continue;
            }
            DataSource row = new DataSource(workspaceId, reader.string(item, "id", "id", 100, true));
            row.type = reader.string(item, "type", "type", 100, true);
            row.name = reader.string(item, "name", "name", 200, true);
            row.status = reader.oneOf(item, "status", "status", STATUSES, true);
            row.lastSyncAt = reader.isoTime(item, "lastSyncAt", "lastSyncAt", false);
            if (reader.valid()) {
                rows.put(row.id, row);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(rows.values());
    }
}
