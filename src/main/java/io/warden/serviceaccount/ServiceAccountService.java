package io.warden.serviceaccount;

import io.warden.audit.AuditEventType;
import io.warden.audit.AuditTrail;
import io.warden.auth.Caller;
import io.warden.credential.Credential;
import io.warden.credential.CredentialRequests;
import io.warden.credential.CredentialService;
import io.warden.credential.CredentialView;
import io.warden.platform.ServerClock;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import io.warden.platform.problem.ProblemException;
import io.warden.scope.Scope;
import io.warden.serviceaccount.ServiceAccountRequests.CreateServiceAccount;
import io.warden.serviceaccount.ServiceAccountRequests.WorkspaceAccessBody;
import io.warden.workspace.WorkspaceService;
import io.warden.webhook.WebhookEventType;
import io.warden.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Lifecycle of service accounts and their credentials. Every operation runs in one transaction,
 * acts only inside the caller's organization (anything else is 404) and enforces the
 * no-privilege-escalation rules.
 */
@ApplicationScoped
public class ServiceAccountService {

    private static final Logger LOG = Logger.getLogger(ServiceAccountService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    CredentialService credentials;

    @Inject
    WorkspaceService workspaces;

    @Inject
    Event<ServiceAccountChanged> changes;

    @Inject
    AuditTrail audit;

    @Inject
    ContinuationTokens tokens;

    @Inject
    WebhookEvents webhookEvents;

    @Transactional
    public ServiceAccountView create(Caller caller, CreateServiceAccount request) {
        Instant now = ServerClock.now();
        Set<Scope> scopes = CredentialRequests.parseScopes(request.scopes, "scopes");
        Instant expiresAt = CredentialRequests.parseExpiry(request.expiresAt, "expiresAt", now);
        WorkspaceAccess access = parseWorkspaceAccess(caller, request.workspaceAccess);
        ServiceAccountGrants.requireGrantableScopes(caller, scopes, "scopes");

        ServiceAccount account = new ServiceAccount(caller.organizationId(), request.name.strip(),
                request.description, access, caller.actor(), now);
        entityManager.persist(account);
        entityManager.flush();
        audit.record(AuditEventType.SERVICE_ACCOUNT_CREATED, account.getOrganizationId(), account.getId(), null,
                caller.actor(), Json.createObjectBuilder()
                        .add("name", account.getName())
                        .add("workspaceAccess", access.toJson())
                        .build());
        CredentialService.IssuedCredential first = credentials.issue(account, scopes, expiresAt, caller);
        LOG.info(() -> "Service account " + account.getId() + " created by " + caller.actor());

        return ServiceAccountView.of(account)
                .withFirstCredential(first.secret(), CredentialView.of(first.credential(), now));
    }

    /** Returns one page of the organization's accounts, ordered by name. */
    public TimePage.Page<ServiceAccountView> list(Caller caller, KeyPage page) {
        TimePage.Query query = new TimePage.Query("SELECT e FROM ServiceAccount e WHERE e.organizationId = "
                + ":organizationId AND e.deletedAt IS NULL", "organizationId", caller.organizationId());
        KeyPage.Order<ServiceAccount> order = new KeyPage.Order<>("name", ServiceAccount::getName, "id",
                ServiceAccount::getId);
        return page.run(entityManager, ServiceAccount.class, query, order, caller, "service-accounts",
                JsonObject.EMPTY_JSON_OBJECT, ServiceAccountView::of, tokens);
    }

    public ServiceAccountView get(Caller caller, String accountId) {
        return ServiceAccountView.of(require(caller, accountId));
    }

    /** Applies a partial update: name, description and workspace access; absent fields stay as they are. */
    @Transactional
    public ServiceAccountView update(Caller caller, String accountId, ServiceAccountPatch patch) {
        ServiceAccount account = requireManageable(caller, accountId);
        patch.name().ifPresent(account::rename);
        patch.description().ifPresent(description -> account.describe(description.orElse(null)));
        if (patch.workspaceAccess().isPresent()) {
            account.setWorkspaceAccess(parseWorkspaceAccess(caller, patch.workspaceAccess().get()));
            changes.fire(new ServiceAccountChanged(account.getId()));
        }
        account.touch(caller.actor(), ServerClock.now());

        JsonArrayBuilder fields = Json.createArrayBuilder();
        patch.fieldNames().forEach(fields::add);
        audit.record(AuditEventType.SERVICE_ACCOUNT_UPDATED, account.getOrganizationId(), account.getId(), null,
                caller.actor(), Json.createObjectBuilder()
                        .add("changedFields", fields)
                        .add("name", account.getName())
                        .add("workspaceAccess", account.getWorkspaceAccess().toJson())
                        .build());
        LOG.info(() -> "Service account " + account.getId() + " updated by " + caller.actor() + " (fields: "
                + String.join(", ", patch.fieldNames()) + ")");
        return ServiceAccountView.of(account);
    }

    @Transactional
    public ServiceAccountView setEnabled(Caller caller, String accountId, boolean enabled) {
        ServiceAccount account = requireManageable(caller, accountId);
        if (account.isEnabled() != enabled) {
            account.setEnabled(enabled);
            account.touch(caller.actor(), ServerClock.now());
            changes.fire(new ServiceAccountChanged(account.getId()));
            audit.record(enabled ? AuditEventType.SERVICE_ACCOUNT_ENABLED : AuditEventType.SERVICE_ACCOUNT_DISABLED,
                    account.getOrganizationId(), account.getId(), null, caller.actor(), JsonObject.EMPTY_JSON_OBJECT);
            if (!enabled) {
                webhookEvents.publish(account.getOrganizationId(), WebhookEventType.SERVICE_ACCOUNT_DISABLED,
                        Json.createObjectBuilder()
                                .add("serviceAccountId", account.getId())
                                .add("name", account.getName())
                                .add("disabledBy", caller.actor())
                                .build());
            }
            LOG.info(() -> "Service account " + account.getId() + (enabled ? " enabled" : " disabled") + " by "
                    + caller.actor());
        }
        return ServiceAccountView.of(account);
    }

    /** Deletes the account: it disappears from every listing and all its credentials stop working at once. */
    @Transactional
    public void delete(Caller caller, String accountId) {
        ServiceAccount account = requireManageable(caller, accountId);
        Instant now = ServerClock.now();
        credentials.revokeAll(account, caller);
        account.markDeleted(now);
        account.touch(caller.actor(), now);
        changes.fire(new ServiceAccountChanged(account.getId()));
        audit.record(AuditEventType.SERVICE_ACCOUNT_DELETED, account.getOrganizationId(), account.getId(), null,
                caller.actor(), Json.createObjectBuilder().add("name", account.getName()).build());
        LOG.info(() -> "Service account " + account.getId() + " deleted by " + caller.actor());
    }

    @Transactional
    public CredentialView.Issued issueCredential(Caller caller, String accountId, List<String> scopeNames,
            String expiresAtText) {
        ServiceAccount account = requireManageable(caller, accountId);
        Instant now = ServerClock.now();
        Set<Scope> scopes = CredentialRequests.parseScopes(scopeNames, "scopes");
        Instant expiresAt = CredentialRequests.parseExpiry(expiresAtText, "expiresAt", now);
        ServiceAccountGrants.requireGrantableScopes(caller, scopes, "scopes");

        CredentialService.IssuedCredential issued = credentials.issue(account, scopes, expiresAt, caller);
        return new CredentialView.Issued(account.getId(), issued.secret(), CredentialView.of(issued.credential(), now));
    }

    /** Returns one page of the account's credentials, newest first. */
    public TimePage.Page<CredentialView> listCredentials(Caller caller, String accountId, TimePage page) {
        ServiceAccount account = require(caller, accountId);
        Instant now = ServerClock.now();
        TimePage.Query query = new TimePage.Query("SELECT e FROM Credential e WHERE e.serviceAccountId = :accountId",
                "accountId", account.getId());
        TimePage.Order<Credential> order = new TimePage.Order<>("createdAt", Credential::getCreatedAt, "id",
                Credential::getId);
        return page.run(entityManager, Credential.class, query, order, caller, "credentials",
                Json.createObjectBuilder().add("serviceAccountId", account.getId()).build(),
                credential -> CredentialView.of(credential, now), tokens);
    }

    @Transactional
    public CredentialView revokeCredential(Caller caller, String accountId, String credentialId) {
        ServiceAccount account = requireManageable(caller, accountId);
        Credential credential = credentials.find(account.getId(), credentialId).orElseThrow(() ->
                ProblemException.notFound("Credential " + credentialId + " was not found on service account "
                        + accountId + "."));
        return CredentialView.of(credentials.revoke(account, credential, caller), ServerClock.now());
    }

    private ServiceAccount require(Caller caller, String accountId) {
        ServiceAccount account = accountId == null ? null : entityManager.find(ServiceAccount.class, accountId);
        if (account == null || account.isDeleted() || !account.getOrganizationId().equals(caller.organizationId())) {
            throw ProblemException.notFound("Service account " + accountId + " was not found.");
        }
        return account;
    }

    private ServiceAccount requireManageable(Caller caller, String accountId) {
        ServiceAccount account = require(caller, accountId);
        entityManager.lock(account, LockModeType.PESSIMISTIC_WRITE);
        ServiceAccountGrants.requireManageable(caller, account);
        return account;
    }

    private WorkspaceAccess parseWorkspaceAccess(Caller caller, WorkspaceAccessBody body) {
        return workspaces.validateGrant(caller, body.allWorkspaces, body.workspaceIds);
    }
}
