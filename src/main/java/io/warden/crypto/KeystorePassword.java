package io.warden.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The keystore password: the configured one, or else a generated one kept in an owner-only file
 * next to the keystore ({@code <keystore file name>.password}). The log names that file, never the
 * password.
 */
final class KeystorePassword {

    private static final Logger LOG = Logger.getLogger(KeystorePassword.class.getName());
    private static final int GENERATED_BYTES = 32;

    private KeystorePassword() {
    }

    static Path passwordFile(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + ".password");
    }

    /**
     * Returns {@code configured} when present. Otherwise reads the password file, or generates a
     * password and writes that file when neither it nor the keystore exists yet.
     *
     * @throws IllegalStateException if the keystore exists but no password is configured or stored
     */
    static char[] resolve(Optional<String> configured, Path keystore) {
        if (configured.isPresent()) {
            return configured.get().toCharArray();
        }
        Path file = passwordFile(keystore);
        try {
            if (Files.exists(file)) {
                OwnerOnlyFiles.warnIfShared(file);
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            }
            if (Files.exists(keystore)) {
                throw new IllegalStateException("Keystore " + keystore + " exists, but WARDEN_KEYSTORE_PASSWORD is not "
                        + "set and " + file + " is missing: set WARDEN_KEYSTORE_PASSWORD to the keystore's password "
                        + "or restore the password file");
            }
            return generate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading or writing the keystore password file " + file + " failed: set "
                    + "WARDEN_KEYSTORE_PATH to a writable location or set WARDEN_KEYSTORE_PASSWORD", e);
        }
    }

    private static char[] generate(Path file) throws IOException {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnlyFiles.writeAtomically(file, (password + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        LOG.warning(() -> "WARDEN_KEYSTORE_PASSWORD is not set, so a keystore password was generated and written to "
                + file.toAbsolutePath() + " (readable by its owner only). Whoever can read that file and the keystore "
                + "can decrypt the stored client secrets; set WARDEN_KEYSTORE_PASSWORD from a secret store instead.");
        return password.toCharArray();
    }
}
