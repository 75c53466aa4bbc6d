package io.warden.platform.paging;

import io.warden.auth.Caller;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cursor paging over rows ordered newest first by an instant and an id, as used by request logs
 * and audit events. The cursor is a signed continuation token that carries the filter of the first
 * page, so a cursor cannot be replayed with other filters or by another caller.
 *
 * @param from inclusive lower bound, or null
 * @param to exclusive upper bound, or null
 */
public record TimePage(Instant from, Instant to, int pageSize, String cursor) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 500;

    /** Reads the query parameters {@code from}, {@code to}, {@code pageSize} and {@code cursor}. */
    public static TimePage parse(String from, String to, String pageSize, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Instant fromInstant = instant(from, "from", errors);
        Instant toInstant = instant(to, "to", errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        int size = DEFAULT_PAGE_SIZE;
        if (pageSize != null) {
            try {
                size = Integer.parseInt(pageSize.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                errors.add(new FieldError("pageSize", "must be a whole number from 1 to " + MAX_PAGE_SIZE));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new TimePage(fromInstant, toInstant, size, cursor == null || cursor.isBlank() ? null : cursor);
    }

    private static Instant instant(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset, such as 2026-01-31T00:00:00Z"));
            return null;
        }
    }

    /** One page of items; {@code nextCursor} is null on the last page. */
    public record Page<T>(List<T> items, @JsonbNillable String nextCursor) {
    }

    /** A JPQL query under construction, with its named parameters. */
    public static final class Query {

        private final StringBuilder jpql;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        /** Starts from a {@code SELECT e FROM ... WHERE} clause with one named parameter. */
        public Query(String selectWhere, String parameter, Object value) {
            this.jpql = new StringBuilder(selectWhere);
            parameters.put(parameter, value);
        }

        public Query and(String condition, String parameter, Object value) {
            jpql.append(" AND ").append(condition);
            parameters.put(parameter, value);
            return this;
        }

        /** Sets a further parameter of a condition already added. */
        public Query parameter(String parameter, Object value) {
            parameters.put(parameter, value);
            return this;
        }

        public String jpql() {
            return jpql.toString();
        }

        public Map<String, Object> parameters() {
            return parameters;
        }
    }

    /**
     * The entity attributes that order a query, newest first: a time and a unique tie-breaker, with
     * the functions that read them from a row.
     */
    public record Order<E>(String timeAttribute, Function<E, Instant> timeOf, String tieAttribute,
            Function<E, String> tieOf) {
    }

    /**
     * Runs one page of a query whose entity alias is {@code e}, applying the time range, the cursor
     * position and the order.
     */
    public <E, V> Page<V> run(EntityManager entityManager, Class<E> type, Query query, Order<E> order, Caller caller,
            String kind, JsonObject filter, Function<E, V> view, ContinuationTokens tokens) {
        String timeAttribute = order.timeAttribute();
        String tieAttribute = order.tieAttribute();
        JsonObject effectiveFilter = withRange(filter);
        if (cursor != null) {
            ContinuationTokens.Continuation continuation = tokens.resume(caller, kind, cursor);
            if (!continuation.filter().equals(effectiveFilter)) {
                throw ProblemException.invalidField("cursor", "was issued for other filters; repeat the filters of "
                        + "the first page, or leave out cursor to start again");
            }
            query.and("(e." + timeAttribute + " < :afterTime OR (e." + timeAttribute + " = :afterTime AND e."
                            + tieAttribute + " < :afterTie))",
                    "afterTime", Instant.ofEpochMilli(continuation.position().getJsonNumber("t").longValue()));
            query.parameters.put("afterTie", tieValue(entityManager, type, tieAttribute,
                    continuation.position().getString("i")));
        }
        if (from != null) {
            query.and("e." + timeAttribute + " >= :rangeFrom", "rangeFrom", from);
        }
        if (to != null) {
            query.and("e." + timeAttribute + " < :rangeTo", "rangeTo", to);
        }
        query.jpql.append(" ORDER BY e.").append(timeAttribute).append(" DESC, e.").append(tieAttribute)
                .append(" DESC");

        TypedQuery<E> typed = entityManager.createQuery(query.jpql.toString(), type);
        query.parameters.forEach(typed::setParameter);
        List<E> rows = typed.setMaxResults(pageSize + 1).getResultList();

        boolean more = rows.size() > pageSize;
        List<E> page = more ? rows.subList(0, pageSize) : rows;
        String next = null;
        if (more) {
            E last = page.get(page.size() - 1);
            JsonObject position = Json.createObjectBuilder()
                    .add("t", order.timeOf().apply(last).toEpochMilli())
                    .add("i", order.tieOf().apply(last))
                    .build();
            next = tokens.issue(caller, kind, effectiveFilter, position);
        }
        return new Page<>(page.stream().map(view).toList(), next);
    }

    /**
     * Reads a tie-breaker back from the token. Numeric ones (database sequences) are stored as
     * {@code #<number>}; the attribute's type decides, so a string id that starts with {@code #}
     * stays a string.
     */
    private static Object tieValue(EntityManager entityManager, Class<?> type, String attribute, String stored) {
        Class<?> javaType = entityManager.getMetamodel().entity(type).getAttribute(attribute).getJavaType();
        if (javaType == Long.class || javaType == long.class) {
            return Long.valueOf(stored.substring(1));
        }
        return stored;
    }

    /** Formats a numeric tie-breaker for the token. */
    public static String numericTie(Long value) {
        return "#" + value;
    }

    private JsonObject withRange(JsonObject filter) {
        JsonObjectBuilder builder = Json.createObjectBuilder(filter);
        if (from != null) {
            builder.add("from", from.toEpochMilli());
        }
        if (to != null) {
            builder.add("to", to.toEpochMilli());
        }
        return builder.build();
    }
}
