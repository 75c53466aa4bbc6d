package io.warden.platform.paging;

import io.warden.auth.Caller;
import io.warden.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The continuation step shared by cross-workspace queries. A first call uses the filter and page
 * size it sends. A later call resumes from its token: the filter of the first call applies (filters
 * sent again must be equal), and the page size of the first call unless a new one is sent.
 */
public final class CrossWorkspacePaging {

    private CrossWorkspacePaging() {
    }

    /** The start of the next page: the filter in force, the position after the last item (null first) and the size. */
    public record Start<F>(F filter, JsonObject after, int pageSize) {
    }

    /** The paging fields of a query request. */
    public record Request<F>(boolean firstCall, String continuationToken, Integer pageSize, F filter,
            boolean filterGiven) {
    }

    public static <F> Start<F> start(ContinuationTokens tokens, Caller caller, String kind, Request<F> request,
            int defaultPageSize, Function<JsonObject, F> filterFromJson) {
        int pageSize = request.pageSize() == null ? defaultPageSize : request.pageSize();
        if (request.firstCall()) {
            return new Start<>(request.filter(), null, pageSize);
        }

        ContinuationTokens.Continuation continuation = tokens.resume(caller, kind, request.continuationToken());
        F original = filterFromJson.apply(continuation.filter());
        if (request.filterGiven() && !original.equals(request.filter())) {
            throw ProblemException.invalidField("continuationToken", "was issued for other filters; send the "
                    + "same filters as the first call, or none, or start again with isFirstCall true");
        }
        JsonObject after = continuation.position();
        if (request.pageSize() == null) {
            pageSize = after.getInt("n", defaultPageSize);
        }
        return new Start<>(original, after, pageSize);
    }

    /**
     * Returns the token position after an item of a query ordered newest first by time, then
     * workspace id, then id, with the page size to keep.
     */
    public static JsonObject positionAfter(Instant time, String workspaceId, String id, int pageSize) {
        return Json.createObjectBuilder()
                .add("t", time.toEpochMilli())
                .add("w", workspaceId)
                .add("i", id)
                .add("n", pageSize)
                .build();
    }

    /**
     * Appends to a JPQL query over {@code alias} the condition "after this position" (when there is
     * one) and the order newest first by {@code timeAttribute}, then workspace id, then id.
     */
    public static void appendAfterAndOrder(StringBuilder jpql, Map<String, Object> parameters, String alias,
            String timeAttribute, JsonObject after) {
        String time = alias + "." + timeAttribute;
        String workspace = alias + ".workspaceId";
        String id = alias + ".id";
        if (after != null) {
            jpql.append(" AND (").append(time).append(" < :afterTime")
                    .append(" OR (").append(time).append(" = :afterTime AND ").append(workspace)
                    .append(" < :afterWorkspace)")
                    .append(" OR (").append(time).append(" = :afterTime AND ").append(workspace)
                    .append(" = :afterWorkspace AND ").append(id).append(" < :afterId))");
            parameters.put("afterTime", Instant.ofEpochMilli(after.getJsonNumber("t").longValue()));
            parameters.put("afterWorkspace", after.getString("w"));
            parameters.put("afterId", after.getString("i"));
        }
        jpql.append(" ORDER BY ").append(time).append(" DESC, ").append(workspace).append(" DESC, ").append(id)
                .append(" DESC");
    }
}
