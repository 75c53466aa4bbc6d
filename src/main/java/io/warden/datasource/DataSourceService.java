package io.warden.datasource;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.platform.importing.ImportResult;
import io.warden.platform.importing.Upserts;
import io.warden.platform.importing.WorkspaceItemKey;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
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
import java.util.List;
import java.util.logging.Logger;

/** Imports and lists data sources, always limited to the workspaces the caller may see. */
@ApplicationScoped
public class DataSourceService {

    private static final Logger LOG = Logger.getLogger(DataSourceService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WorkspaceService workspaces;

    @Inject
    ContinuationTokens tokens;

    /** Imports data sources in one transaction: a bad item rejects the whole request. */
    @Transactional
    public ImportResult importDataSources(Caller caller, String workspaceId, JsonObject body) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        List<DataSource> rows = DataSourceParser.parse(workspace.getId(), body);

        Instant now = ServerClock.now();
        rows.forEach(row -> row.importedAt = now);
        ImportResult result = Upserts.mergeAll(entityManager, DataSource.class, rows,
                row -> new WorkspaceItemKey(workspace.getId(), row.id));
        LOG.info(() -> "Imported " + result.imported() + " data sources into workspace " + workspace.getId() + " ("
                + result.created() + " new, " + result.updated() + " updated) for " + caller.actor());
        return result;
    }

    /** Lists the data sources of a workspace by name. */
    public TimePage.Page<DataSourceView> list(Caller caller, String workspaceId, KeyPage page) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        TimePage.Query query = new TimePage.Query("SELECT e FROM DataSource e WHERE e.workspaceId = :workspaceId",
                "workspaceId", workspace.getId());
        KeyPage.Order<DataSource> order = new KeyPage.Order<>("name", DataSource::getName, "id", DataSource::getId);
        return page.run(entityManager, DataSource.class, query, order, caller, "data-sources",
                Json.createObjectBuilder().add("workspaceId", workspace.getId()).build(), DataSourceView::of, tokens);
    }
}
