package cn.talentportal.portal.lifecycle;

import cn.talentportal.portal.PortalApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real portal, in this JVM or in a child JVM, on a given data directory. */
public final class PortalProcess {

    private PortalProcess() {
    }

    public static ConfigurableApplicationContext startInThisJvm(Path dataDir, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("--talent.data-dir=" + dataDir, "--server.port=0",
                "--vaadin.devmode.devTools.enabled=false"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(PortalApplication.class).run(arguments.toArray(String[]::new));
    }

    /** A child JVM with this test's classpath; its output lines are collected as they come. */
    static Child startChild(String mainClass, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Child child = new Child(process);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    child.output.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    record Child(Process process, List<String> output) {
        Child(Process process) {
            this(process, new CopyOnWriteArrayList<>());
        }

        String text() {
            return String.join("\n", output);
        }
    }
}
