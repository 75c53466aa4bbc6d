package io.warden.investigation;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;

/** A directory change as returned by the API, with the field names of the Graph {@code directoryAudit} resource. */
@JsonbPropertyOrder({"id", "activityDateTime", "activityDisplayName", "category", "operationType", "result",
        "resultReason", "loggedByService", "initiatedBy", "targetResources"})
public record DirectoryLogView(String id, Instant activityDateTime, String activityDisplayName, String category,
        String operationType, String result, String resultReason, String loggedByService, InitiatedBy initiatedBy,
        JsonArray targetResources) {

    /** The initiator of the change: a user, an app, or neither when the source names none. */
    public record InitiatedBy(String userId, String userPrincipalName, String appDisplayName) {
    }

    static DirectoryLogView of(DirectoryLog row) {
        return new DirectoryLogView(row.id, row.activityAt, row.activityDisplayName, row.category, row.operationType,
                row.result, row.resultReason, row.loggedByService,
                new InitiatedBy(row.initiatedByUserId, row.initiatedByUserPrincipalName, row.initiatedByApp),
                parse(row.targetResources));
    }

    private static JsonArray parse(String json) {
        if (json == null) {
            return Json.createArrayBuilder().build();
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }
}
