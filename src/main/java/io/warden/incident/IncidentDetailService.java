package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.TimePage;
import io.warden.platform.problem.ProblemException;
import io.warden.workspace.Workspace;
import io.warden.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads the entities, comments, alert rules, evidence and history of an incident, and imports its
 * Sentinel entities and comments. A workspace the caller cannot see and a missing incident both
 * give 404.
 */
@ApplicationScoped
public class IncidentDetailService {

    private static final Logger LOG = Logger.getLogger(IncidentDetailService.class.getName());
    private static final String COMMENTS_TOKEN_KIND = "incident-comments";
    private static final String HISTORY_TOKEN_KIND = "incident-history";

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WorkspaceService workspaces;

    @Inject
    ContinuationTokens tokens;

    /** Counts of one import. */
    public record ImportResult(int imported, int created, int updated) {
    }

    /** Returns the incident if the caller may see its workspace, or fails with 404. */
    Incident requireIncident(Caller caller, String workspaceId, String incidentId) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        Incident incident = incidentId == null ? null
                : entityManager.find(Incident.class, new Incident.Key(workspace.getId(), incidentId));
        if (incident == null) {
            throw ProblemException.notFound("Incident " + incidentId + " was not found in workspace " + workspaceId + ".");
        }
        return incident;
    }

    public IncidentDetails.EntityList entities(Caller caller, String workspaceId, String incidentId) {
        Incident incident = requireIncident(caller, workspaceId, incidentId);
        return new IncidentDetails.EntityList(entityViews(incident));
    }

    public IncidentDetails.AlertRuleList alertRules(Caller caller, String workspaceId, String incidentId) {
        Incident incident = requireIncident(caller, workspaceId, incidentId);
        if (incident.getRelatedRuleIds() == null) {
            return new IncidentDetails.AlertRuleList(List.of());
        }
        try (JsonReader reader = Json.createReader(new StringReader(incident.getRelatedRuleIds()))) {
            return new IncidentDetails.AlertRuleList(reader.readArray().getValuesAs(JsonString.class).stream()
                    .map(id -> IncidentDetails.AlertRuleView.of(id.getString()))
                    .toList());
        }
    }

    public IncidentDetails.EvidenceView evidence(Caller caller, String workspaceId, String incidentId) {
        Incident incident = requireIncident(caller, workspaceId, incidentId);
        List<IncidentDetails.EntityView> entities = entityViews(incident);
        return new IncidentDetails.EvidenceView(incident.getAlertsCount(), incident.getBookmarksCount(),
                incident.getCommentsCount(), entities.size(), entities);
    }

    /** Returns one page of the incident's comments, newest first. */
    public TimePage.Page<IncidentDetails.CommentView> comments(Caller caller, String workspaceId, String incidentId,
            TimePage page) {
        Incident incident = requireIncident(caller, workspaceId, incidentId);
        TimePage.Query query = new TimePage.Query("SELECT e FROM IncidentComment e WHERE e.workspaceId = :workspaceId",
                "workspaceId", incident.getWorkspaceId())
                .and("e.incidentId = :incidentId", "incidentId", incident.getId());
        TimePage.Order<IncidentComment> order = new TimePage.Order<>("createdTime", IncidentComment::getCreatedTime,
                "id", IncidentComment::getId);
        return page.run(entityManager, IncidentComment.class, query, order, caller, COMMENTS_TOKEN_KIND,
                pageFilter(incident), IncidentDetails.CommentView::of, tokens);
    }

    /** Returns one page of the changes made to the incident through the API, newest first. */
    public TimePage.Page<IncidentDetails.HistoryEntryView> history(Caller caller, String workspaceId,
            String incidentId, TimePage page) {
        Incident incident = requireIncident(caller, workspaceId, incidentId);
        TimePage.Query query = new TimePage.Query("SELECT e FROM IncidentChange e WHERE e.workspaceId = :workspaceId",
                "workspaceId", incident.getWorkspaceId())
                .and("e.incidentId = :incidentId", "incidentId", incident.getId());
        TimePage.Order<IncidentChange> order = new TimePage.Order<>("occurredAt", IncidentChange::getOccurredAt,
                "sequence", change -> TimePage.numericTie(change.getSequence()));
        return page.run(entityManager, IncidentChange.class, query, order, caller, HISTORY_TOKEN_KIND,
                pageFilter(incident), IncidentDetails.HistoryEntryView::of, tokens);
    }

    /**
     * Imports a Sentinel list-entities body into the incident. All items are validated first and
     * written in one transaction; entities already stored under the same name are updated.
     */
    @Transactional
    public ImportResult importEntities(Caller caller, String workspaceId, String incidentId, JsonObject body) {
        Incident incident = requireIncident(caller, workspaceId, incidentId);
        List<SentinelEntityParser.EntityRecord> records = SentinelEntityParser.parse(body);

        Instant now = ServerClock.now();
        int created = 0;
        for (SentinelEntityParser.EntityRecord record : records) {
            IncidentEntity entity = entityManager.find(IncidentEntity.class,
                    new IncidentEntity.Key(incident.getWorkspaceId(), incident.getId(), record.id()));
            if (entity == null) {
                entity = new IncidentEntity(incident.getWorkspaceId(), incident.getId(), record.id());
                entity.apply(record, now);
                entityManager.persist(entity);
                created++;
            } else {
                entity.apply(record, now);
            }
        }
        ImportResult result = new ImportResult(records.size(), created, records.size() - created);
        LOG.info(() -> "Imported " + result.imported() + " entities into incident " + incident.getId()
                + " of workspace " + incident.getWorkspaceId() + " for " + caller.actor());
        return result;
    }

    /**
     * Imports a Sentinel comments list body into the incident. All items are validated first and
     * written in one transaction; comments already stored under the same name are updated.
     */
    @Transactional
    public ImportResult importComments(Caller caller, String workspaceId, String incidentId, JsonObject body) {
        Incident incident = requireIncident(caller, workspaceId, incidentId);
        List<SentinelCommentParser.CommentRecord> records = SentinelCommentParser.parse(body);

        int created = 0;
        for (SentinelCommentParser.CommentRecord record : records) {
            IncidentComment comment = entityManager.find(IncidentComment.class,
                    new IncidentComment.Key(incident.getWorkspaceId(), incident.getId(), record.id()));
            if (comment == null) {
                comment = new IncidentComment(incident.getWorkspaceId(), incident.getId(), record.id());
                comment.apply(record);
                entityManager.persist(comment);
                created++;
            } else {
                comment.apply(record);
            }
        }
        ImportResult result = new ImportResult(records.size(), created, records.size() - created);
        LOG.info(() -> "Imported " + result.imported() + " comments into incident " + incident.getId()
                + " of workspace " + incident.getWorkspaceId() + " for " + caller.actor());
        return result;
    }

    private List<IncidentDetails.EntityView> entityViews(Incident incident) {
        return entityManager.createQuery("SELECT e FROM IncidentEntity e WHERE e.workspaceId = :workspaceId "
                        + "AND e.incidentId = :incidentId ORDER BY e.kind, e.id", IncidentEntity.class)
                .setParameter("workspaceId", incident.getWorkspaceId())
                .setParameter("incidentId", incident.getId())
                .getResultStream()
                .map(IncidentDetails.EntityView::of)
                .toList();
    }

    private static JsonObject pageFilter(Incident incident) {
        return Json.createObjectBuilder()
                .add("workspaceId", incident.getWorkspaceId())
                .add("incidentId", incident.getId())
                .build();
    }
}
