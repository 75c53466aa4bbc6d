package io.warden.requestlog;

import io.warden.platform.config.WardenConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The bounded hand-over between request threads and the background writer: finished requests to
 * log, and the latest use of each credential. Request threads never wait here: when the buffer is
 * full a record is dropped and counted, and the count is logged and reported by the health check.
 */
@ApplicationScoped
public class RequestLogBuffer {

    private static final Logger LOG = Logger.getLogger(RequestLogBuffer.class.getName());
    private static final long WARNING_INTERVAL_MILLIS = 60_000;

    @Inject
    WardenConfig config;

    private BlockingQueue<RequestRecord> records;
    private final Map<String, Instant> lastUses = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastWarningAt = new AtomicLong();

    @PostConstruct
    void allocate() {
        records = new ArrayBlockingQueue<>(config.requestLogBufferSize());
    }

    void offer(RequestRecord record) {
        if (!records.offer(record)) {
            recordDrops(1);
        }
    }

    /** Remembers the latest use of a credential; many uses between two flushes become one write. */
    void touch(String credentialId, Instant usedAt) {
        lastUses.merge(credentialId, usedAt, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    List<RequestRecord> drain(int max) {
        List<RequestRecord> batch = new ArrayList<>(Math.min(max, records.size()));
        records.drainTo(batch, max);
        return batch;
    }

    /** Takes every pending last-use time; a later touch of the same credential starts a new entry. */
    Map<String, Instant> drainLastUses() {
        Map<String, Instant> batch = new HashMap<>();
        for (String credentialId : List.copyOf(lastUses.keySet())) {
            Instant usedAt = lastUses.remove(credentialId);
            if (usedAt != null) {
                batch.put(credentialId, usedAt);
            }
        }
        return batch;
    }

    /** Counts records lost because the buffer was full or their batch failed to be written. */
    void recordDrops(int count) {
        long total = dropped.addAndGet(count);
        long now = System.currentTimeMillis();
        long previous = lastWarningAt.get();
        if (now - previous >= WARNING_INTERVAL_MILLIS && lastWarningAt.compareAndSet(previous, now)) {
            LOG.warning(() -> "Request log entries dropped so far: " + total + ". Raise WARDEN_REQUEST_LOG_BUFFER "
                    + "or check the database if this keeps growing.");
        }
    }

    public long droppedCount() {
        return dropped.get();
    }

    public int queuedCount() {
        return records.size();
    }
}
