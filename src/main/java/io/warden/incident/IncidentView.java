package io.warden.incident;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** An incident as returned by the API, with the workspace it belongs to. */
@JsonbPropertyOrder({"workspaceId", "workspaceName", "id", "incidentNumber", "title", "description", "severity",
        "status", "classification", "classificationReason", "classificationComment", "owner", "labels",
        "providerName", "providerIncidentId", "incidentUrl", "createdTimeUtc", "lastModifiedTimeUtc",
        "firstActivityTimeUtc", "lastActivityTimeUtc"})
public record IncidentView(String workspaceId, String workspaceName, String id, Integer incidentNumber, String title,
        String description, String severity, String status, String classification, String classificationReason,
        String classificationComment, Owner owner, List<Label> labels, String providerName, String providerIncidentId,
        String incidentUrl, Instant createdTimeUtc, Instant lastModifiedTimeUtc, Instant firstActivityTimeUtc,
        Instant lastActivityTimeUtc) {

    /**
     * The incident's owner, absent when the incident is unassigned. {@code userId} is the portal user
     * assigned through the API; owners imported from Sentinel have none.
     */
    public record Owner(String userId, String objectId, String email, String userPrincipalName, String assignedTo) {
    }

    /** A label of the incident. */
    public record Label(String labelName, String labelType) {
    }

    static IncidentView of(Incident incident, String workspaceName) {
        boolean hasOwner = incident.getOwnerUserId() != null || incident.getOwnerObjectId() != null || incident.getOwnerEmail() != null
                || incident.getOwnerUserPrincipalName() != null || incident.getOwnerAssignedTo() != null;
        Owner owner = hasOwner ? new Owner(incident.getOwnerUserId(), incident.getOwnerObjectId(), incident.getOwnerEmail(),
                incident.getOwnerUserPrincipalName(), incident.getOwnerAssignedTo()) : null;
        return new IncidentView(incident.getWorkspaceId(), workspaceName, incident.getId(),
                incident.getIncidentNumber(), incident.getTitle(), incident.getDescription(), incident.getSeverity(),
                incident.getStatus(), incident.getClassification(), incident.getClassificationReason(),
                incident.getClassificationComment(), owner, labels(incident.getLabels()), incident.getProviderName(),
                incident.getProviderIncidentId(), incident.getIncidentUrl(), incident.getCreatedTime(),
                incident.getLastModifiedTime(), incident.getFirstActivityTime(), incident.getLastActivityTime());
    }

    private static List<Label> labels(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonObject.class).stream()
                    .map(label -> new Label(label.getString("labelName", ""), label.getString("labelType", "User")))
                    .toList();
        }
    }
}
