package io.warden.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Reads and writes a PKCS#12 file of RSA private keys with their certificates, through
 * BouncyCastle's PKCS#12 API and an explicitly passed provider.
 *
 * <p>Private keys are encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and the whole file is
 * protected by an HMAC-SHA256 integrity MAC, both derived from the keystore password. BouncyCastle's
 * {@code KeyStore} types with these algorithms need a globally registered provider, so the file is
 * built here instead. The JDK's own PKCS12 {@code KeyStore}, {@code keytool} and OpenSSL 3.0 read the
 * result.
 */
final class Pkcs12KeystoreFile {

    /** Iterations of PBKDF2 and of the MAC key derivation, which slow down guessing of an operator-chosen password. */
    static final int PBKDF_ITERATIONS = 600_000;
    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
    /** The notAfter value that RFC 5280 (4.1.2.5) reserves for "no well-defined expiration date". */
    private static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    /** One private key entry: its alias (friendly name), its key and its certificate. */
    record Entry(String alias, PrivateKey privateKey, X509Certificate certificate) {
    }

    private final Path path;
    private final Provider provider;

    Pkcs12KeystoreFile(Path path, Provider provider) {
        this.path = path;
        this.provider = provider;
    }

    Path path() {
        return path;
    }

    /**
     * Reads every private key entry.
     *
     * @throws UnrecoverableKeyException if the integrity MAC does not match: wrong password or a damaged file
     */
    List<Entry> read(char[] password) throws IOException, GeneralSecurityException {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(Files.readAllBytes(path));
        try {
            if (!pfx.hasMac()) {
                throw new UnrecoverableKeyException("the file has no integrity MAC");
            }
            if (!pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(provider), password)) {
                throw new UnrecoverableKeyException("the integrity check failed: wrong password or damaged file");
            }

            InputDecryptorProvider decryptor =
                    new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(provider).build(password);
            Map<String, PrivateKey> keys = new HashMap<>();
            Map<String, X509Certificate> certificates = new HashMap<>();
            Map<String, String> aliases = new HashMap<>();
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory bags = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor)
                        : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    String keyId = localKeyId(bag);
                    if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        PrivateKeyInfo key = encrypted.decryptPrivateKeyInfo(decryptor);
                        if (key.getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
                            keys.put(keyId, KeyFactory.getInstance("RSA", provider)
                                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded())));
                            aliases.put(keyId, friendlyName(bag));
                        }
                    } else if (bag.getBagValue() instanceof X509CertificateHolder holder) {
                        certificates.put(keyId, new JcaX509CertificateConverter().setProvider(provider)
                                .getCertificate(holder));
                    }
                }
            }

            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, PrivateKey> key : keys.entrySet()) {
                X509Certificate certificate = certificates.get(key.getKey());
                String alias = aliases.get(key.getKey());
                if (certificate != null && alias != null) {
                    entries.add(new Entry(alias, key.getValue(), certificate));
                }
            }
            return entries;
        } catch (PKCSException e) {
            throw new UnrecoverableKeyException("a private key could not be decrypted: " + e.getMessage());
        }
    }

    /** Replaces the file with one that contains exactly {@code entries}, in one atomic step. */
    void write(List<Entry> entries, char[] password) throws IOException, GeneralSecurityException {
        try {
            OutputEncryptor keyEncryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(provider)
                    .setPRF(HMAC_SHA256)
                    .setIterationCount(PBKDF_ITERATIONS)
                    .build(password);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            for (Entry entry : entries) {
                SubjectKeyIdentifier keyId = extensions.createSubjectKeyIdentifier(entry.certificate().getPublicKey());
                JcaPKCS12SafeBagBuilder certificateBag = new JcaPKCS12SafeBagBuilder(entry.certificate());
                certificateBag.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, new DERBMPString(entry.alias()));
                certificateBag.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, keyId);
                JcaPKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(entry.privateKey(), keyEncryptor);
                keyBag.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, new DERBMPString(entry.alias()));
                keyBag.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, keyId);
                pfx.addData(certificateBag.build());
                pfx.addData(keyBag.build());
            }

            PKCS12PfxPdu built = pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                    .setProvider(provider)
                    .setIterationCount(PBKDF_ITERATIONS), password);
            OwnerOnlyFiles.writeAtomically(path, built.getEncoded(ASN1Encoding.DER));
        } catch (OperatorCreationException | PKCSException e) {
            throw new GeneralSecurityException("Building the PKCS#12 file " + path + " failed", e);
        }
    }

    /**
     * Creates the self-signed certificate that PKCS#12 needs next to a private key. Only its public
     * key is used, so nothing checks its dates.
     */
    static X509Certificate selfSignedCertificate(KeyPair keyPair, String alias, Provider provider,
            SecureRandom random) throws GeneralSecurityException {
        X500Name name = new X500Name("CN=Warden key-encryption key " + alias);
        BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                    Date.from(Instant.now()), Date.from(NO_EXPIRY), name, keyPair.getPublic());
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                    .setProvider(provider).build(keyPair.getPrivate()));
            return new JcaX509CertificateConverter().setProvider(provider).getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Signing the certificate of " + alias + " failed", e);
        }
    }

    private static String localKeyId(PKCS12SafeBag bag) {
        ASN1Encodable value = attribute(bag, PKCS12SafeBag.localKeyIdAttribute);
        if (value instanceof ASN1OctetString octets) {
            return HexFormat.of().formatHex(octets.getOctets());
        }
        String name = friendlyName(bag);
        return name == null ? "" : "name:" + name;
    }

    private static String friendlyName(PKCS12SafeBag bag) {
        ASN1Encodable value = attribute(bag, PKCS12SafeBag.friendlyNameAttribute);
        return value instanceof ASN1String text ? text.getString() : null;
    }

    private static ASN1Encodable attribute(PKCS12SafeBag bag, ASN1ObjectIdentifier type) {
        Attribute[] attributes = bag.getAttributes();
        if (attributes == null) {
            return null;
        }
        for (Attribute attribute : attributes) {
            if (attribute.getAttrType().equals(type) && attribute.getAttrValues().size() > 0) {
                return attribute.getAttrValues().getObjectAt(0);
            }
        }
        return null;
    }
}
