package io.warden.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits failed-attempt warnings to one per webhook per interval, so that an unreachable target
 * does not flood the log. The warning that ends a quiet interval states how many failures it hid.
 * Not thread-safe: the sender calls it from its single delivery loop.
 */
final class FailureWarnings {

    private record State(Instant lastWarningAt, int suppressed) {
    }

    private final Duration interval;
    private final Map<String, State> states = new HashMap<>();

    FailureWarnings(Duration interval) {
        this.interval = interval;
    }

    /**
     * Records one failure of {@code webhookId} and returns how many earlier failures went unlogged
     * when this one should be logged as a warning, or -1 when it should not.
     */
    int onFailure(String webhookId, Instant now) {
        State state = states.get(webhookId);
        if (state == null || !now.isBefore(state.lastWarningAt().plus(interval))) {
            states.put(webhookId, new State(now, 0));
            return state == null ? 0 : state.suppressed();
        }
        states.put(webhookId, new State(state.lastWarningAt(), state.suppressed() + 1));
        return -1;
    }

    /**
     * Forgets webhooks whose quiet interval ended without hidden failures, and any webhook quiet for
     * 60 intervals, so the map stays small.
     */
    void prune(Instant now) {
        states.values().removeIf(state -> {
            boolean intervalOver = !now.isBefore(state.lastWarningAt().plus(interval));
            boolean stale = !now.isBefore(state.lastWarningAt().plus(interval.multipliedBy(60)));
            return (intervalOver && state.suppressed() == 0) || stale;
        });
    }
}
