package io.warden.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void stopsAfterShortBatch() {
        Deque<Integer> sizes = new ArrayDeque<>(List.of(10, 10, 3, 10));

        long total = Batches.untilShort(10, sizes::poll);

        assertEquals(23, total);
        assertEquals(1, sizes.size());
    }

    @Test
    void emptyFirstBatchRunsOnce() {
        Deque<Integer> sizes = new ArrayDeque<>(List.of(0, 10));

        assertEquals(0, Batches.untilShort(10, sizes::poll));
        assertEquals(1, sizes.size());
    }
}
