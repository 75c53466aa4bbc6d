package io.warden.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.Provider;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12KeyWrapperTest {

    private static final String CREDENTIAL_ID = "0b7e4c1a-0000-4000-8000-000000000001";
    private static final byte[] SECRET = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=".getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD = "keystore-test-password".toCharArray();

    private static Provider provider;

    @TempDir
    Path folder;

    @BeforeAll
    static void createProvider() {
        provider = new BouncyCastleProvider();
    }

    @Test
    void generatedKeystoreIsOwnerOnly() throws Exception {
        Path keystore = folder.resolve("data").resolve("kek.p12");

        Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);

        assertTrue(Files.isRegularFile(keystore));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        try (Stream<Path> files = Files.list(keystore.getParent())) {
            assertEquals(List.of(keystore), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void reopenedKeystoreHasSameKek() {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper created = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);
        EncryptedSecret encrypted = new EnvelopeCipher(created, provider).encrypt(SECRET, CREDENTIAL_ID);

        Pkcs12KeyWrapper reopened = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);

        assertEquals(created.currentKekId(), reopened.currentKekId());
        assertTrue(reopened.olderKekIds().isEmpty());
        assertArrayEquals(SECRET, new EnvelopeCipher(reopened, provider).decrypt(encrypted, CREDENTIAL_ID));
    }

    @Test
    void kekIdNamesGeneration() {
        Pkcs12KeyWrapper wrapper = Pkcs12KeyWrapper.openOrCreate(folder.resolve("kek.p12"), PASSWORD, provider);

        assertTrue(wrapper.currentKekId().matches("kek-1-[0-9a-f]{8}"), wrapper.currentKekId());
    }

    @Test
    void keystoreIsStandardPkcs12() throws Exception {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper wrapper = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);

        KeyStore jdkKeyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            jdkKeyStore.load(in, PASSWORD);
        }

        assertEquals(List.of(wrapper.currentKekId()), Collections.list(jdkKeyStore.aliases()));
        assertTrue(jdkKeyStore.isKeyEntry(wrapper.currentKekId()));
    }

    @Test
    void wrongPasswordIsRejected() {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Pkcs12KeyWrapper.openOrCreate(keystore, "wrong-password".toCharArray(), provider));

        assertTrue(failure.getMessage().contains(keystore.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("wrong password"), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong-password"), "the message must not contain the password");
    }

    @Test
    void generatedPasswordFileIsOwnerOnly() throws Exception {
        Path keystore = folder.resolve("kek.p12");

        char[] generated = KeystorePassword.resolve(Optional.empty(), keystore);
        Pkcs12KeyWrapper.openOrCreate(keystore, generated, provider);

        Path passwordFile = folder.resolve("kek.p12.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(new String(generated), Files.readString(passwordFile).strip());
        assertTrue(generated.length >= 43, "a generated password has at least 256 bits");
    }

    @Test
    void storedPasswordOpensKeystoreAgain() {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper created = Pkcs12KeyWrapper.openOrCreate(keystore,
                KeystorePassword.resolve(Optional.empty(), keystore), provider);

        char[] stored = KeystorePassword.resolve(Optional.empty(), keystore);
        Pkcs12KeyWrapper reopened = Pkcs12KeyWrapper.openOrCreate(keystore, stored, provider);

        assertEquals(created.currentKekId(), reopened.currentKekId());
    }

    @Test
    void configuredPasswordWritesNoFile() {
        Path keystore = folder.resolve("kek.p12");

        char[] password = KeystorePassword.resolve(Optional.of("from-configuration"), keystore);

        assertArrayEquals("from-configuration".toCharArray(), password);
        assertFalse(Files.exists(folder.resolve("kek.p12.password")));
    }

    @Test
    void keystoreWithoutPasswordIsRejected() {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> KeystorePassword.resolve(Optional.empty(), keystore));

        assertTrue(failure.getMessage().contains("WARDEN_KEYSTORE_PASSWORD"), failure.getMessage());
        assertFalse(Files.exists(folder.resolve("kek.p12.password")), "no new password may replace the lost one");
    }

    @Test
    void newKekBecomesCurrentAndOldStays() {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper wrapper = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);
        String oldKekId = wrapper.currentKekId();

        String newKekId = wrapper.createKek();

        assertNotEquals(oldKekId, newKekId);
        assertTrue(newKekId.startsWith("kek-2-"), newKekId);
        assertEquals(newKekId, wrapper.currentKekId());
        assertEquals(Set.of(oldKekId), wrapper.olderKekIds());
    }

    @Test
    void unfinishedRotationSurvivesReopen() {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper wrapper = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);
        String oldKekId = wrapper.currentKekId();
        String newKekId = wrapper.createKek();

        Pkcs12KeyWrapper reopened = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);

        assertEquals(newKekId, reopened.currentKekId());
        assertEquals(Set.of(oldKekId), reopened.olderKekIds());
    }

    @Test
    void rewrappedSecretDecryptsUnderNewKek() {
        Pkcs12KeyWrapper wrapper = Pkcs12KeyWrapper.openOrCreate(folder.resolve("kek.p12"), PASSWORD, provider);
        EnvelopeCipher cipher = new EnvelopeCipher(wrapper, provider);
        EncryptedSecret underOldKek = cipher.encrypt(SECRET, CREDENTIAL_ID);
        String oldKekId = wrapper.currentKekId();

        String newKekId = wrapper.createKek();
        WrappedKey rewrapped = cipher.rewrap(underOldKek.dataKey());
        wrapper.retireKek(oldKekId);

        assertEquals(newKekId, rewrapped.kekId());
        assertTrue(wrapper.olderKekIds().isEmpty());
        EncryptedSecret underNewKek = new EncryptedSecret(underOldKek.ciphertext(), underOldKek.iv(), rewrapped);
        assertArrayEquals(SECRET, cipher.decrypt(underNewKek, CREDENTIAL_ID));
        assertThrows(EnvelopeException.class, () -> cipher.decrypt(underOldKek, CREDENTIAL_ID),
                "the retired KEK must be gone");
    }

    @Test
    void currentKekCannotBeRetired() {
        Pkcs12KeyWrapper wrapper = Pkcs12KeyWrapper.openOrCreate(folder.resolve("kek.p12"), PASSWORD, provider);

        assertThrows(IllegalArgumentException.class, () -> wrapper.retireKek(wrapper.currentKekId()));
    }

    @Test
    void retiringUnknownKekChangesNothing() throws Exception {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper wrapper = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);
        byte[] before = Files.readAllBytes(keystore);

        wrapper.retireKek("kek-7-00000000");

        assertArrayEquals(before, Files.readAllBytes(keystore));
    }

    @Test
    void changeByOtherInstanceIsPickedUp() {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper first = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);
        Pkcs12KeyWrapper second = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);

        String newKekId = first.createKek();

        assertEquals(newKekId, second.currentKekId());
        assertEquals(newKekId, second.wrap(new byte[32]).kekId());
    }

    @Test
    void missingKeystoreIsReported() throws Exception {
        Path keystore = folder.resolve("kek.p12");
        Pkcs12KeyWrapper wrapper = Pkcs12KeyWrapper.openOrCreate(keystore, PASSWORD, provider);
        Files.delete(keystore);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> wrapper.wrap(new byte[32]));

        assertTrue(failure.getMessage().contains("is missing"), failure.getMessage());
    }
}
