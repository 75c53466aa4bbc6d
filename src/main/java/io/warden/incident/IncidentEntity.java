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
 * A Sentinel entity of an incident (an account, host, IP address, file...). Its id is the Sentinel
 * entity name, unique within the incident, so importing again updates it.
 */
@Entity
@Table(name = "incident_entity")
@IdClass(IncidentEntity.Key.class)
public class IncidentEntity {

    @Id
    @Column(name = "workspace_id", length = 36)
    private String workspaceId;

    @Id
    @Column(name = "incident_id", length = 100)
    private String incidentId;

    @Id
    @Column(name = "id", length = 100)
    private String id;

    @Column(name = "kind", nullable = false, length = 64)
    private String kind;

    @Column(name = "friendly_name", length = 1000)
    private String friendlyName;

    /** The entity's properties object as JSON. */
    @Column(name = "properties", nullable = false, length = 32000)
    private String properties;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected IncidentEntity() {
    }

    IncidentEntity(String workspaceId, String incidentId, String id) {
        this.workspaceId = workspaceId;
        this.incidentId = incidentId;
        this.id = id;
    }

    void apply(SentinelEntityParser.EntityRecord record, Instant now) {
        this.kind = record.kind();
        this.friendlyName = record.friendlyName();
        this.properties = record.propertiesJson();
        this.importedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getFriendlyName() {
        return friendlyName;
    }

    public String getProperties() {
        return properties;
    }

    /** Primary key: workspace, incident and entity name. */
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
