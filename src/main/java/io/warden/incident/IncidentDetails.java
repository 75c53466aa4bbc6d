package io.warden.incident;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** The views of an incident's entities, comments, alert rules, evidence and history. */
public final class IncidentDetails {

    private IncidentDetails() {
    }

    /** A Sentinel entity: {@code kind} such as Account or Host, and its Sentinel properties. */
    @JsonbPropertyOrder({"id", "kind", "friendlyName", "properties"})
    public record EntityView(String id, String kind, String friendlyName, JsonObject properties) {

        static EntityView of(IncidentEntity entity) {
            return new EntityView(entity.getId(), entity.getKind(), entity.getFriendlyName(),
                    parse(entity.getProperties()));
        }
    }

    /** The entities of an incident. */
    public record EntityList(List<EntityView> items) {
    }

    /**
     * The author of a comment: {@code actor} ({@code user:<id>} or {@code service-account:<id>}) for
     * comments written through the API, the Sentinel author fields for imported ones.
     */
    @JsonbPropertyOrder({"actor", "name", "objectId", "email", "userPrincipalName"})
    public record Author(String actor, String name, String objectId, String email, String userPrincipalName) {
    }

    @JsonbPropertyOrder({"id", "message", "author", "createdTimeUtc", "lastModifiedTimeUtc"})
    public record CommentView(String id, String message, Author author, Instant createdTimeUtc,
            Instant lastModifiedTimeUtc) {

        static CommentView of(IncidentComment comment) {
            return new CommentView(comment.getId(), comment.getMessage(), new Author(comment.getAuthorActor(),
                    comment.getAuthorName(), comment.getAuthorObjectId(), comment.getAuthorEmail(),
                    comment.getAuthorUserPrincipalName()), comment.getCreatedTime(), comment.getLastModifiedTime());
        }
    }

    /**
     * An analytics rule related to the incident: {@code ruleId} is the last segment of the Sentinel
     * rule resource id. {@code displayName} is null until a rule name is known to the server.
     */
    @JsonbPropertyOrder({"ruleId", "resourceId", "displayName"})
    public record AlertRuleView(String ruleId, String resourceId, @JsonbNillable String displayName) {

        static AlertRuleView of(String resourceId) {
            String trimmed = resourceId.endsWith("/") ? resourceId.substring(0, resourceId.length() - 1) : resourceId;
            return new AlertRuleView(trimmed.substring(trimmed.lastIndexOf('/') + 1), resourceId, null);
        }
    }

    /** The alert rules related to an incident. */
    public record AlertRuleList(List<AlertRuleView> items) {
    }

    /**
     * The evidence of an incident: the alert, bookmark and comment counts that Sentinel reported in the
     * incident's additionalData (null when the import did not carry them), the number of entities
     * imported, and the entities themselves.
     */
    @JsonbPropertyOrder({"alertsCount", "bookmarksCount", "commentsCount", "entitiesCount", "entities"})
    public record EvidenceView(@JsonbNillable Integer alertsCount, @JsonbNillable Integer bookmarksCount,
            @JsonbNillable Integer commentsCount, int entitiesCount, List<EntityView> entities) {
    }

    /** One change made through the API: the changed fields with their values before and after. */
    @JsonbPropertyOrder({"id", "occurredAt", "actor", "changeType", "changes"})
    public record HistoryEntryView(String id, Instant occurredAt, String actor, String changeType,
            JsonObject changes) {

        static HistoryEntryView of(IncidentChange change) {
            return new HistoryEntryView(change.getId(), change.getOccurredAt(), change.getActor(),
                    change.getChangeType(), parse(change.getChanges()));
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
