package io.warden.user;

import io.warden.serviceaccount.WorkspaceAccess;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A human member of an organization, who signs in through the container's security. */
@Entity
@Table(name = "portal_user")
@NamedQuery(name = PortalUser.BY_LOGIN,
        query = "SELECT u FROM PortalUser u WHERE u.activeLoginName = :login")
@NamedQuery(name = PortalUser.COUNT, query = "SELECT COUNT(u) FROM PortalUser u")
@NamedQuery(name = PortalUser.COUNT_WITH_ROLE, query = "SELECT COUNT(u) FROM PortalUser u WHERE "
        + "u.organizationId = :organizationId AND u.role = :role AND u.deletedAt IS NULL")
public class PortalUser {

    public static final String BY_LOGIN = "PortalUser.byLogin";
    public static final String COUNT = "PortalUser.count";
    public static final String COUNT_WITH_ROLE = "PortalUser.countWithRole";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organization_id", nullable = false, length = 36)
    private String organizationId;

    @Column(name = "login_name", nullable = false, length = 320)
    private String loginName;

    /** The login name while the user is active, null once removed, so that a new user can take it. */
    @Column(name = "active_login_name", length = 320)
    private String activeLoginName;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "email", length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 40)
    private OrganizationRole role;

    /** PBKDF2 hash in the format of Jakarta Security's {@code Pbkdf2PasswordHash}. */
    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "all_workspaces", nullable = false)
    private boolean allWorkspaces = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portal_user_workspace", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "workspace_id", length = 36)
    private Set<String> workspaceIds = new LinkedHashSet<>();

    /** Time of removal; a removed user is hidden from the API and cannot sign in. */
    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected PortalUser() {
    }

    public PortalUser(String organizationId, String loginName, String displayName, OrganizationRole role,
            String passwordHash, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.organizationId = organizationId;
        this.loginName = loginName;
        this.activeLoginName = loginName;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getLoginName() {
        return loginName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public OrganizationRole getRole() {
        return role;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** Stores a new password hash, in the format of Jakarta Security's {@code Pbkdf2PasswordHash}. */
    public void changePasswordHash(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }

    public WorkspaceAccess getWorkspaceAccess() {
        return allWorkspaces ? WorkspaceAccess.everyWorkspace() : WorkspaceAccess.only(workspaceIds);
    }

    public void setWorkspaceAccess(WorkspaceAccess access) {
        this.allWorkspaces = access.allWorkspaces();
        this.workspaceIds.clear();
        this.workspaceIds.addAll(access.workspaceIds());
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isRemoved() {
        return deletedAt != null;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public void setRole(OrganizationRole role) {
        this.role = role;
    }

    public void markUpdated(Instant now) {
        this.updatedAt = now;
    }

    public void markRemoved(Instant now) {
        this.activeLoginName = null;
        this.deletedAt = now;
        this.updatedAt = now;
    }
}
