package io.warden.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The server's notion of now: UTC, truncated to the millisecond precision in which instants are stored. */
public final class ServerClock {

    private ServerClock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
