package cn.talentportal.infra.search;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node OpenSearch (with smartcn) in a child JVM, for when no search URL is configured. The child
 * has its own classpath because OpenSearch's Netty, Jackson and Log4j clash with Spring Boot's.
 *
 * <p>Data lives in {@code <dataDir>/search}; the child's console output goes to
 * {@code <dataDir>/search/search-node.log}. The child ends when this object is closed, when this JVM ends
 * (it watches our pid and its stdin), and a node left behind by a crashed portal is stopped on the next start.
 */
public final class EmbeddedSearchNode implements AutoCloseable {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
    static final String BASE_PATH_OPTION = "--base-path=";
    static final String PARENT_PID_OPTION = "--parent-pid=";
    private static final String READY_LINE_PREFIX = "SEARCH-NODE-READY ";
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final Duration FORCED_STOP = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSearchNode.class);

    private final Process process;
    private final int port;
    private final Path basePath;
    private final Path logFile;
    private final SearchNodePidFile pidFile;

    private EmbeddedSearchNode(Process process, int port, Path basePath, Path logFile, SearchNodePidFile pidFile) {
        this.process = process;
        this.port = port;
        this.basePath = basePath;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /** Starts a node on {@code <dataDir>/search} and waits until it serves requests. */
    public static EmbeddedSearchNode start(Path dataDir, int port, Duration startTimeout) {
        Path basePath = dataDir.resolve("search").toAbsolutePath().normalize();
        createDirectories(basePath);
        SearchNodePidFile pidFile = new SearchNodePidFile(basePath);
        pidFile.stopOrphanedNode().ifPresent(pid -> log.warn(
                "Stopped the search node (pid {}) left running on {} by a previous portal", pid, basePath));

        int httpPort = port > 0 ? port : freeLoopbackPort();
        Path logFile = basePath.resolve("search-node.log");
        List<Path> classpath = SearchNodeClasspath.resolve(LocalMavenRepository.resolve());
        long started = System.nanoTime();
        Process process = launch(basePath, httpPort, classpath, logFile);
        EmbeddedSearchNode node;
        try {
            pidFile.write(process.pid());
            node = new EmbeddedSearchNode(process, httpPort, basePath, logFile, pidFile);
            node.awaitReady(forwardOutput(process, logFile), startTimeout);
        } catch (RuntimeException e) {
            // a node that never became ours must not outlive this failure holding the data directory's lock
            process.destroyForcibly();
            throw e;
        }
        log.info("Embedded search node (OpenSearch, pid {}) ready on {} after {} ms; data in {}, log in {}",
                process.pid(), node.url(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), basePath,
                logFile);
        return node;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path basePath() {
        return basePath;
    }

    public Path logFile() {
        return logFile;
    }

    /** Closing stdin asks the node to shut down cleanly; it is killed if it does not within the timeouts. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // Already closed: the node is stopping anyway.
            }
            if (!SearchNodePidFile.awaitExit(process.toHandle(), GRACEFUL_STOP)) {
                log.warn("Search node (pid {}) did not stop within {}; killing it", process.pid(), GRACEFUL_STOP);
                process.destroyForcibly();
                SearchNodePidFile.awaitExit(process.toHandle(), FORCED_STOP);
            }
        }
        pidFile.delete();
    }

    private static Process launch(Path basePath, int httpPort, List<Path> classpath, Path logFile) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                // a fixed heap: growing a 512 MB one under 100k openings and concurrent searches took full
                // collections of 0.1-0.4 s, each added to every search in flight (docs/decisions/0034)
                "-Xms1g", "-Xmx1g",
                // two cores shared with the portal: the parallel collector's threads wait for a core and its young
                // pauses came out longer than the serial one's (docs/decisions/0034)
                "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                SearchNodeClasspath.MAIN_CLASS,
                BASE_PATH_OPTION + basePath,
                "--http-port=" + httpPort,
                PARENT_PID_OPTION + ProcessHandle.current().pid()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(basePath.toFile()).redirectErrorStream(true);
        // The classpath goes through the environment: the command line stays short and readable (ps, orphan check).
        builder.environment().put("CLASSPATH", classpath.stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the search node JVM (" + command.getFirst() + ")", e);
        }
    }

    /** Copies the child's console to the log file; completes with the port once the ready line appears. */
    private static CompletableFuture<Integer> forwardOutput(Process process, Path logFile) {
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread forwarder = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                    BufferedWriter out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.startsWith(READY_LINE_PREFIX)) {
                        ready.complete(Integer.valueOf(line.substring(READY_LINE_PREFIX.length()).trim()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the search node's output ended"));
        }, "search-node-output");
        forwarder.setDaemon(true);
        forwarder.start();
        return ready;
    }

    private void awaitReady(CompletableFuture<Integer> ready, Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("The embedded search node did not become ready within " + timeout
                    + "; see " + logFile, e);
        } catch (ExecutionException e) {
            SearchNodePidFile.awaitExit(process.toHandle(), Duration.ofSeconds(5));
            String exit = process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
            close();
            throw new IllegalStateException("The embedded search node failed to start" + exit + "; see " + logFile
                    + ", which ends with:\n" + tailOfLog(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the embedded search node", e);
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the search node", e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the search data directory " + directory, e);
        }
    }
}
