package cn.talentportal.infra.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pid file of the search node running on a base path. A portal that crashed (kill -9, power loss
 * of the IDE's JVM...) may leave its node running for a while, holding the data directory's lock; the
 * next start uses this file to find such a node and stop it.
 */
final class SearchNodePidFile {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final Duration FORCED_STOP = Duration.ofSeconds(10);

    private final Path file;
    private final Path basePath;

    SearchNodePidFile(Path basePath) {
        this.basePath = basePath.toAbsolutePath().normalize();
        this.file = this.basePath.resolve("search-node.pid");
    }

    Path path() {
        return file;
    }

    void write(long pid) {
        try {
            Files.writeString(file, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover pid file is harmless: the next start checks the process it names.
        }
    }

    /**
     * Stops the search node named by the pid file if it is still running on this base path and the portal
     * that started it is gone (or is this very JVM, which has lost track of it). Processes that are not our
     * search node, for example a reused pid, are left alone.
     *
     * @return the pid of the node that was stopped
     * @throws IllegalStateException if another running portal still owns that node
     */
    Optional<Long> stopOrphanedNode() {
        Optional<ProcessHandle> node = readPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(this::isSearchNodeOnThisBasePath);
        if (node.isEmpty()) {
            delete();
            return Optional.empty();
        }
        ProcessHandle process = node.get();
        parentPid(process).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(parent -> parent.pid() != ProcessHandle.current().pid())
                .ifPresent(parent -> {
                    throw new IllegalStateException("The search data directory " + basePath
                            + " is in use by the search node (pid " + process.pid() + ") of another running portal"
                            + " (pid " + parent.pid() + "). Stop it, or give this portal its own talent.data-dir.");
                });
        stop(process);
        delete();
        return Optional.of(process.pid());
    }

    private Optional<Long> readPid() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean isSearchNodeOnThisBasePath(ProcessHandle process) {
        List<String> arguments = arguments(process);
        return arguments.contains(SearchNodeClasspath.MAIN_CLASS)
                && arguments.contains(EmbeddedSearchNode.BASE_PATH_OPTION + basePath);
    }

    private static Optional<Long> parentPid(ProcessHandle process) {
        return arguments(process).stream()
                .filter(argument -> argument.startsWith(EmbeddedSearchNode.PARENT_PID_OPTION))
                .map(argument -> Long.valueOf(argument.substring(EmbeddedSearchNode.PARENT_PID_OPTION.length())))
                .findFirst();
    }

    private static List<String> arguments(ProcessHandle process) {
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    /** Graceful first (SIGTERM runs the node's shutdown hook, which closes it cleanly), then forcibly. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        if (awaitExit(process, GRACEFUL_STOP)) {
            return;
        }
        process.destroyForcibly();
        if (!awaitExit(process, FORCED_STOP)) {
            throw new IllegalStateException("Cannot stop the orphaned search node (pid " + process.pid() + ")");
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
