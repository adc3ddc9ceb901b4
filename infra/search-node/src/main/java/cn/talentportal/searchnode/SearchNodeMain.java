package cn.talentportal.searchnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Main class of the child JVM that runs the portal's embedded search node: one OpenSearch node with the
 * smartcn analysis plugin, on a loopback HTTP port.
 *
 * <p>Options, as {@code --name=value} arguments or {@code searchnode.name} system properties:
 * {@code base-path} (required, the node's home; data, config and logs go below it), {@code http-port}
 * (required), {@code cluster-name} (default {@value #DEFAULT_CLUSTER_NAME}), {@code parent-pid}
 * (optional: the portal's pid, the node exits when it ends).
 *
 * <p>Prints {@value #READY_LINE_PREFIX}{@code <port>} on stdout once the cluster is at least yellow. It
 * never outlives the portal: it stops when the parent process ends or when stdin reaches end of file
 * (the parent closing the pipe, or dying, both end it).
 */
public final class SearchNodeMain {

    public static final String READY_LINE_PREFIX = "SEARCH-NODE-READY ";
    static final String DEFAULT_CLUSTER_NAME = "talent-portal-search";
    private static final String SMARTCN_PLUGIN = "org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin";

    private final OpenSearchRunner runner = new OpenSearchRunner();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        // OpenSearch redirects System.out into its logger; the ready line must reach the real stdout.
        PrintStream stdout = System.out;
        Map<String, String> options = options(args);
        Path basePath = Path.of(required(options, "base-path")).toAbsolutePath();
        int httpPort = Integer.parseInt(required(options, "http-port"));
        String clusterName = options.getOrDefault("cluster-name", DEFAULT_CLUSTER_NAME);
        Long parentPid = options.containsKey("parent-pid") ? Long.valueOf(options.get("parent-pid")) : null;

        SearchNodeMain node = new SearchNodeMain();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "search-node-shutdown"));
        node.exitWhenParentEnds(parentPid);
        node.exitOnEndOfStdin();
        try {
            node.start(basePath, httpPort, clusterName);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(2);
        }
        stdout.println(READY_LINE_PREFIX + httpPort);
        stdout.flush();
        // OpenSearch's threads are daemons: keep the JVM alive until stop() ends it.
        node.stopped.await();
    }

    private void start(Path basePath, int httpPort, String clusterName) throws IOException {
        Files.createDirectories(basePath);
        // Without a limit the runner probes ports upwards from the base port; we already chose ours.
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> settings
                .put("http.port", httpPort)
                .put("network.host", "127.0.0.1")
                // Ephemeral transport port: a single node needs no fixed one, and 9300 may be taken.
                .put("transport.port", "0")
                .put("discovery.type", "single-node")
                .put("cluster.default_number_of_replicas", 0)
                // A developer's nearly full disk must not make the only node refuse its shards.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true)
                // OpenSearch 3 searches the segments of a request with aggregations in parallel slices ("auto"):
                // on two cores shared by many concurrent searches that only adds slicing, per-slice collectors and
                // a reduce to every search (docs/decisions/0034)
                .put("search.concurrent_segment_search.mode", "none")
                .put("node.max_local_storage_nodes", 1));
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(basePath.toString())
                .numOfNode(1)
                .baseHttpPort(httpPort - 1)
                .clusterName(clusterName)
                .pluginTypes(SMARTCN_PLUGIN));
        runner.ensureYellow();
    }

    private void exitWhenParentEnds(Long parentPid) {
        if (parentPid == null) {
            return;
        }
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> stop("parent process " + parentPid + " ended")),
                () -> stop("parent process " + parentPid + " is not running"));
    }

    private void exitOnEndOfStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // Anything the parent writes is ignored; only the end of the stream matters.
                }
            } catch (IOException e) {
                // A broken pipe means the parent is gone, just like end of file.
            }
            stop("stdin closed");
        }, "search-node-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Closes the node and ends the JVM; safe to call in any phase, from any thread. */
    private void stop(String reason) {
        System.out.println("Stopping search node: " + reason);
        close();
        stopped.countDown();
        System.exit(0);
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                runner.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("Failed to close the search node cleanly: " + e);
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("searchnode."))
                .forEach(name -> options.put(name.substring("searchnode.".length()), System.getProperty(name)));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got: " + arg);
            }
            int equals = arg.indexOf('=');
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing option --" + name + "=... (or -Dsearchnode." + name + "=...)");
        }
        return value;
    }
}
