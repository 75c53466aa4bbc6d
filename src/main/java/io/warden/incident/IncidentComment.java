package io.warden.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A comment on an incident. Imported comments keep their Sentinel name as id and have no
 * {@code authorActor}, so no API caller can change them. Comments written through the API store
 * their author as {@code user:<id>} or {@code service-account:<id>}.
 */
@Entity
@Table(name = "incident_comment")
@IdClass(IncidentComment.Key.class)
public class IncidentComment {

    @Id
    @Column(name = "workspace_id", length = 36)
    private String workspaceId;

    @Id
    @Column(name = "incident_id", length = 100)
    private String incidentId;

    @Id
    @Column(name = "id", length = 100)
    private String id;

    @Column(name = "message", nullable = false, length = 30000)
    private String message;

    @Column(name = "created_time", nullable = false)
    private Instant createdTime;

    @Column(name = "last_modified_time")
    private Instant lastModifiedTime;

    @Column(name = "author_actor", length = 100)
    private String authorActor;

    @Column(name = "author_object_id", length = 100)
    private String authorObjectId;

    @Column(name = "author_email", length = 320)
    private String authorEmail;

    @Column(name = "author_upn", length = 320)
    private String authorUserPrincipalName;

    @Column(name = "author_name", length = 320)
    private String authorName;

    protected IncidentComment() {
    }

    IncidentComment(String workspaceId, String incidentId, String id) {
        this.workspaceId = workspaceId;
        this.incidentId = incidentId;
        this.id = id;
    }

    /** Starts a comment written through the API by {@code actor}, named {@code authorName}. */
    static IncidentComment written(String workspaceId, String incidentId, String id, String message, String actor,
            String authorName, Instant now) {
        IncidentComment comment = new IncidentComment(workspaceId, incidentId, id);
        comment.message = message;
        comment.createdTime = now;
        comment.lastModifiedTime = now;
        comment.authorActor = actor;
        comment.authorName = authorName;
        return comment;
    }

    void apply(SentinelCommentParser.CommentRecord record) {
        this.message = record.message();
        this.createdTime = record.createdTime();
        this.lastModifiedTime = record.lastModifiedTime();
        this.authorActor = null;
        this.authorObjectId = record.authorObjectId();
        this.authorEmail = record.authorEmail();
        this.authorUserPrincipalName = record.authorUserPrincipalName();
        this.authorName = record.authorName();
    }

    void edit(String message, Instant now) {
        this.message = message;
        this.lastModifiedTime = now;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public String getIncidentId() {
        return incidentId;
    }

    public String getId() {
        return id;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedTime() {
        return createdTime;
    }

    public Instant getLastModifiedTime() {
        return lastModifiedTime;
    }

    public String getAuthorActor() {
        return authorActor;
    }

    public String getAuthorObjectId() {
        return authorObjectId;
    }

    public String getAuthorEmail() {
        return authorEmail;
    }

    public String getAuthorUserPrincipalName() {
        return authorUserPrincipalName;
    }

    public String getAuthorName() {
        return authorName;
    }

    /** Primary key: workspace, incident and comment id. */
    public static class Key implements Serializable {

        private String workspaceId;
        private String incidentId;
        private String id;

        public Key() {
        }

        public Key(String workspaceId, String incidentId, String id) {
            this.workspaceId = workspaceId;
            this.incidentId = incidentId;
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(workspaceId, key.workspaceId)
                    && Objects.equals(incidentId, key.incidentId) && Objects.equals(id, key.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, incidentId, id);
        }
    }
}
