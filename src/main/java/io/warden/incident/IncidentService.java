package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.CrossWorkspacePaging;
import io.warden.platform.problem.ProblemException;
import io.warden.workspace.Workspace;
import io.warden.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Imports incidents into a workspace and runs incident queries, always limited to the
 * workspaces the caller may see.
 */
@ApplicationScoped
public class IncidentService {

    private static final Logger LOG = Logger.getLogger(IncidentService.class.getName());
    private static final String TOKEN_KIND = "incidents";

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WorkspaceService workspaces;

    @Inject
    ContinuationTokens tokens;

    @Inject
    IncidentEvents incidentEvents;

    /** Counts of one import. */
    public record ImportResult(int imported, int created, int updated) {
    }

    /**
     * Imports a Sentinel incidents list into the workspace. All items are validated first, and all
     * are written in one transaction: a bad item rejects the whole request and nothing is kept.
     */
    @Transactional
    public ImportResult importSentinel(Caller caller, String workspaceId, JsonObject body) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        List<IncidentRecord> records = SentinelIncidentParser.parse(body);

        Instant now = ServerClock.now();
        int created = 0;
        for (IncidentRecord record : records) {
            Incident incident = entityManager.find(Incident.class, new Incident.Key(workspace.getId(), record.id()));
            if (incident == null) {
                incident = new Incident(workspace.getId(), record.id());
                incident.apply(record, now);
                entityManager.persist(incident);
                incidentEvents.created(caller, incident);
                created++;
            } else {
                IncidentHistory.Changes changes = IncidentEvents.importChanges(incident, record);
                incident.apply(record, now);
                if (!changes.isEmpty()) {
                    incidentEvents.updated(caller, incident, changes.build());
                }
            }
        }
        ImportResult result = new ImportResult(records.size(), created, records.size() - created);
        LOG.info(() -> "Imported " + result.imported() + " incidents into workspace " + workspace.getId() + " ("
                + result.created() + " new, " + result.updated() + " updated) for " + caller.actor());
        return result;
    }

    /** Returns the incident with its ETag, or fails with 404. */
    public VersionedIncident get(Caller caller, String workspaceId, String incidentId) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        Incident incident = incidentId == null ? null
                : entityManager.find(Incident.class, new Incident.Key(workspace.getId(), incidentId));
        if (incident == null) {
            throw ProblemException.notFound("Incident " + incidentId + " was not found in workspace " + workspaceId + ".");
        }
        return new VersionedIncident(IncidentView.of(incident, workspace.getName()),
                IncidentETags.of(incident.getRowVersion()));
    }

    /**
     * Returns one page of incidents across the caller's visible workspaces, newest first. A
     * continuation keeps the filter and page size of the first call. Filters sent again must be
     * the same, and a page size sent again replaces the earlier one.
     */
    public IncidentPage acrossWorkspaces(Caller caller, IncidentQuery query) {
        CrossWorkspacePaging.Start<IncidentQuery.Filter> start = CrossWorkspacePaging.start(tokens, caller,
                TOKEN_KIND, new CrossWorkspacePaging.Request<>(query.firstCall(), query.continuationToken(),
                        query.pageSize(), query.filter(), query.filterGiven()),
                IncidentQuery.DEFAULT_PAGE_SIZE, IncidentQuery.Filter::fromJson);
        IncidentQuery.Filter filter = start.filter();
        JsonObject after = start.after();
        int pageSize = start.pageSize();

        Map<String, String> visible = workspaces.visibleNames(caller, filter.workspaceIds());
        if (visible.isEmpty()) {
            return new IncidentPage(List.of(), null);
        }

        List<Incident> rows = fetch(visible.keySet().stream().toList(), filter, after, pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<Incident> page = more ? rows.subList(0, pageSize) : rows;
        List<IncidentView> items = page.stream()
                .map(incident -> IncidentView.of(incident, visible.get(incident.getWorkspaceId())))
                .toList();

        String next = null;
        if (more) {
            Incident last = page.get(page.size() - 1);
            JsonObject position = CrossWorkspacePaging.positionAfter(last.getCreatedTime(), last.getWorkspaceId(),
                    last.getId(), pageSize);
            next = tokens.issue(caller, TOKEN_KIND, filter.toJson(), position);
        }
        return new IncidentPage(items, next);
    }

    /** Reads rows in the order createdTime, workspace id, incident id, all descending, after the position. */
    private List<Incident> fetch(List<String> workspaceIds, IncidentQuery.Filter filter, JsonObject after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT i FROM Incident i WHERE i.workspaceId IN :workspaceIds");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("workspaceIds", workspaceIds);
        if (!filter.status().isEmpty()) {
            jpql.append(" AND i.status IN :status");
            parameters.put("status", filter.status());
        }
        if (!filter.severity().isEmpty()) {
            jpql.append(" AND i.severity IN :severity");
            parameters.put("severity", filter.severity());
        }
        if (filter.createdFrom() != null) {
            jpql.append(" AND i.createdTime >= :createdFrom");
            parameters.put("createdFrom", filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            jpql.append(" AND i.createdTime < :createdTo");
            parameters.put("createdTo", filter.createdTo());
        }
        CrossWorkspacePaging.appendAfterAndOrder(jpql, parameters, "i", "createdTime", after);

        TypedQuery<Incident> query = entityManager.createQuery(jpql.toString(), Incident.class);
        parameters.forEach(query::setParameter);
        return new ArrayList<>(query.setMaxResults(limit).getResultList());
    }
}
