package io.warden.audit;

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
import java.util.Arrays;

/** Reads the audit trail of the caller's organization, newest first. */
@ApplicationScoped
public class AuditQueryService {

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    ContinuationTokens tokens;

    /**
     * Returns one page of events, for one service account or for the whole organization when
     * {@code serviceAccountId} is null. Events of deleted accounts stay readable.
     */
    public TimePage.Page<AuditEventView> query(Caller caller, String serviceAccountId, String eventTypeName,
            String actor, TimePage page) {
        TimePage.Query query = new TimePage.Query("SELECT e FROM AuditEvent e WHERE e.organizationId = :organizationId",
                "organizationId", caller.organizationId());
        JsonObjectBuilder filter = Json.createObjectBuilder();

        if (serviceAccountId != null) {
            ServiceAccount account = entityManager.find(ServiceAccount.class, serviceAccountId);
            if (account == null || !account.getOrganizationId().equals(caller.organizationId())) {
                throw ProblemException.notFound("Service account " + serviceAccountId + " was not found.");
            }
            query.and("e.serviceAccountId = :serviceAccountId", "serviceAccountId", serviceAccountId);
            filter.add("serviceAccountId", serviceAccountId);
        }
        if (eventTypeName != null && !eventTypeName.isBlank()) {
            AuditEventType type = AuditEventType.fromApiName(eventTypeName.strip()).orElseThrow(() ->
                    ProblemException.invalidField("eventType", "unknown event type '" + eventTypeName + "'; use one of "
                            + String.join(", ", Arrays.stream(AuditEventType.values())
                                    .map(AuditEventType::apiName).toList())));
            query.and("e.eventType = :eventType", "eventType", type);
            filter.add("eventType", type.apiName());
        }
        if (actor != null && !actor.isBlank()) {
            query.and("e.actor = :actor", "actor", actor.strip());
            filter.add("actor", actor.strip());
        }

        TimePage.Order<AuditEvent> order = new TimePage.Order<>("occurredAt", AuditEvent::getOccurredAt, "sequence",
                event -> TimePage.numericTie(event.getSequence()));
        return page.run(entityManager, AuditEvent.class, query, order, caller, "audit-events", filter.build(),
                AuditEventView::of, tokens);
    }
}
