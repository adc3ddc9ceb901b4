package cn.talentportal.infra.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The name under which this node claims tracking tokens. Axon's default, {@code pid@host}, changes with every start:
 * after a kill -9 the new process must wait out the dead one's claims (10 s) before its processors move on. On the
 * embedded default the data directory belongs to one process at a time (its store is locked), so a name kept in it
 * lets a restarted portal take its own claims back at once. With an external MongoDB several nodes may share an
 * image or a directory, so there only a configured {@code talent.node-id} or Axon's default is used.
 */
final class TokenOwner {

    static final String FILE_NAME = "node-id";

    private TokenOwner() {
    }

    static String of(String configured, boolean embeddedStore, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return embeddedStore ? keptIn(dataDir.resolve(FILE_NAME)) : ManagementFactory.getRuntimeMXBean().getName();
    }

    private static String keptIn(Path file) {
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String created = "embedded-" + UUID.randomUUID();
            Files.createDirectories(file.getParent());
            Files.writeString(file, created + System.lineSeparator(), StandardCharsets.UTF_8);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the node id in " + file, e);
        }
    }
}
