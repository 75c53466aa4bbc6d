package io.warden.gamebook;

import io.warden.auth.Caller;
import io.warden.incident.Incident;
import io.warden.platform.ServerClock;
import io.warden.platform.importing.ImportResult;
import io.warden.platform.importing.WorkspaceItemKey;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import io.warden.platform.problem.ProblemException;
import io.warden.workspace.Workspace;
import io.warden.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Imports Gamebooks with their runs and lists them, always limited to the workspaces the caller may see. */
@ApplicationScoped
public class GamebookService {

    private static final Logger LOG = Logger.getLogger(GamebookService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WorkspaceService workspaces;

    @Inject
    ContinuationTokens tokens;

    /**
     * Imports Gamebooks and their runs in one transaction: a bad item rejects the whole request.
     * A Gamebook or run imported again is updated; runs missing from the body are kept.
     */
    @Transactional
    public ImportResult importGamebooks(Caller caller, String workspaceId, JsonObject body) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        List<GamebookParser.Item> items = GamebookParser.parse(workspace.getId(), body);

        Instant now = ServerClock.now();
        int created = 0;
        int runs = 0;
        for (GamebookParser.Item item : items) {
            item.gamebook().importedAt = now;
            WorkspaceItemKey key = new WorkspaceItemKey(workspace.getId(), item.gamebook().id);
            if (entityManager.find(Gamebook.class, key) == null) {
                created++;
            }
            entityManager.merge(item.gamebook());
        }
        entityManager.flush();
        for (GamebookParser.Item item : items) {
            for (GamebookRun run : item.runs()) {
                run.importedAt = now;
                entityManager.merge(run);
                runs++;
            }
        }
        ImportResult result = new ImportResult(items.size(), created, items.size() - created);
        int runCount = runs;
        LOG.info(() -> "Imported " + result.imported() + " Gamebooks with " + runCount + " runs into workspace "
                + workspace.getId() + " (" + result.created() + " new, " + result.updated() + " updated) for "
                + caller.actor());
        return result;
    }

    /** Lists the Gamebooks of a workspace by name. */
    public TimePage.Page<GamebookView> gamebooks(Caller caller, String workspaceId, KeyPage page) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        TimePage.Query query = new TimePage.Query("SELECT e FROM Gamebook e WHERE e.workspaceId = :workspaceId",
                "workspaceId", workspace.getId());
        KeyPage.Order<Gamebook> order = new KeyPage.Order<>("name", Gamebook::getName, "id", Gamebook::getId);
        return page.run(entityManager, Gamebook.class, query, order, caller, "gamebooks",
                Json.createObjectBuilder().add("workspaceId", workspace.getId()).build(), GamebookView::of, tokens);
    }

    /** Lists the runs of one Gamebook, newest first; an unknown Gamebook is 404. */
    public TimePage.Page<GamebookRunView> runs(Caller caller, String workspaceId, String gamebookId, TimePage page) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        Gamebook gamebook = gamebookId == null ? null
                : entityManager.find(Gamebook.class, new WorkspaceItemKey(workspace.getId(), gamebookId));
        if (gamebook == null) {
            throw ProblemException.notFound("Gamebook " + gamebookId + " was not found in workspace " + workspaceId
                    + ".");
        }
        TimePage.Query query = new TimePage.Query("SELECT e FROM GamebookRun e WHERE e.workspaceId = :workspaceId",
                "workspaceId", workspace.getId()).and("e.gamebookId = :gamebookId", "gamebookId", gamebookId);
        return page.run(entityManager, GamebookRun.class, query, runOrder(), caller, "gamebook-runs",
                Json.createObjectBuilder().add("workspaceId", workspace.getId()).add("gamebookId", gamebookId).build(),
                run -> GamebookRunView.of(run, gamebook.name), tokens);
    }

    /** Lists the Gamebook runs on one incident, newest first; an unknown incident is 404. */
    public TimePage.Page<GamebookRunView> incidentRuns(Caller caller, String workspaceId, String incidentId,
            TimePage page) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        if (incidentId == null
                || entityManager.find(Incident.class, new Incident.Key(workspace.getId(), incidentId)) == null) {
            throw ProblemException.notFound("Incident " + incidentId + " was not found in workspace " + workspaceId
                    + ".");
        }
        TimePage.Query query = new TimePage.Query("SELECT e FROM GamebookRun e WHERE e.workspaceId = :workspaceId",
                "workspaceId", workspace.getId()).and("e.incidentId = :incidentId", "incidentId", incidentId);
        Map<String, String> names = new HashMap<>();
        return page.run(entityManager, GamebookRun.class, query, runOrder(), caller, "incident-gamebook-runs",
                Json.createObjectBuilder().add("workspaceId", workspace.getId()).add("incidentId", incidentId).build(),
                run -> GamebookRunView.of(run, names.computeIfAbsent(run.gamebookId,
                        id -> nameOf(workspace.getId(), id))), tokens);
    }

    private String nameOf(String workspaceId, String gamebookId) {
        Gamebook gamebook = entityManager.find(Gamebook.class, new WorkspaceItemKey(workspaceId, gamebookId));
        return gamebook == null ? null : gamebook.name;
    }

    private static TimePage.Order<GamebookRun> runOrder() {
        return new TimePage.Order<>("startedAt", GamebookRun::getStartedAt, "id", GamebookRun::getId);
    }
}
