package io.warden.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A human member of an organization, who signs in through the container's security. */
@Entity
@Table(name = "portal_user")
@NamedQuery(name = PortalUser.BY_LOGIN, query = "SELECT u FROM PortalUser u WHERE u.loginName = :login")
@NamedQuery(name = PortalUser.COUNT, query = "SELECT COUNT(u) FROM PortalUser u")
public class PortalUser {

    public static final String BY_LOGIN = "PortalUser.byLogin";
    public static final String COUNT = "PortalUser.count";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organization_id", nullable = false, length = 36)
    private String organizationId;

    @Column(name = "login_name", nullable = false, length = 320)
    private String loginName;

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

    protected PortalUser() {
    }

    public PortalUser(String organizationId, String loginName, String displayName, OrganizationRole role,
            String passwordHash, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.organizationId = organizationId;
        this.loginName = loginName;
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
