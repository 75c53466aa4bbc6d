package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.webhook.WebhookEventType;
import io.warden.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Publishes the webhook events of incidents, with one payload shape for every way an incident
 * is created or changed (import, status update, owner change). Must be called inside the
 * transaction of the change.
 */
@ApplicationScoped
public class IncidentEvents {

    @Inject
    WebhookEvents webhookEvents;

    /** Publishes {@code incident.created} with the incident's identifying and triage fields. */
    void created(Caller caller, Incident incident) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("workspaceId", incident.getWorkspaceId())
                .add("incidentId", incident.getId());
        addIfPresent(data, "title", incident.getTitle());
        addIfPresent(data, "severity", incident.getSeverity());
        addIfPresent(data, "status", incident.getStatus());
        if (incident.getIncidentNumber() != null) {
            data.add("incidentNumber", incident.getIncidentNumber());
        }
        data.add("createdBy", caller.actor());
        webhookEvents.publish(caller.organizationId(), WebhookEventType.INCIDENT_CREATED, data.build());
    }

    /** Publishes {@code incident.updated} with the changed fields, each as {@code {before, after}}. */
    void updated(Caller caller, Incident incident, JsonObject changes) {
        webhookEvents.publish(caller.organizationId(), WebhookEventType.INCIDENT_UPDATED, Json.createObjectBuilder()
                .add("workspaceId", incident.getWorkspaceId())
                .add("incidentId", incident.getId())
                .add("changes", changes)
                .add("updatedBy", caller.actor())
                .build());
    }

    /**
     * Returns the triage fields that a re-import changed, so that importing the same list twice
     * publishes no event.
     */
    static IncidentHistory.Changes importChanges(Incident before, IncidentRecord after) {
        return new IncidentHistory.Changes()
                .field("title", before.getTitle(), after.title())
                .field("severity", before.getSeverity(), after.severity())
                .field("status", before.getStatus(), after.status())
                .field("classification", before.getClassification(), after.classification())
                .field("owner.assignedTo", before.getOwnerAssignedTo(), after.ownerAssignedTo());
    }

    private static void addIfPresent(JsonObjectBuilder data, String name, String value) {
        if (value != null) {
            data.add(name, value);
        }
    }
}
