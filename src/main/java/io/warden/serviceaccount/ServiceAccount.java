package io.warden.serviceaccount;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A non-human member of an organization. Its id is the Client ID of every credential it holds.
 * A deleted account is kept as a tombstone ({@code deletedAt} set) so that its secrets still
 * authenticate as "gone" (403) instead of "unknown" (401), and it is hidden from every listing.
 */
@Entity
@Table(name = "service_account")
public class ServiceAccount {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organization_id", nullable = false, length = 36)
    private String organizationId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "all_workspaces", nullable = false)
    private boolean allWorkspaces;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_account_workspace", joinColumns = @JoinColumn(name = "service_account_id"))
    @Column(name = "workspace_id", length = 36)
    private Set<String> workspaceIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ServiceAccount() {
    }

    public ServiceAccount(String organizationId, String name, String description, WorkspaceAccess access,
            String actor, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.organizationId = organizationId;
        this.name = name;
        this.description = description;
        this.enabled = true;
        setWorkspaceAccess(access);
        this.createdAt = now;
        this.createdBy = actor;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public String getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public WorkspaceAccess getWorkspaceAccess() {
        return allWorkspaces ? WorkspaceAccess.everyWorkspace() : WorkspaceAccess.only(workspaceIds);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void describe(String newDescription) {
        this.description = newDescription;
    }

    public void setWorkspaceAccess(WorkspaceAccess access) {
        this.allWorkspaces = access.allWorkspaces();
        this.workspaceIds.clear();
        if (!access.allWorkspaces()) {
            this.workspaceIds.addAll(access.workspaceIds());
        }
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void markDeleted(Instant now) {
        this.deletedAt = now;
        this.enabled = false;
        this.workspaceIds.clear();
        this.allWorkspaces = false;
    }

    public void touch(String actor, Instant now) {
        this.updatedAt = now;
        this.updatedBy = actor;
    }
}
