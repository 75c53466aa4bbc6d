package io.warden.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;

/** An audit event as returned by the API. */
@JsonbPropertyOrder({"id", "occurredAt", "eventType", "actor", "serviceAccountId", "credentialId", "details"})
public record AuditEventView(String id, Instant occurredAt, String eventType, String actor, String serviceAccountId,
        String credentialId, JsonObject details) {

    static AuditEventView of(AuditEvent event) {
        JsonObject details;
        try (JsonReader reader = Json.createReader(new StringReader(event.getDetails()))) {
            details = reader.readObject();
        }
        return new AuditEventView(event.getId(), event.getOccurredAt(), event.getEventType().apiName(),
                event.getActor(), event.getServiceAccountId(), event.getCredentialId(), details);
    }
}
