package io.warden.platform.importing;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;

/** Stores imported rows by primary key: new rows are inserted, existing ones replaced. */
public final class Upserts {

    private Upserts() {
    }

    /** Merges every row in the current transaction and returns how many were new and how many updated. */
    public static <T> ImportResult mergeAll(EntityManager entityManager, Class<T> type, List<T> rows,
            Function<T, Object> keyOf) {
        int created = 0;
        for (T row : rows) {
            if (entityManager.find(type, keyOf.apply(row)) == null) {
                created++;
            }
            entityManager.merge(row);
        }
        return new ImportResult(rows.size(), created, rows.size() - created);
    }
}
