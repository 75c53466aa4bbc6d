package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Objects;

/**
 * Writes the history of incident changes inside the transaction of the change ({@code MANDATORY}),
 * so a change is never kept without its entry.
 */
@ApplicationScoped
public class IncidentHistory {

    static final String INCIDENT_UPDATED = "incident.updated";
    static final String OWNER_CHANGED = "owner.changed";
    static final String COMMENT_CREATED = "comment.created";
    static final String COMMENT_UPDATED = "comment.updated";
    static final String COMMENT_DELETED = "comment.deleted";

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String workspaceId, String incidentId, String changeType, JsonObject changes) {
        entityManager.persist(new IncidentChange(workspaceId, incidentId, ServerClock.now(), caller.actor(),
                changeType, changes.toString()));
        // Written at once, so the database sequence follows the order of the changes.
        entityManager.flush();
    }

    /** Collects the fields whose value differs, each as {@code {"before": ..., "after": ...}}. */
    static final class Changes {

        private final JsonObjectBuilder fields = Json.createObjectBuilder();
        private boolean empty = true;

        Changes field(String name, String before, String after) {
            return Objects.equals(before, after) ? this : entry(name, before, after);
        }

        /** Adds the field even when its value did not change, such as the id of an edited comment. */
        Changes entry(String name, String before, String after) {
            JsonObjectBuilder change = Json.createObjectBuilder();
            if (before == null) {
                change.addNull("before");
            } else {
                change.add("before", before);
            }
            if (after == null) {
                change.addNull("after");
            } else {
                change.add("after", after);
            }
            fields.add(name, change);
            empty = false;
            return this;
        }

        boolean isEmpty() {
            return empty;
        }

        JsonObject build() {
            return fields.build();
        }
    }
}
