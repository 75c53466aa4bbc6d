package io.warden.requestlog;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves request-log records (every half second) and last-use times (every two seconds, at most one
 * write per credential) from the buffer to the database in the background, so no request thread
 * writes to the database for usage tracking. On shutdown the buffer is flushed once more, so a
 * normal stop loses nothing.
 */
@ApplicationScoped
public class RequestLogWriter {

    private static final Logger LOG = Logger.getLogger(RequestLogWriter.class.getName());
    private static final int BATCH_SIZE = 500;
    private static final long INTERVAL_MILLIS = 500;
    private static final int TICKS_PER_LAST_USE_FLUSH = 4;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RequestLogBuffer buffer;

    @Inject
    RequestLogStore store;

    private ScheduledFuture<?> task;
    private int ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        task = scheduler.scheduleWithFixedDelay(this::flushSafely, INTERVAL_MILLIS, INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        try {
            flush(true);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Writing request logs or last-use times failed during shutdown", e);
        }
    }

    private void flushSafely() {
        try {
            flush(++ticks % TICKS_PER_LAST_USE_FLUSH == 0);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Writing request logs or last-use times failed; they are retried or counted as "
                    + "dropped", e);
        }
    }

    /** Writes the buffered request-log records, and the last-use times too when asked. */
    synchronized void flush(boolean withLastUses) {
        Map<String, Instant> lastUses = withLastUses ? buffer.drainLastUses() : Map.of();
        if (!lastUses.isEmpty()) {
            try {
                store.updateLastUses(lastUses);
            } catch (RuntimeException e) {
                lastUses.forEach(buffer::touch);
                throw e;
            }
        }

        List<RequestRecord> batch = buffer.drain(BATCH_SIZE);
        while (!batch.isEmpty()) {
            try {
                store.insert(batch);
            } catch (RuntimeException e) {
                buffer.recordDrops(batch.size());
                throw e;
            }
            batch = buffer.drain(BATCH_SIZE);
        }
    }
}
