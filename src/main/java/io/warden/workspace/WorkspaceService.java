package io.warden.workspace;

import io.warden.platform.ServerClock;
import io.warden.auth.Caller;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import io.warden.platform.problem.ProblemException;
import io.warden.serviceaccount.WorkspaceAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Workspaces of an organization and what a caller may see of them. A workspace the caller cannot
 * see is reported exactly like one that does not exist, so workspace ids cannot be probed.
 */
@ApplicationScoped
public class WorkspaceService {

    private static final Logger LOG = Logger.getLogger(WorkspaceService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    ContinuationTokens tokens;

    @Transactional
    public WorkspaceView create(Caller caller, String name) {
        boolean nameInUse = !entityManager.createNamedQuery(Workspace.BY_NAME, Workspace.class)
                .setParameter("organizationId", caller.organizationId())
                .setParameter("name", name)
                .getResultList().isEmpty();
        if (nameInUse) {
            throw ProblemException.conflict("A workspace named '" + name + "' already exists in this organization; "
                    + "choose another name.");
        }
        Workspace workspace = new Workspace(caller.organizationId(), name, ServerClock.now());
        entityManager.persist(workspace);
        LOG.info(() -> "Workspace " + workspace.getId() + " created by " + caller.actor());
        return WorkspaceView.of(workspace);
    }

    /** Returns the workspaces of the caller's organization that the caller may see, by name. */
    public List<Workspace> visibleTo(Caller caller) {
        WorkspaceAccess access = caller.workspaceAccess();
        return entityManager.createNamedQuery(Workspace.LIST_BY_ORGANIZATION, Workspace.class)
                .setParameter("organizationId", caller.organizationId())
                .getResultStream()
                .filter(workspace -> access.includes(workspace.getId()))
                .toList();
    }

    /**
     * Returns the names of the caller's visible workspaces by id, limited to {@code onlyIds} unless
     * it is empty. Ids the caller cannot see are left out silently, so they cannot be probed.
     */
    public Map<String, String> visibleNames(Caller caller, Collection<String> onlyIds) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Workspace workspace : visibleTo(caller)) {
            if (onlyIds.isEmpty() || onlyIds.contains(workspace.getId())) {
                names.put(workspace.getId(), workspace.getName());
            }
        }
        return names;
    }

    /** Returns one page of the workspaces the caller may see, ordered by name. */
    public TimePage.Page<WorkspaceView> pageVisible(Caller caller, KeyPage page) {
        WorkspaceAccess access = caller.workspaceAccess();
        if (!access.allWorkspaces() && access.workspaceIds().isEmpty()) {
            return new TimePage.Page<>(List.of(), null);
        }
        TimePage.Query query = new TimePage.Query("SELECT e FROM Workspace e WHERE e.organizationId = :organizationId",
                "organizationId", caller.organizationId());
        if (!access.allWorkspaces()) {
            query.and("e.id IN :workspaceIds", "workspaceIds", access.workspaceIds());
        }
        KeyPage.Order<Workspace> order = new KeyPage.Order<>("name", Workspace::getName, "id", Workspace::getId);
        return page.run(entityManager, Workspace.class, query, order, caller, "workspaces",
                JsonObject.EMPTY_JSON_OBJECT, WorkspaceView::of, tokens);
    }

    public List<WorkspaceView> listVisible(Caller caller) {
        return visibleTo(caller).stream().map(WorkspaceView::of).toList();
    }

    /** Returns the workspace if it exists in the caller's organization and the caller may see it. */
    public Optional<Workspace> findVisible(Caller caller, String workspaceId) {
        if (workspaceId == null) {
            return Optional.empty();
        }
        Workspace workspace = entityManager.find(Workspace.class, workspaceId);
        if (workspace == null || !workspace.getOrganizationId().equals(caller.organizationId())
                || !caller.workspaceAccess().includes(workspaceId)) {
            return Optional.empty();
        }
        return Optional.of(workspace);
    }

    /** Returns the visible workspace or fails with 404, the same response as for a missing one. */
    public Workspace requireVisible(Caller caller, String workspaceId) {
        return findVisible(caller, workspaceId).orElseThrow(() ->
                ProblemException.notFound("Workspace " + workspaceId + " was not found."));
    }

    /** Returns the ids among {@code workspaceIds} that exist in the organization. */
    public Set<String> existingIn(String organizationId, Set<String> workspaceIds) {
        if (workspaceIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(entityManager.createQuery(
                        "SELECT w.id FROM Workspace w WHERE w.organizationId = :organizationId AND w.id IN :ids",
                        String.class)
                .setParameter("organizationId", organizationId)
                .setParameter("ids", workspaceIds)
                .getResultList());
    }

    /**
     * Validates workspace access that {@code caller} grants to a service account or user. Every
     * listed workspace must exist in the organization and be visible to the caller, and only a caller
     * that sees every workspace may grant all. Errors name {@code workspaceAccess} fields.
     */
    public WorkspaceAccess validateGrant(Caller caller, Boolean allWorkspaces, Collection<String> workspaceIds) {
        if (Boolean.TRUE.equals(allWorkspaces)) {
            if (workspaceIds != null && !workspaceIds.isEmpty()) {
                throw ProblemException.invalidField("workspaceAccess.workspaceIds",
                        "must be empty when allWorkspaces is true");
            }
            if (!caller.workspaceAccess().allWorkspaces()) {
                throw ProblemException.forbidden("You cannot grant access to all workspaces because you cannot see "
                        + "all of them yourself; list the workspaces instead.");
            }
            return WorkspaceAccess.everyWorkspace();
        }
        if (workspaceIds == null) {
            throw ProblemException.invalidField("workspaceAccess",
                    "give {\"allWorkspaces\": true} or {\"workspaceIds\": [\"...\"]} (an empty list grants none)");
        }

        Set<String> requested = new LinkedHashSet<>();
        for (String id : workspaceIds) {
            requested.add(String.valueOf(id));
        }
        Set<String> known = existingIn(caller.organizationId(), requested);
        Set<String> unknown = new TreeSet<>();
        for (String id : requested) {
            if (!known.contains(id) || !caller.workspaceAccess().includes(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("workspaceAccess.workspaceIds",
                    "unknown workspace ids " + String.join(", ", unknown) + "; list yours with GET /api/v2/workspaces");
        }
        return WorkspaceAccess.only(requested);
    }
}
