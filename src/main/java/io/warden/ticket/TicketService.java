package io.warden.ticket;

import io.warden.auth.Caller;
import io.warden.incident.Incident;
import io.warden.platform.ServerClock;
import io.warden.platform.importing.ImportResult;
import io.warden.platform.importing.WorkspaceItemKey;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.CrossWorkspacePaging;
import io.warden.platform.problem.FieldError;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Imports tickets into a workspace, searches them and links them to incidents, always limited to
 * the workspaces the caller may see.
 */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class.getName());
    private static final String ACROSS_TOKEN_KIND = "tickets";
    private static final String WORKSPACE_TOKEN_KIND = "workspace-tickets";

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WorkspaceService workspaces;

    @Inject
    ContinuationTokens tokens;

    /**
     * Imports ServiceNow incident records as tickets. All items are validated first and written in
     * one transaction, so a bad item rejects the whole request and nothing is kept.
     */
    @Transactional
    public ImportResult importServiceNow(Caller caller, String workspaceId, JsonObject body) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        List<TicketRecord> records = ServiceNowTicketParser.parse(body);

        Instant now = ServerClock.now();
        int created = 0;
        for (TicketRecord record : records) {
            Ticket ticket = entityManager.find(Ticket.class, new WorkspaceItemKey(workspace.getId(), record.id()));
            if (ticket == null) {
                ticket = new Ticket(workspace.getId(), record.id());
                ticket.apply(record, now);
                entityManager.persist(ticket);
                created++;
            } else {
                ticket.apply(record, now);
            }
        }
        ImportResult result = new ImportResult(records.size(), created, records.size() - created);
        LOG.info(() -> "Imported " + result.imported() + " tickets into workspace " + workspace.getId() + " ("
                + result.created() + " new, " + result.updated() + " updated) for " + caller.actor());
        return result;
    }

    /** Returns one page of the tickets of one workspace, newest first; {@code cursor} continues a search. */
    public TicketPage search(Caller caller, String workspaceId, TicketFilter requested, Integer pageSize,
            String cursor) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        TicketFilter filter = new TicketFilter(requested.text(), requested.states(), requested.externalSystems(),
                requested.linkedIncidentId(), List.of(workspace.getId()));
        JsonObject after = null;
        int size = pageSize == null ? TicketQuery.DEFAULT_PAGE_SIZE : pageSize;
        if (cursor != null) {
            ContinuationTokens.Continuation continuation = tokens.resume(caller, WORKSPACE_TOKEN_KIND, cursor);
            if (!continuation.filter().equals(filter.toJson())) {
                throw ProblemException.invalidField("cursor", "was issued for other filters; repeat the filters of "
                        + "the first page, or leave out cursor to start again");
            }
            after = continuation.position();
        }
        return page(caller, WORKSPACE_TOKEN_KIND, Map.of(workspace.getId(), workspace.getName()), filter, after, size);
    }

    /**
     * Returns one page of tickets across the caller's visible workspaces, newest first. A
     * continuation keeps the filter and page size of the first call. Filters sent again must be
     * the same, and a page size sent again replaces the earlier one.
     */
    public TicketPage acrossWorkspaces(Caller caller, TicketQuery query) {
        CrossWorkspacePaging.Start<TicketFilter> start = CrossWorkspacePaging.start(tokens, caller,
                ACROSS_TOKEN_KIND, new CrossWorkspacePaging.Request<>(query.firstCall(), query.continuationToken(),
                        query.pageSize(), query.filter(), query.filterGiven()),
                TicketQuery.DEFAULT_PAGE_SIZE, TicketFilter::fromJson);
        TicketFilter filter = start.filter();
        JsonObject after = start.after();
        int pageSize = start.pageSize();

        Map<String, String> visible = workspaces.visibleNames(caller, filter.workspaceIds());
        if (visible.isEmpty()) {
            return new TicketPage(List.of(), null);
        }
        return page(caller, ACROSS_TOKEN_KIND, visible, filter, after, pageSize);
    }

    /** Links a ticket to an incident of the same workspace; linking again changes nothing. */
    @Transactional
    public void link(Caller caller, String workspaceId, String ticketId, String incidentId) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        requireTicket(workspace, ticketId);
        if (incidentId == null || entityManager.find(Incident.class,
                new Incident.Key(workspace.getId(), incidentId)) == null) {
            throw ProblemException.notFound("Incident " + incidentId + " was not found in workspace " + workspaceId
                    + "; a ticket can only be linked to an incident of its own workspace.");
        }
        TicketLink.Key key = new TicketLink.Key(workspace.getId(), ticketId, incidentId);
        if (entityManager.find(TicketLink.class, key) != null) {
            return;
        }
        entityManager.persist(new TicketLink(workspace.getId(), ticketId, incidentId, ServerClock.now(),
                caller.actor()));
        LOG.info(() -> "Ticket " + ticketId + " linked to incident " + incidentId + " in workspace "
                + workspace.getId() + " by " + caller.actor());
    }

    /** Removes the link of a ticket to an incident; a link that does not exist is not an error. */
    @Transactional
    public void unlink(Caller caller, String workspaceId, String ticketId, String incidentId) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        requireTicket(workspace, ticketId);
        TicketLink link = entityManager.find(TicketLink.class,
                new TicketLink.Key(workspace.getId(), ticketId, incidentId));
        if (link != null) {
            entityManager.remove(link);
            LOG.info(() -> "Ticket " + ticketId + " unlinked from incident " + incidentId + " in workspace "
                    + workspace.getId() + " by " + caller.actor());
        }
    }

    private void requireTicket(Workspace workspace, String ticketId) {
        if (ticketId == null || entityManager.find(Ticket.class,
                new WorkspaceItemKey(workspace.getId(), ticketId)) == null) {
            throw ProblemException.notFound("Ticket " + ticketId + " was not found in workspace " + workspace.getId()
                    + ".");
        }
    }

    private TicketPage page(Caller caller, String kind, Map<String, String> visible, TicketFilter filter,
            JsonObject after, int pageSize) {
        List<Ticket> rows = fetch(List.copyOf(visible.keySet()), filter, after, pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<Ticket> page = more ? rows.subList(0, pageSize) : rows;
        Map<String, List<String>> links = linksOf(page);
        List<TicketView> items = page.stream()
                .map(ticket -> TicketView.of(ticket, visible.get(ticket.workspaceId),
                        links.getOrDefault(ticket.workspaceId + "/" + ticket.id, List.of())))
                .toList();

        String next = null;
        if (more) {
            Ticket last = page.get(page.size() - 1);
            JsonObject position = CrossWorkspacePaging.positionAfter(last.createdAt, last.workspaceId, last.id,
                    pageSize);
            next = tokens.issue(caller, kind, filter.toJson(), position);
        }
        return new TicketPage(items, next);
    }

    /** Returns the linked incident ids of each ticket, keyed by {@code workspaceId/ticketId}, sorted. */
    private Map<String, List<String>> linksOf(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return Map.of();
        }
        List<TicketLink> links = entityManager.createQuery("SELECT l FROM TicketLink l WHERE l.workspaceId IN "
                        + ":workspaceIds AND l.ticketId IN :ticketIds ORDER BY l.incidentId", TicketLink.class)
                .setParameter("workspaceIds", tickets.stream().map(ticket -> ticket.workspaceId).distinct().toList())
                .setParameter("ticketIds", tickets.stream().map(ticket -> ticket.id).distinct().toList())
                .getResultList();
        Map<String, List<String>> result = new HashMap<>();
        for (TicketLink link : links) {
            result.computeIfAbsent(link.workspaceId + "/" + link.ticketId, key -> new ArrayList<>())
                    .add(link.incidentId);
        }
        return result;
    }

    /** Reads rows in the order createdAt, workspace id, ticket id, all descending, after the position. */
    private List<Ticket> fetch(List<String> workspaceIds, TicketFilter filter, JsonObject after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT t FROM Ticket t WHERE t.workspaceId IN :workspaceIds");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("workspaceIds", workspaceIds);
        if (filter.text() != null) {
            jpql.append(" AND (LOWER(t.number) LIKE :text ESCAPE '!' OR LOWER(t.shortDescription) LIKE :text"
                    + " ESCAPE '!')");
            parameters.put("text", "%" + likeEscaped(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (!filter.states().isEmpty()) {
            jpql.append(" AND t.state IN :states");
            parameters.put("states", filter.states());
        }
        if (!filter.externalSystems().isEmpty()) {
            jpql.append(" AND t.externalSystem IN :externalSystems");
            parameters.put("externalSystems", filter.externalSystems());
        }
        if (filter.linkedIncidentId() != null) {
            jpql.append(" AND EXISTS (SELECT l FROM TicketLink l WHERE l.workspaceId = t.workspaceId"
                    + " AND l.ticketId = t.id AND l.incidentId = :linkedIncidentId)");
            parameters.put("linkedIncidentId", filter.linkedIncidentId());
        }
        CrossWorkspacePaging.appendAfterAndOrder(jpql, parameters, "t", "createdAt", after);

        TypedQuery<Ticket> query = entityManager.createQuery(jpql.toString(), Ticket.class);
        parameters.forEach(query::setParameter);
        return new ArrayList<>(query.setMaxResults(limit).getResultList());
    }

    /** Escapes the LIKE wildcards of a search text with {@code !}. */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Checks the query parameters of a workspace search and returns its filter. */
    static TicketFilter filterOf(String text, List<String> states, List<String> externalSystems,
            String linkedIncidentId) {
        String trimmed = text == null || text.isBlank() ? null : text.strip();
        FieldError error = TicketFilter.checkText(trimmed);
        if (error != null) {
            throw ProblemException.invalidField(error.field(), error.message());
        }
        return new TicketFilter(trimmed, sorted(states), sorted(externalSystems),
                linkedIncidentId == null || linkedIncidentId.isBlank() ? null : linkedIncidentId.strip(), List.of());
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(value -> !value.isBlank()).map(String::strip).distinct().sorted().toList();
    }
}
