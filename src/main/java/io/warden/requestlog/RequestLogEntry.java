package io.warden.requestlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One API call made with a credential of a service account, as stored. */
@Entity
@Table(name = "request_log")
public class RequestLogEntry {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "organization_id", nullable = false, length = 36)
    private String organizationId;

    @Column(name = "service_account_id", nullable = false, length = 36)
    private String serviceAccountId;

    @Column(name = "credential_id", length = 36)
    private String credentialId;

    @Column(name = "secret_prefix", length = 6)
    private String secretPrefix;

    @Column(name = "http_method", nullable = false, length = 16)
    private String httpMethod;

    @Column(name = "path", nullable = false, length = 2000)
    private String path;

    @Column(name = "status", nullable = false)
    private int status;

    @Column(name = "latency_ms", nullable = false)
    private int latencyMs;

    @Column(name = "source_ip", nullable = false, length = 64)
    private String sourceIp;

    protected RequestLogEntry() {
    }

    public String getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getServiceAccountId() {
        return serviceAccountId;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getSecretPrefix() {
        return secretPrefix;
    }

    public String getHttpMethod() {
        return httpMethod;
    }

    public String getPath() {
        return path;
    }

    public int getStatus() {
        return status;
    }

    public int getLatencyMs() {
        return latencyMs;
    }

    public String getSourceIp() {
        return sourceIp;
    }
}
