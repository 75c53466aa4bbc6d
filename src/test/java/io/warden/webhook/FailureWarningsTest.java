package io.warden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureWarningsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final FailureWarnings warnings = new FailureWarnings(Duration.ofMinutes(1));

    @Test
    void firstFailureWarns() {
        assertEquals(0, warnings.onFailure("hook-a", START));
    }

    @Test
    void repeatsWithinIntervalHidden() {
        warnings.onFailure("hook-a", START);

        assertEquals(-1, warnings.onFailure("hook-a", START.plusSeconds(10)));
        assertEquals(-1, warnings.onFailure("hook-a", START.plusSeconds(20)));
    }

    @Test
    void nextWarningCountsHiddenFailures() {
        warnings.onFailure("hook-a", START);
        warnings.onFailure("hook-a", START.plusSeconds(10));
        warnings.onFailure("hook-a", START.plusSeconds(20));
        warnings.prune(START.plusSeconds(70));

        assertEquals(2, warnings.onFailure("hook-a", START.plusSeconds(75)));
    }

    @Test
    void webhooksCountedSeparately() {
        warnings.onFailure("hook-a", START);

        assertEquals(0, warnings.onFailure("hook-b", START.plusSeconds(1)));
    }

    @Test
    void staleStateForgotten() {
        warnings.onFailure("hook-a", START);
        warnings.onFailure("hook-a", START.plusSeconds(10));
        warnings.prune(START.plus(Duration.ofHours(2)));

        assertEquals(0, warnings.onFailure("hook-a", START.plus(Duration.ofHours(2))));
    }
}
