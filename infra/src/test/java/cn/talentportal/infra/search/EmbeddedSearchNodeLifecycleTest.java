package cn.talentportal.infra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded node never outlives the portal, and a node left behind by a crashed portal does not block the next start. */
class EmbeddedSearchNodeLifecycleTest {

    @TempDir
    Path dataDir;
    private final List<Process> helperProcesses = new ArrayList<>();
    private final List<EmbeddedSearchNode> nodes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        nodes.forEach(EmbeddedSearchNode::close);
        helperProcesses.forEach(Process::destroyForcibly);
    }

    @Test
    void aNodeLeftRunningByAPreviousPortalIsStoppedAndTheNewNodeStartsOnTheSameData() throws Exception {
        // The "crashed" portal: its node keeps running and keeps its pid file; nobody will close it.
        EmbeddedSearchNode orphan = start();
        ProcessHandle orphanProcess = ProcessHandle.of(orphan.pid()).orElseThrow();
        assertThat(get(orphan.url())).isEqualTo(200);

        EmbeddedSearchNode next = start();

        assertThat(orphanProcess.isAlive()).as("the orphaned node was stopped").isFalse();
        assertThat(next.pid()).isNotEqualTo(orphan.pid());
        assertThat(get(next.url())).isEqualTo(200);
        Path pidFile = next.basePath().resolve("search-node.pid");
        assertThat(pidFile).content().isEqualTo(Long.toString(next.pid()));

        next.close();
        assertThat(next.isAlive()).as("close() stops the child JVM").isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void theNodeExitsByItselfWhenThePortalProcessEnds() throws Exception {
        // A stand-in portal whose death the node must notice (the real portal would be kill -9'd).
        Process fakePortal = helper(new ProcessBuilder("sleep", "600").start());
        Path basePath = dataDir.resolve("search");
        Files.createDirectories(basePath);
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx512m", SearchNodeClasspath.MAIN_CLASS, "--base-path=" + basePath, "--http-port=" + EmbeddedSearchNode.freeLoopbackPort(),
                "--parent-pid=" + fakePortal.pid())
                .redirectErrorStream(true)
                .redirectOutput(basePath.resolve("search-node.log").toFile());
        builder.environment().put("CLASSPATH", String.join(java.io.File.pathSeparator,
                SearchNodeClasspath.resolve(LocalMavenRepository.resolve()).stream().map(Path::toString).toList()));
        // The node's stdin stays open (a pipe we hold): only the parent's death can stop it.
        Process node = helper(builder.start());
        awaitLogLine(basePath.resolve("search-node.log"), "SEARCH-NODE-READY", Duration.ofSeconds(90));

        fakePortal.destroyForcibly().waitFor();

        assertThat(SearchNodePidFile.awaitExit(node.toHandle(), Duration.ofSeconds(30)))
                .as("the node exits after its parent died").isTrue();
        assertThat(basePath.resolve("search-node.log")).content().contains("parent process " + fakePortal.pid() + " ended");
    }

    @Test
    void aPidFileNamingSomeOtherProcessLeavesThatProcessAlone() throws Exception {
        Process stranger = helper(new ProcessBuilder("sleep", "600").start());
        Path basePath = Files.createDirectories(dataDir.resolve("search"));
        SearchNodePidFile pidFile = new SearchNodePidFile(basePath);
        pidFile.write(stranger.pid());

        assertThat(pidFile.stopOrphanedNode()).isEmpty();

        assertThat(stranger.isAlive()).isTrue();
        assertThat(pidFile.path()).doesNotExist();
    }

    private EmbeddedSearchNode start() {
        EmbeddedSearchNode node = EmbeddedSearchNode.start(dataDir, 0, EmbeddedSearchNode.DEFAULT_START_TIMEOUT);
        nodes.add(node);
        return node;
    }

    private Process helper(Process process) {
        helperProcesses.add(process);
        return process;
    }

    private static int get(URI url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static void awaitLogLine(Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No '" + text + "' in " + log + " within " + timeout);
    }
}
