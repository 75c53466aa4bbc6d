package io.warden.platform.paging;

import io.warden.auth.Caller;
import io.warden.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor paging over rows ordered by a string attribute and a unique id, both ascending, for lists
 * without a natural time order (Gamebooks and data sources by name). The cursor is a signed
 * continuation token bound to the caller and to the filter of the first page.
 */
public record KeyPage(int pageSize, String cursor) {

    /** Reads the query parameters {@code pageSize} (1 to 500, default 100) and {@code cursor}. */
    public static KeyPage parse(String pageSize, String cursor) {
        TimePage time = TimePage.parse(null, null, pageSize, cursor);
        return new KeyPage(time.pageSize(), time.cursor());
    }

    /** The attributes that order a query: a sort key and a unique id, with the functions that read them. */
    public record Order<E>(String keyAttribute, Function<E, String> keyOf, String idAttribute,
            Function<E, String> idOf) {
    }

    /** Runs one page of a query whose entity alias is {@code e}, applying the cursor position and the order. */
    public <E, V> TimePage.Page<V> run(EntityManager entityManager, Class<E> type, TimePage.Query query,
            Order<E> order, Caller caller, String kind, JsonObject filter, Function<E, V> view,
            ContinuationTokens tokens) {
        String key = "e." + order.keyAttribute();
        String id = "e." + order.idAttribute();
        if (cursor != null) {
            ContinuationTokens.Continuation continuation = tokens.resume(caller, kind, cursor);
            if (!continuation.filter().equals(filter)) {
                throw ProblemException.invalidField("cursor", "was issued for other filters; repeat the filters of "
                        + "the first page, or leave out cursor to start again");
            }
            query.and("(" + key + " > :afterKey OR (" + key + " = :afterKey AND " + id + " > :afterId))",
                    "afterKey", continuation.position().getString("k"));
            query.parameter("afterId", continuation.position().getString("i"));
        }
        String jpql = query.jpql() + " ORDER BY " + key + " ASC, " + id + " ASC";

        TypedQuery<E> typed = entityManager.createQuery(jpql, type);
        query.parameters().forEach(typed::setParameter);
        List<E> rows = typed.setMaxResults(pageSize + 1).getResultList();

        boolean more = rows.size() > pageSize;
        List<E> page = more ? rows.subList(0, pageSize) : rows;
        String next = null;
        if (more) {
            E last = page.get(page.size() - 1);
            JsonObject position = Json.createObjectBuilder()
                    .add("k", order.keyOf().apply(last))
                    .add("i", order.idOf().apply(last))
                    .build();
            next = tokens.issue(caller, kind, filter, position);
        }
        return new TimePage.Page<>(page.stream().map(view).toList(), next);
    }
}
