package io.warden.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.RuntimeCryptoException;

/**
 * Keeps the KEKs as RSA 3072 key pairs in a PKCS#12 keystore file outside the database and wraps
 * data keys with RSA-OAEP (SHA-256, MGF1 with SHA-256).
 *
 * <p>Each KEK is one entry whose alias is its id, {@code kek-<generation>-<8 hex digits>}. The entry
 * with the highest generation is current. Entries of lower generations exist only while a rotation
 * is unfinished, so after a crash the next rotation run finds the unfinished one from the file
 * alone. Entries with other aliases are ignored.
 *
 * <p>Every change is written to a new file that then replaces the old one atomically. Before each
 * operation the file's modification time is compared with the loaded one, so a node that shares
 * the file with another node picks up a rotation made there.
 */
public final class Pkcs12KeyWrapper implements KeyWrapper {

    static final int RSA_KEY_BITS = 3072;
    private static final Logger LOG = Logger.getLogger(Pkcs12KeyWrapper.class.getName());
    private static final Pattern KEK_ID = Pattern.compile("kek-([1-9][0-9]{0,8})-[0-9a-f]{8}");
    private static final String OAEP_TRANSFORMATION = "RSA/NONE/OAEPPadding";
    private static final OAEPParameterSpec OAEP_SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private final Pkcs12KeystoreFile file;
    private final char[] password;
    private final Provider provider;
    private final SecureRandom random = new SecureRandom();

    /** The KEKs by generation: the last one is current. Guarded by {@code this}. */
    private TreeMap<Integer, Pkcs12KeystoreFile.Entry> keks = new TreeMap<>();
    private FileTime loadedModifiedTime;

    private Pkcs12KeyWrapper(Path path, char[] password, Provider provider) {
        this.file = new Pkcs12KeystoreFile(path, provider);
        this.password = password.clone();
        this.provider = provider;
    }

    /**
     * Opens the keystore at {@code path}, or generates it with a first KEK when the file does not
     * exist. {@code provider} (BouncyCastle) is used for every operation; it is not registered globally.
     *
     * @throws IllegalStateException if the keystore cannot be read with {@code password} or contains no KEK
     */
    public static Pkcs12KeyWrapper openOrCreate(Path path, char[] password, Provider provider) {
        Pkcs12KeyWrapper wrapper = new Pkcs12KeyWrapper(path, password, provider);
        synchronized (wrapper) {
            if (Files.exists(path)) {
                wrapper.load();
            } else {
                wrapper.generateFirstKek();
            }
        }
        return wrapper;
    }

    /** Returns the keystore file. */
    public Path path() {
        return file.path();
    }

    @Override
    public synchronized String currentKekId() {
        refreshIfChanged();
        return keks.lastEntry().getValue().alias();
    }

