package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.platform.problem.ProblemException;
import io.warden.webhook.WebhookEventType;
import io.warden.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes, edits and deletes incident comments. Only the author may edit or delete a comment: the
 * same portal user or the same service account, compared by actor. Imported comments have no
 * actor, so no API caller may change them. Each change records a history entry with the comment id
 * (the text stays in the comment, not in the history).
 */
@ApplicationScoped
public class IncidentCommentService {

    private static final Logger LOG = Logger.getLogger(IncidentCommentService.class.getName());
    static final int MAX_MESSAGE_LENGTH = SentinelCommentParser.MAX_MESSAGE_LENGTH;

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WebhookEvents webhookEvents;

    @Inject
    IncidentDetailService details;

    @Inject
    IncidentHistory history;

    @Transactional
    public IncidentDetails.CommentView create(Caller caller, String workspaceId, String incidentId, JsonObject body) {
        Incident incident = details.requireIncident(caller, workspaceId, incidentId);
        String message = message(body);

        IncidentComment comment = IncidentComment.written(incident.getWorkspaceId(), incident.getId(),
                UUID.randomUUID().toString(), message, caller.actor(), caller.displayName(), ServerClock.now());
        entityManager.persist(comment);
        history.record(caller, incident.getWorkspaceId(), incident.getId(), IncidentHistory.COMMENT_CREATED,
                commentChange(null, comment.getId()));
        webhookEvents.publish(caller.organizationId(), WebhookEventType.COMMENT_CREATED, Json.createObjectBuilder()
                .add("workspaceId", incident.getWorkspaceId())
                .add("incidentId", incident.getId())
                .add("commentId", comment.getId())
                .add("createdBy", caller.actor())
                .build());
        LOG.info(() -> "Comment " + comment.getId() + " added to incident " + incident.getId() + " by "
                + caller.actor());
        return IncidentDetails.CommentView.of(comment);
    }

    @Transactional
    public IncidentDetails.CommentView edit(Caller caller, String workspaceId, String incidentId, String commentId,
            JsonObject body) {
        IncidentComment comment = requireOwnComment(caller, workspaceId, incidentId, commentId);
        String message = message(body);

        comment.edit(message, ServerClock.now());
        history.record(caller, comment.getWorkspaceId(), comment.getIncidentId(), IncidentHistory.COMMENT_UPDATED,
                commentChange(comment.getId(), comment.getId()));
        return IncidentDetails.CommentView.of(comment);
    }

    @Transactional
    public void delete(Caller caller, String workspaceId, String incidentId, String commentId) {
        IncidentComment comment = requireOwnComment(caller, workspaceId, incidentId, commentId);

        entityManager.remove(comment);
        history.record(caller, comment.getWorkspaceId(), comment.getIncidentId(), IncidentHistory.COMMENT_DELETED,
                commentChange(comment.getId(), null));
        LOG.info(() -> "Comment " + commentId + " of incident " + incidentId + " deleted by " + caller.actor());
    }

    /** Returns the comment, failing with 404 if it is missing and with 403 if the caller is not its author. */
    private IncidentComment requireOwnComment(Caller caller, String workspaceId, String incidentId, String commentId) {
        Incident incident = details.requireIncident(caller, workspaceId, incidentId);
        IncidentComment comment = commentId == null ? null : entityManager.find(IncidentComment.class,
                new IncidentComment.Key(incident.getWorkspaceId(), incident.getId(), commentId));
        if (comment == null) {
            throw ProblemException.notFound("Comment " + commentId + " was not found on incident " + incidentId + ".");
        }
        if (!caller.actor().equals(comment.getAuthorActor())) {
            throw ProblemException.forbidden("Only the author of a comment may change or delete it.");
        }
        return comment;
    }

    /** Reads {@code message}: 1 to 30,000 characters, not only white space. */
    static String message(JsonObject body) {
        JsonValue value = body == null ? null : body.get("message");
        if (!(value instanceof JsonString text)) {
            throw ProblemException.invalidField("message", "is required: a string of 1 to " + MAX_MESSAGE_LENGTH
                    + " characters");
        }
        String message = text.getString();
        if (message.isBlank() || message.length() > MAX_MESSAGE_LENGTH) {
            throw ProblemException.invalidField("message", "must be 1 to " + MAX_MESSAGE_LENGTH
                    + " characters and not only white space; it has " + message.length());
        }
        return message;
    }

    private static JsonObject commentChange(String before, String after) {
        return new IncidentHistory.Changes().entry("commentId", before, after).build();
    }
}
