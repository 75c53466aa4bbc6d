package io.warden.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer environment inside an organization; it owns incidents and the other security data. */
@Entity
@Table(name = "workspace")
@NamedQuery(name = Workspace.LIST_BY_ORGANIZATION,
        query = "SELECT w FROM Workspace w WHERE w.organizationId = :organizationId ORDER BY w.name, w.id")
@NamedQuery(name = Workspace.BY_NAME,
        query = "SELECT w FROM Workspace w WHERE w.organizationId = :organizationId AND w.name = :name")
public class Workspace {

    public static final String LIST_BY_ORGANIZATION = "Workspace.listByOrganization";
    public static final String BY_NAME = "Workspace.byName";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organization_id", nullable = false, length = 36)
    private String organizationId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Workspace() {
    }

    public Workspace(String organizationId, String name, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.organizationId = organizationId;
        this.name = name;
        this.createdAt = createdAt;
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
