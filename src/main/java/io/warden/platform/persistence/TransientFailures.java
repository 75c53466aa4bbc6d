package io.warden.platform.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Recognizes and retries transactions that the database rolled back to break a deadlock or a
 * serialization conflict. Such a failure is not caused by the request, so running the whole
 * transaction again is the standard remedy. SQLSTATE class 40 covers Derby's deadlock (40001)
 * and lock timeout (40XL1) and PostgreSQL's serialization failure (40001) and deadlock (40P01).
 */
public final class TransientFailures {

    private static final Logger LOG = Logger.getLogger(TransientFailures.class.getName());
    static final int MAX_ATTEMPTS = 3;

    private TransientFailures() {
    }

    /** Returns whether {@code failure} or one of its causes is a deadlock or serialization rollback. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Runs {@code transaction} like {@link #retry(String, Supplier)}, for work without a result. */
    public static void retry(String description, Runnable transaction) {
        retry(description, () -> {
            transaction.run();
            return null;
        });
    }

    /**
     * Runs {@code transaction}, which must start and end its own transaction, up to
     * {@value #MAX_ATTEMPTS} times while it fails transiently, and rethrows any other failure.
     */
    public static <T> T retry(String description, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == MAX_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                int failedAttempt = attempt;
                LOG.fine(() -> description + " was rolled back by a lock conflict on attempt " + failedAttempt
                        + "; running it again");
            }
        }
    }
}
