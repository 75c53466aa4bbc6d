package io.warden.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    private static RuntimeException deadlock() {
        return new PersistenceException("rolled back", new SQLTransactionRollbackException("deadlock", "40001"));
    }

    @Test
    void derbyDeadlockIsTransient() {
        assertTrue(TransientFailures.isTransient(deadlock()));
    }

    @Test
    void postgresDeadlockIsTransient() {
        assertTrue(TransientFailures.isTransient(new PersistenceException(new SQLException("deadlock", "40P01"))));
    }

    @Test
    void constraintViolationIsNotTransient() {
        assertFalse(TransientFailures.isTransient(new PersistenceException(new SQLException("duplicate", "23505"))));
    }

    @Test
    void plainFailureIsNotTransient() {
        assertFalse(TransientFailures.isTransient(new IllegalStateException("broken")));
    }

    @Test
    void retrySucceedsAfterDeadlock() {
        AtomicInteger calls = new AtomicInteger();

        String result = TransientFailures.retry("test", () -> {
            if (calls.incrementAndGet() == 1) {
                throw deadlock();
            }
            return "done";
        });

        assertEquals("done", result);
        assertEquals(2, calls.get());
    }

    @Test
    void retryGivesUpAfterMaxAttempts() {
        AtomicInteger calls = new AtomicInteger();

        assertThrows(PersistenceException.class, () -> TransientFailures.retry("test", () -> {
            calls.incrementAndGet();
            throw deadlock();
        }));
        assertEquals(TransientFailures.MAX_ATTEMPTS, calls.get());
    }

    @Test
    void otherFailureNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("broken");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> TransientFailures.retry("test", () -> {
                    calls.incrementAndGet();
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(1, calls.get());
    }
}
