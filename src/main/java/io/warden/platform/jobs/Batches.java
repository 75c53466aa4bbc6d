package io.warden.platform.jobs;

import java.util.function.IntSupplier;

/** Runs a batch step of a timer job until a batch comes back smaller than the batch size. */
public final class Batches {

    private Batches() {
    }

    /**
     * Calls {@code batch}, which processes at most {@code batchSize} rows in its own transaction and
     * returns how many it processed, until it returns fewer than {@code batchSize}. Returns the total.
     */
    public static long untilShort(int batchSize, IntSupplier batch) {
        long total = 0;
        int processed;
        do {
            processed = batch.getAsInt();
            total += processed;
        } while (processed == batchSize);
        return total;
    }
}
