package io.warden.platform.paging;

import io.warden.auth.Caller;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonObject;
import java.util.function.Function;

/**
 * The continuation step shared by cross-workspace queries. A first call uses the filter and page
 * size it sends. A later call resumes from its token: the filter of the first call applies (filters
 * sent again must be equal), and the page size of the first call unless a new one is sent.
 */
public final class CrossWorkspacePaging {

    private CrossWorkspacePaging() {
    }

    /** Where the next page starts: the filter in force, the position after the last item (null first) and the size. */
    public record Start<F>(F filter, JsonObject after, int pageSize) {
    }

    /** What a query request carries about paging. */
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
}
