package cn.talentportal.infra.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key that wraps the data keys: configured (base64 of 32 bytes, from a secret store, the same on every
 * node) or generated on the first start into a key file under the data directory. Never stored in the database: a
 * copy of the database alone decrypts nothing.
 */
public final class MasterKey {

    private static final Logger logger = LoggerFactory.getLogger(MasterKey.class);
    private static final int BYTES = 32;

    private MasterKey() {
    }

    public static SecretKey resolve(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return of(Base64.getDecoder().decode(configured.strip()), "talent.privacy.master-key");
        }
        try {
            if (Files.exists(keyFile)) {
                return of(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.UTF_8).strip()),
                        keyFile.toString());
            }
            byte[] generated = new byte[BYTES];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Path temporary = keyFile.resolveSibling(keyFile.getFileName() + ".new");
            Files.writeString(temporary, Base64.getEncoder().encodeToString(generated) + "\n");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(temporary, keyFile);
            logger.info("Generated the personal data master key in {}: keep it secret and backed up apart from the "
                    + "database (without it no personal data can be read)", keyFile);
            return of(generated, keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the personal data master key " + keyFile, e);
        }
    }

    static SecretKey of(byte[] raw, String source) {
        if (raw.length != BYTES) {
            throw new IllegalStateException("The personal data master key from " + source + " must be 32 bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }
}
