package cn.talentportal.infra.eventstore.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Ed25519 key pair that signs chain anchors (JDK {@code java.security}, no extra library), and the public keys
 * anchors are accepted from. Like the registration claims' HMAC key: configured (from a secret store, the same on
 * every portal node), or generated on the first start. Unlike that key it is never kept in the database it protects:
 * whoever can write the database could otherwise sign forged anchors. A generated pair is written to a file under the
 * data directory (owner-only permissions where the file system has them).
 */
public final class AnchorSigningKey {

    private static final Logger logger = LoggerFactory.getLogger(AnchorSigningKey.class);
    private static final String ALGORITHM = "Ed25519";

    private final KeyPair keyPair;
    private final String fingerprint;
    private final Map<String, PublicKey> trusted = new HashMap<>();

    private AnchorSigningKey(KeyPair keyPair, Collection<String> trustedPublicKeys) {
        this.keyPair = keyPair;
        this.fingerprint = fingerprint(keyPair.getPublic());
        trusted.put(fingerprint, keyPair.getPublic());
        for (String encoded : trustedPublicKeys) {
            PublicKey key = publicKey(encoded.trim());
            trusted.put(fingerprint(key), key);
        }
    }

    /**
     * @param privateKey        base64 PKCS#8 Ed25519 private key, empty for the key file
     * @param publicKey         base64 X.509 public key belonging to it (required with {@code privateKey})
     * @param keyFile           where a generated pair is kept (created on the first start)
     * @param trustedPublicKeys base64 X.509 public keys of earlier signing keys, whose anchors still verify
     */
    public static AnchorSigningKey resolve(String privateKey, String publicKey, Path keyFile,
                                           Collection<String> trustedPublicKeys) {
        if (!privateKey.isEmpty() || !publicKey.isEmpty()) {
            if (privateKey.isEmpty() || publicKey.isEmpty()) {
                throw new IllegalStateException("talent.eventstore.chain.private-key and public-key go together");
            }
            KeyPair pair = new KeyPair(publicKey(publicKey), privateKey(privateKey));
            checkPair(pair);
            return new AnchorSigningKey(pair, trustedPublicKeys);
        }
        return new AnchorSigningKey(fromFile(keyFile), trustedPublicKeys);
    }

    /** A fresh pair, for tests. */
    static AnchorSigningKey generated() {
        return new AnchorSigningKey(generate(), java.util.List.of());
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The public key, base64 X.509: give it to auditors, or to {@code trusted-public-keys} after a key change. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
    }

    String sign(byte[] statement) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(keyPair.getPrivate());
            signature.update(statement);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a chain anchor", e);
        }
    }

    /** Null when the signature verifies with a trusted key, else why not. */
    String problemWith(String keyFingerprint, byte[] statement, String signatureBase64) {
        PublicKey key = trusted.get(keyFingerprint);
        if (key == null) {
            return "signed with an unknown key " + keyFingerprint;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(statement);
            return signature.verify(Base64.getDecoder().decode(signatureBase64)) ? null : "signature does not verify";
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return "signature does not verify (" + e.getMessage() + ")";
        }
    }

    private static KeyPair fromFile(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                Properties properties = new Properties();
                try (var reader = Files.newBufferedReader(keyFile, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                KeyPair pair = new KeyPair(publicKey(properties.getProperty("public", "")),
                        privateKey(properties.getProperty("private", "")));
                checkPair(pair);
                return pair;
            }
            KeyPair pair = generate();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Path temporary = keyFile.resolveSibling(keyFile.getFileName() + ".new");
            Files.writeString(temporary, "# Ed25519 key pair signing the event store's chain anchors. Keep it secret "
                    + "and backed up apart from the database.\n"
                    + "private=" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + "public=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(temporary, keyFile);
            logger.info("Generated the chain anchor signing key {} in {}", fingerprint(pair.getPublic()), keyFile);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the chain anchor signing key " + keyFile, e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required (Java 15+)", e);
        }
    }

    private static void checkPair(KeyPair pair) {
        byte[] probe = "talentportal-key-check".getBytes(StandardCharsets.UTF_8);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signed = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signed)) {
                throw new IllegalStateException("The chain anchor public key does not belong to the private key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable chain anchor signing key", e);
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a base64 X.509 Ed25519 public key", e);
        }
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    static String fingerprint(PublicKey key) {
        return ChainHeads.HEX.formatHex(ChainHeads.sha256().digest(key.getEncoded()));
    }
}
