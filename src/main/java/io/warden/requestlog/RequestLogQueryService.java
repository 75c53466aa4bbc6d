package io.warden.requestlog;

import io.warden.auth.Caller;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.TimePage;
import io.warden.platform.problem.ProblemException;
import io.warden.serviceaccount.ServiceAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads the request log of one service account, newest first. */
@ApplicationScoped
public class RequestLogQueryService {

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    ContinuationTokens tokens;

    public TimePage.Page<RequestLogView> query(Caller caller, String serviceAccountId, String status,
            String credentialId, TimePage page) {
        ServiceAccount account = serviceAccountId == null ? null : entityManager.find(ServiceAccount.class, serviceAccountId);
        if (account == null || !account.getOrganizationId().equals(caller.organizationId())) {
            throw ProblemException.notFound("Service account " + serviceAccountId + " was not found.");
        }

        TimePage.Query query = new TimePage.Query(
                "SELECT e FROM RequestLogEntry e WHERE e.serviceAccountId = :serviceAccountId",
                "serviceAccountId", account.getId());
        JsonObjectBuilder filter = Json.createObjectBuilder().add("serviceAccountId", account.getId());
        if (status != null && !status.isBlank()) {
            int code = parseStatus(status);
            query.and("e.status = :status", "status", code);
            filter.add("status", code);
        }
        if (credentialId != null && !credentialId.isBlank()) {
            query.and("e.credentialId = :credentialId", "credentialId", credentialId.strip());
            filter.add("credentialId", credentialId.strip());
        }

        TimePage.Order<RequestLogEntry> order = new TimePage.Order<>("occurredAt", RequestLogEntry::getOccurredAt,
                "id", RequestLogEntry::getId);
        return page.run(entityManager, RequestLogEntry.class, query, order, caller, "request-logs", filter.build(),
                RequestLogView::of, tokens);
    }

    private static int parseStatus(String status) {
        try {
            int code = Integer.parseInt(status.strip());
            if (code >= 100 && code <= 599) {
                return code;
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        throw ProblemException.invalidField("status", "must be an HTTP status code from 100 to 599");
    }
}
