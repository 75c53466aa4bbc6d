package io.warden.crypto;

import io.warden.platform.config.WardenConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Opens or generates the keystore while the server starts, so that a wrong password or an
 * unwritable folder stops the deployment instead of failing the first credential issuance.
 * With {@code WARDEN_STORE_ENCRYPTED_SECRET=false} the keystore is opened only when a KEK rotation needs it.
 */
@Singleton
@Startup
public class KeystoreStartup {

    private static final Logger LOG = Logger.getLogger(KeystoreStartup.class.getName());

    @Inject
    WardenConfig config;

    @Inject
    KeyWrapper keyWrapper;

    @PostConstruct
    void openKeystore() {
        if (!config.storeEncryptedSecret()) {
            LOG.info("WARDEN_STORE_ENCRYPTED_SECRET is false: new client secrets are stored as lookup hashes only, "
                    + "without an encrypted copy");
            return;
        }
        String kekId = keyWrapper.currentKekId();
        LOG.info(() -> "Client secrets are stored encrypted under KEK " + kekId + " of keystore "
                + config.keystorePath().toAbsolutePath());
    }
}
