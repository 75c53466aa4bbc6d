package io.warden.credential;

import io.warden.platform.ServerClock;
import io.warden.platform.jobs.JobSlots;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks credentials past their expiry as expired, every 15 seconds, once per period across all nodes.
 * Requests are refused at expiry whether or not the sweep has run. The sweep records the change
 * (status and one audit event per credential, actor "system") and evicts cached state.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CredentialExpirySweep {

    static final String JOB = "credential-expiry";
    private static final Logger LOG = Logger.getLogger(CredentialExpirySweep.class.getName());
    private static final int BATCH_SIZE = 200;
    private static final Duration PERIOD = Duration.ofSeconds(15);

    @Inject
    JobSlots slots;

    @Inject
    CredentialService credentials;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void sweep() {
        Instant now = ServerClock.now();
        try {
            if (!slots.claim(JOB, JobSlots.slot(now, PERIOD))) {
                return;
            }
            int total = 0;
            int expired;
            do {
                expired = credentials.expireDue(now, BATCH_SIZE);
                total += expired;
            } while (expired == BATCH_SIZE);
            int count = total;
            if (count > 0) {
                LOG.info(() -> "Expiry sweep marked " + count + " credentials as expired");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Expiry sweep failed; the next run retries", e);
        }
    }
}