    @Override
    public WrappedKey wrap(byte[] dataKey) {
        Pkcs12KeystoreFile.Entry kek;
        synchronized (this) {
            refreshIfChanged();
            kek = keks.lastEntry().getValue();
        }
        try {
            Cipher cipher = Cipher.getInstance(OAEP_TRANSFORMATION, provider);
            cipher.init(Cipher.WRAP_MODE, kek.certificate().getPublicKey(), OAEP_SHA256, random);
            return new WrappedKey(cipher.wrap(new SecretKeySpec(dataKey, "AES")), kek.alias());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Wrapping a data key with KEK " + kek.alias() + " failed", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrappedKey) {
        Pkcs12KeystoreFile.Entry kek;
        synchronized (this) {
            refreshIfChanged();
            kek = keks.values().stream().filter(entry -> entry.alias().equals(wrappedKey.kekId())).findFirst()
                    .orElseThrow(() -> new EnvelopeException("KEK " + wrappedKey.kekId() + " is not in keystore "
                            + file.path() + ": it was retired, or the data key was wrapped with another keystore"));
        }
        int modulusBytes = (((RSAPublicKey) kek.certificate().getPublicKey()).getModulus().bitLength() + 7) / 8;
        if (wrappedKey.bytes().length != modulusBytes) {
            throw new EnvelopeException("Unwrapping a data key with KEK " + kek.alias() + " failed: the wrapped key "
                    + "has " + wrappedKey.bytes().length + " bytes, expected " + modulusBytes);
        }
        try {
            Cipher cipher = Cipher.getInstance(OAEP_TRANSFORMATION, provider);
            cipher.init(Cipher.UNWRAP_MODE, kek.privateKey(), OAEP_SHA256);
            Key dataKey = cipher.unwrap(wrappedKey.bytes(), "AES", Cipher.SECRET_KEY);
            return dataKey.getEncoded();
        } catch (GeneralSecurityException | RuntimeCryptoException e) {
            throw new EnvelopeException("Unwrapping a data key with KEK " + kek.alias() + " failed: the wrapped key "
                    + "was not made with this KEK or was altered", e);
        }
    }

    @Override
    public synchronized Set<String> olderKekIds() {
        refreshIfChanged();
        Set<String> older = new LinkedHashSet<>();
        keks.headMap(keks.lastKey()).values().forEach(entry -> older.add(entry.alias()));
        return older;
    }

    @Override
    public synchronized String createKek() {
        refreshIfChanged();
        int generation = keks.lastKey() + 1;
        TreeMap<Integer, Pkcs12KeystoreFile.Entry> changed = new TreeMap<>(keks);
        Pkcs12KeystoreFile.Entry kek = generateKek(generation);
        changed.put(generation, kek);
        save(changed);
        LOG.info(() -> "Created KEK " + kek.alias() + " (RSA " + RSA_KEY_BITS + ") in keystore " + file.path()
                + "; it is now current");
        return kek.alias();
    }

    @Override
    public synchronized void retireKek(String kekId) {
        refreshIfChanged();
        if (keks.lastEntry().getValue().alias().equals(kekId)) {
            throw new IllegalArgumentException("KEK " + kekId + " is current and cannot be retired");
        }
        TreeMap<Integer, Pkcs12KeystoreFile.Entry> changed = new TreeMap<>(keks);
        if (!changed.values().removeIf(entry -> entry.alias().equals(kekId))) {
            return;
        }
        save(changed);
        LOG.info(() -> "Retired KEK " + kekId + " from keystore " + file.path());
    }

    private void generateFirstKek() {
        TreeMap<Integer, Pkcs12KeystoreFile.Entry> first = new TreeMap<>();
        Pkcs12KeystoreFile.Entry kek = generateKek(1);
        first.put(1, kek);
        save(first);
        LOG.info(() -> "Generated keystore " + file.path().toAbsolutePath() + " (readable by its owner only) with KEK "
                + kek.alias() + " (RSA " + RSA_KEY_BITS + ")");
    }

    private Pkcs12KeystoreFile.Entry generateKek(int generation) {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String id = "kek-" + generation + "-" + HexFormat.of().formatHex(suffix);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
            generator.initialize(RSA_KEY_BITS, random);
            KeyPair keyPair = generator.generateKeyPair();
            return new Pkcs12KeystoreFile.Entry(id, keyPair.getPrivate(),
                    Pkcs12KeystoreFile.selfSignedCertificate(keyPair, id, provider, random));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Generating KEK " + id + " failed", e);
        }
    }

    private void save(TreeMap<Integer, Pkcs12KeystoreFile.Entry> changed) {
        try {
            file.write(new ArrayList<>(changed.values()), password);
            loadedModifiedTime = Files.getLastModifiedTime(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing keystore " + file.path() + " failed: check that its folder is "
                    + "writable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Writing keystore " + file.path() + " failed", e);
        }
        keks = changed;
    }

    private void refreshIfChanged() {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file.path());
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("Keystore " + file.path() + " is missing. Restore it from a backup: "
                    + "without its KEKs no encrypted secret can be decrypted", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading keystore " + file.path() + " failed", e);
        }
        if (!modified.equals(loadedModifiedTime)) {
            load();
        }
    }

    private void load() {
        Path path = file.path();
        List<Pkcs12KeystoreFile.Entry> entries;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(path);
            entries = file.read(password);
            OwnerOnlyFiles.warnIfShared(path);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("Keystore " + path + " cannot be opened (" + e.getMessage() + "). Check "
                    + "WARDEN_KEYSTORE_PASSWORD, or the password file next to the keystore when it is not set", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading keystore " + path + " failed", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Keystore " + path + " cannot be read", e);
        }

        TreeMap<Integer, Pkcs12KeystoreFile.Entry> loaded = new TreeMap<>();
        for (Pkcs12KeystoreFile.Entry entry : entries) {
            Matcher id = KEK_ID.matcher(Objects.requireNonNullElse(entry.alias(), ""));
            if (id.matches()) {
                loaded.put(Integer.parseInt(id.group(1)), entry);
            } else {
                LOG.warning(() -> "Keystore " + path + " contains entry '" + entry.alias() + "', which is not "
                        + "named like a KEK (kek-<generation>-<8 hex digits>); it is ignored");
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("Keystore " + path + " contains no KEK. Restore it from a backup; "
                    + "secrets encrypted under its KEKs cannot be decrypted without them");
        }
        keks = loaded;
        loadedModifiedTime = modified;
        LOG.fine(() -> "Loaded keystore " + path + " with KEKs " + aliases(loaded));
    }

    private static List<String> aliases(Map<Integer, Pkcs12KeystoreFile.Entry> entries) {
        return entries.values().stream().map(Pkcs12KeystoreFile.Entry::alias).toList();
    }
}
