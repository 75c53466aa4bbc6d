package io.warden.incident;

import io.warden.user.PortalUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A security incident of one workspace. Its id is the incident's id in the source system (the
 * Microsoft Sentinel incident name), unique within the workspace, so importing again updates it.
 */
@Entity
@Table(name = "incident")
@IdClass(Incident.Key.class)
public class Incident {

    @Id
    @Column(name = "workspace_id", length = 36)
    private String workspaceId;

    @Id
    @Column(name = "id", length = 100)
    private String id;

    @Column(name = "incident_number")
    private Integer incidentNumber;

    @Column(name = "title", nullable = false, length = 1000)
    private String title;

    @Column(name = "description", length = 32000)
    private String description;

    @Column(name = "severity", nullable = false, length = 32)
    private String severity;

    @Column(name = "status", nullable = false, length = 32)
    private String status;

    @Column(name = "classification", length = 64)
    private String classification;

    @Column(name = "classification_reason", length = 64)
    private String classificationReason;

    @Column(name = "classification_comment", length = 4000)
    private String classificationComment;

    @Column(name = "owner_object_id", length = 100)
    private String ownerObjectId;

    @Column(name = "owner_email", length = 320)
    private String ownerEmail;

    @Column(name = "owner_upn", length = 320)
    private String ownerUserPrincipalName;

    @Column(name = "owner_assigned_to", length = 320)
    private String ownerAssignedTo;

    @Column(name = "provider_name", length = 200)
    private String providerName;

    @Column(name = "provider_incident_id", length = 200)
    private String providerIncidentId;

    @Column(name = "incident_url", length = 4000)
    private String incidentUrl;

    /** Labels as a JSON array of {@code {labelName, labelType}} objects. */
    @Column(name = "labels", length = 4000)
    private String labels;

    @Column(name = "created_time", nullable = false)
    private Instant createdTime;

    @Column(name = "last_modified_time")
    private Instant lastModifiedTime;

    @Column(name = "first_activity_time")
    private Instant firstActivityTime;

    @Column(name = "last_activity_time")
    private Instant lastActivityTime;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    /** Raised by every change; the ETag of the incident. */
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @Column(name = "owner_user_id", length = 36)
    private String ownerUserId;

    /** The Sentinel relatedAnalyticRuleIds as a JSON array of strings. */
    @Column(name = "related_rule_ids", length = 16000)
    private String relatedRuleIds;

    @Column(name = "alerts_count")
    private Integer alertsCount;

    @Column(name = "bookmarks_count")
    private Integer bookmarksCount;

    @Column(name = "comments_count")
    private Integer commentsCount;

    protected Incident() {
    }

    public Incident(String workspaceId, String id) {
        this.workspaceId = workspaceId;
        this.id = id;
    }

    /** Copies every imported field from the record; fields missing from the record become null. */
    void apply(IncidentRecord record, Instant now) {
        this.incidentNumber = record.incidentNumber();
        this.title = record.title();
        this.description = record.description();
        this.severity = record.severity();
        this.status = record.status();
        this.classification = record.classification();
        this.classificationReason = record.classificationReason();
        this.classificationComment = record.classificationComment();
        this.ownerObjectId = record.ownerObjectId();
        this.ownerEmail = record.ownerEmail();
        this.ownerUserPrincipalName = record.ownerUserPrincipalName();
        this.ownerAssignedTo = record.ownerAssignedTo();
        this.providerName = record.providerName();
        this.providerIncidentId = record.providerIncidentId();
        this.incidentUrl = record.incidentUrl();
        this.labels = record.labelsJson();
        this.createdTime = record.createdTime();
        this.lastModifiedTime = record.lastModifiedTime();
        this.firstActivityTime = record.firstActivityTime();
        this.lastActivityTime = record.lastActivityTime();
        this.relatedRuleIds = record.relatedRuleIdsJson();
        this.alertsCount = record.alertsCount();
        this.bookmarksCount = record.bookmarksCount();
        this.commentsCount = record.commentsCount();
        this.ownerUserId = null;
        this.importedAt = now;
    }

    /** Sets the status and classification; reopening clears the classification. */
    void changeStatus(String status, String classification, String classificationReason,
            String classificationComment, Instant now) {
        this.status = status;
        this.classification = classification;
        this.classificationReason = classificationReason;
        this.classificationComment = classificationComment;
        this.lastModifiedTime = now;
    }

    /** Assigns the incident to a portal user, or unassigns it when {@code user} is null. */
    void assign(PortalUser user, Instant now) {
        this.ownerUserId = user == null ? null : user.getId();
        this.ownerObjectId = null;
        this.ownerEmail = user == null ? null : user.getEmail();
        this.ownerUserPrincipalName = user == null ? null : user.getLoginName();
        this.ownerAssignedTo = user == null ? null : user.getDisplayName();
        this.lastModifiedTime = now;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public String getId() {
        return id;
    }

    public Integer getIncidentNumber() {
        return incidentNumber;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getSeverity() {
        return severity;
    }

    public String getStatus() {
        return status;
    }

    public String getClassification() {
        return classification;
    }

    public String getClassificationReason() {
        return classificationReason;
    }

    public String getClassificationComment() {
        return classificationComment;
    }

    public String getOwnerObjectId() {
        return ownerObjectId;
    }

    public String getOwnerEmail() {
        return ownerEmail;
    }

    public String getOwnerUserPrincipalName() {
        return ownerUserPrincipalName;
    }

    public String getOwnerAssignedTo() {
        return ownerAssignedTo;
    }

    public String getProviderName() {
        return providerName;
    }

    public String getProviderIncidentId() {
        return providerIncidentId;
    }

    public String getIncidentUrl() {
        return incidentUrl;
    }

    public String getLabels() {
        return labels;
    }

    public Instant getCreatedTime() {
        return createdTime;
    }

    public Instant getLastModifiedTime() {
        return lastModifiedTime;
    }

    public Instant getFirstActivityTime() {
        return firstActivityTime;
    }

    public Instant getLastActivityTime() {
        return lastActivityTime;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public long getRowVersion() {
        return rowVersion;
    }

    public String getOwnerUserId() {
        return ownerUserId;
    }

    public String getRelatedRuleIds() {
        return relatedRuleIds;
    }

    public Integer getAlertsCount() {
        return alertsCount;
    }

    public Integer getBookmarksCount() {
        return bookmarksCount;
    }

    public Integer getCommentsCount() {
        return commentsCount;
    }

    /** Primary key: workspace and incident id. */
    public static class Key implements Serializable {

        private String workspaceId;
        private String id;

        public Key() {
        }

        public Key(String workspaceId, String id) {
            this.workspaceId = workspaceId;
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(workspaceId, key.workspaceId)
                    && Objects.equals(id, key.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, id);
        }
    }
}
