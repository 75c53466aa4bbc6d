package io.warden.crypto;

import io.warden.platform.config.WardenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Provides the server's {@link KeyWrapper} (the PKCS#12 keystore at {@code WARDEN_KEYSTORE_PATH})
 * and {@link EnvelopeCipher}. Both use one BouncyCastle provider instance, which is never
 * registered globally.
 */
@ApplicationScoped
public class CryptoProducer {

    @Inject
    WardenConfig config;

    private final Provider provider = new BouncyCastleProvider();

    /** Opens the keystore on first use, or generates it (and its password file) when it does not exist. */
    @Produces
    @ApplicationScoped
    KeyWrapper keyWrapper() {
        Path path = config.keystorePath();
        char[] password = KeystorePassword.resolve(config.keystorePassword(), path);
        return Pkcs12KeyWrapper.openOrCreate(path, password, provider);
    }

    @Produces
    EnvelopeCipher envelopeCipher(KeyWrapper keyWrapper) {
        return new EnvelopeCipher(keyWrapper, provider);
    }
}
