package io.warden.credential;

import io.warden.crypto.EncryptedSecret;
import io.warden.crypto.WrappedKey;
import io.warden.scope.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One secret of a service account. The secret is shown once, when the credential is issued. The
 * row keeps its first six characters, its SHA-256 hash for the lookup and, unless turned off, an
 * envelope-encrypted copy ({@link EncryptedSecret}) that authentication never reads.
 */
@Entity
@Table(name = "credential")
@NamedQuery(name = Credential.BY_SECRET_HASH, query = "SELECT c FROM Credential c WHERE c.secretHash = :hash")
@NamedQuery(name = Credential.DUE_FOR_EXPIRY, query = "SELECT c FROM Credential c WHERE c.status = "
        + "io.warden.credential.CredentialStatus.ACTIVE AND c.expiresAt <= :now ORDER BY c.expiresAt, c.id")
@NamedQuery(name = Credential.LIST_BY_ACCOUNT,
        query = "SELECT c FROM Credential c WHERE c.serviceAccountId = :accountId ORDER BY c.createdAt DESC, c.id")
@NamedQuery(name = Credential.WRAPPED_KEYS_NOT_UNDER_KEK,
        query = "SELECT c.id, c.wrappedDataKey, c.kekId FROM Credential c "
                + "WHERE c.kekId IS NOT NULL AND c.kekId <> :kekId AND c.id > :afterId ORDER BY c.id")
@NamedQuery(name = Credential.REPLACE_WRAPPED_KEY,
        query = "UPDATE Credential c SET c.wrappedDataKey = :wrappedDataKey, c.kekId = :newKekId "
                + "WHERE c.id = :id AND c.kekId = :oldKekId")
@NamedQuery(name = Credential.ENCRYPTED_AFTER,
        query = "SELECT c FROM Credential c WHERE c.secretCiphertext IS NOT NULL AND c.id > :afterId ORDER BY c.id")
@NamedQuery(name = Credential.COUNT_BY_KEK, query = "SELECT COUNT(c) FROM Credential c WHERE c.kekId = :kekId")
public class Credential {

    public static final String BY_SECRET_HASH = "Credential.bySecretHash";
    public static final String LIST_BY_ACCOUNT = "Credential.listByAccount";
    public static final String DUE_FOR_EXPIRY = "Credential.dueForExpiry";
    /** Id, wrapped data key and KEK id of each row under another KEK: neither the hash nor the ciphertext. */
    public static final String WRAPPED_KEYS_NOT_UNDER_KEK = "Credential.wrappedKeysNotUnderKek";
    /** Replaces only the wrapped data key and KEK id, and only while the row is still under the old KEK. */
    public static final String REPLACE_WRAPPED_KEY = "Credential.replaceWrappedKey";
    public static final String ENCRYPTED_AFTER = "Credential.encryptedAfter";
    public static final String COUNT_BY_KEK = "Credential.countByKek";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "service_account_id", nullable = false, length = 36)
    private String serviceAccountId;

    @Column(name = "secret_prefix", nullable = false, length = 6)
    private String secretPrefix;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "scopes", nullable = false, length = 2000)
    private String scopes;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private CredentialStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 100)
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "secret_ciphertext", length = 512)
    private String secretCiphertext;

    @Column(name = "secret_iv", length = 24)
    private String secretIv;

    @Column(name = "wrapped_data_key", length = 1024)
    private String wrappedDataKey;

    @Column(name = "kek_id", length = 200)
    private String kekId;

    protected Credential() {
    }

    public Credential(String serviceAccountId, String secretPrefix, String secretHash, Set<Scope> scopes,
            Instant expiresAt, String actor, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.serviceAccountId = serviceAccountId;
        this.secretPrefix = secretPrefix;
        this.secretHash = secretHash;
        this.scopes = Scope.formatStored(scopes);
        this.expiresAt = expiresAt;
        this.status = CredentialStatus.ACTIVE;
        this.createdAt = now;
        this.createdBy = actor;
    }

    public String getId() {
        return id;
    }

    public String getServiceAccountId() {
        return serviceAccountId;
    }

    public String getSecretPrefix() {
        return secretPrefix;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public Set<Scope> getScopes() {
        return Scope.parseStored(scopes);
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public CredentialStatus getStoredStatus() {
        return status;
    }

    /** Returns the status as of {@code now}: an active credential at or past its expiry is expired. */
    public CredentialStatus statusAt(Instant now) {
        if (status == CredentialStatus.ACTIVE && CredentialStatus.isExpired(expiresAt, now)) {
            return CredentialStatus.EXPIRED;
        }
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    /** Returns the encrypted copy of the secret, absent for credentials issued without one. */
    public Optional<EncryptedSecret> getEncryptedSecret() {
        if (secretCiphertext == null) {
            return Optional.empty();
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return Optional.of(new EncryptedSecret(base64.decode(secretCiphertext), base64.decode(secretIv),
                new WrappedKey(base64.decode(wrappedDataKey), kekId)));
    }

    public String getKekId() {
        return kekId;
    }

    public void storeEncryptedSecret(EncryptedSecret encrypted) {
        Base64.Encoder base64 = Base64.getEncoder();
        this.secretCiphertext = base64.encodeToString(encrypted.ciphertext());
        this.secretIv = base64.encodeToString(encrypted.iv());
        this.wrappedDataKey = base64.encodeToString(encrypted.dataKey().bytes());
        this.kekId = encrypted.dataKey().kekId();
    }

    /** Records the expiry that already applies at request time. */
    public void markExpired() {
        this.status = CredentialStatus.EXPIRED;
    }

    public void revoke(String actor, Instant now) {
        this.status = CredentialStatus.REVOKED;
        this.revokedAt = now;
        this.revokedBy = actor;
    }
}
