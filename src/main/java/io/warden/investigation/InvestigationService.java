package io.warden.investigation;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.platform.importing.ImportResult;
import io.warden.platform.importing.Upserts;
import io.warden.platform.importing.WorkspaceItemKey;
import io.warden.platform.paging.ContinuationTokens;
import io.warden.platform.paging.TimePage;
import io.warden.platform.problem.ProblemException;
import io.warden.workspace.Workspace;
import io.warden.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Imports sign-in and directory logs into a workspace and lists them newest first, always limited
 * to the workspaces the caller may see.
 */
@ApplicationScoped
public class InvestigationService {

    private static final Logger LOG = Logger.getLogger(InvestigationService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WorkspaceService workspaces;

    @Inject
    ContinuationTokens tokens;

    /** Imports Graph signIn resources in one transaction: a bad item rejects the whole request. */
    @Transactional
    public ImportResult importSignIns(Caller caller, String workspaceId, JsonObject body) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        List<SignInLog> rows = GraphSignInParser.parse(workspace.getId(), body);

        Instant now = ServerClock.now();
        rows.forEach(row -> row.importedAt = now);
        ImportResult result = Upserts.mergeAll(entityManager, SignInLog.class, rows,
                row -> new WorkspaceItemKey(workspace.getId(), row.id));
        return logged(caller, workspace, "sign-ins", result);
    }

    /** Imports Graph directoryAudit resources in one transaction: a bad item rejects the whole request. */
    @Transactional
    public ImportResult importDirectoryAudits(Caller caller, String workspaceId, JsonObject body) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        List<DirectoryLog> rows = GraphDirectoryAuditParser.parse(workspace.getId(), body);

        Instant now = ServerClock.now();
        rows.forEach(row -> row.importedAt = now);
        ImportResult result = Upserts.mergeAll(entityManager, DirectoryLog.class, rows,
                row -> new WorkspaceItemKey(workspace.getId(), row.id));
        return logged(caller, workspace, "directory audits", result);
    }

    private static ImportResult logged(Caller caller, Workspace workspace, String logKind, ImportResult result) {
        LOG.info(() -> "Imported " + result.imported() + " " + logKind + " into workspace " + workspace.getId() + " ("
                + result.created() + " new, " + result.updated() + " updated) for " + caller.actor());
        return result;
    }

    /**
     * Lists sign-ins, newest first. {@code user} matches the userPrincipalName (any case) or the
     * userId; {@code result} is success (status.errorCode 0) or failure.
     */
    public TimePage.Page<SignInLogView> signIns(Caller caller, String workspaceId, String user, String result,
            TimePage page) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        TimePage.Query query = new TimePage.Query("SELECT e FROM SignInLog e WHERE e.workspaceId = :workspaceId",
                "workspaceId", workspace.getId());
        JsonObjectBuilder filter = Json.createObjectBuilder().add("workspaceId", workspace.getId());
        String userValue = blankToNull(user);
        if (userValue != null) {
            query.and("(LOWER(e.userPrincipalName) = :userName OR e.userId = :userId)", "userName",
                    userValue.toLowerCase(Locale.ROOT));
            query.parameter("userId", userValue);
            filter.add("user", userValue);
        }
        String outcome = outcome(result, List.of("success", "failure"));
        if (outcome != null) {
            query.and("e.succeeded = :succeeded", "succeeded", outcome.equals("success"));
            filter.add("result", outcome);
        }
        TimePage.Order<SignInLog> order = new TimePage.Order<>("createdAt", SignInLog::getCreatedAt, "id",
                SignInLog::getId);
        return page.run(entityManager, SignInLog.class, query, order, caller, "sign-in-logs", filter.build(),
                SignInLogView::of, tokens);
    }

    /**
     * Lists directory changes, newest first. {@code user} matches the initiating user's
     * userPrincipalName (any case) or id; {@code result} is success, failure or timeout.
     */
    public TimePage.Page<DirectoryLogView> directoryLogs(Caller caller, String workspaceId, String user,
            String result, TimePage page) {
        Workspace workspace = workspaces.requireVisible(caller, workspaceId);
        TimePage.Query query = new TimePage.Query("SELECT e FROM DirectoryLog e WHERE e.workspaceId = :workspaceId",
                "workspaceId", workspace.getId());
        JsonObjectBuilder filter = Json.createObjectBuilder().add("workspaceId", workspace.getId());
        String userValue = blankToNull(user);
        if (userValue != null) {
            query.and("(LOWER(e.initiatedByUserPrincipalName) = :userName OR e.initiatedByUserId = :userId)",
                    "userName", userValue.toLowerCase(Locale.ROOT));
            query.parameter("userId", userValue);
            filter.add("user", userValue);
        }
        String outcome = outcome(result, List.of("success", "failure", "timeout"));
        if (outcome != null) {
            query.and("e.result = :result", "result", outcome);
            filter.add("result", outcome);
        }
        TimePage.Order<DirectoryLog> order = new TimePage.Order<>("activityAt", DirectoryLog::getActivityAt, "id",
                DirectoryLog::getId);
        return page.run(entityManager, DirectoryLog.class, query, order, caller, "directory-logs", filter.build(),
                DirectoryLogView::of, tokens);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String outcome(String result, List<String> allowed) {
        String value = blankToNull(result);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw ProblemException.invalidField("result", "must be one of " + String.join(", ", allowed));
        }
        return lower;
    }
}
