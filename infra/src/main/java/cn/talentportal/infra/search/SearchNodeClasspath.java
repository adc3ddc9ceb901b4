package cn.talentportal.infra.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The child JVM's classpath: the search-node module's own classes plus the engine's jars, which the
 * search-node build lists (relative to the local Maven repository) in a resource file.
 */
final class SearchNodeClasspath {

    static final String MAIN_CLASS = "cn.talentportal.searchnode.SearchNodeMain";
    private static final String RESOURCE_DIR = "cn/talentportal/searchnode/";
    private static final String ENGINE_CLASSPATH = RESOURCE_DIR + "engine-classpath.txt";
    private static final String COORDINATES = RESOURCE_DIR + "search-node.properties";
    private static final String HOW_TO_FIX = "Run ./mvnw install first (it downloads the search engine into the local"
            + " Maven repository), or set talent.search.url to an external Elasticsearch/OpenSearch.";

    private SearchNodeClasspath() {
    }

    static List<Path> resolve(Path mavenRepository) {
        // Another branch's build may have installed a search-node jar without the launcher: say so plainly.
        resource(MAIN_CLASS.replace('.', '/') + ".class");
        List<Path> entries = new ArrayList<>();
        entries.add(searchNodeClasses(mavenRepository));
        String listing = read(ENGINE_CLASSPATH).trim();
        Arrays.stream(listing.split(":"))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry.replace("M2_REPO", mavenRepository.toString())))
                .forEach(entries::add);
        List<Path> missing = entries.stream().filter(entry -> !Files.exists(entry)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The embedded search node cannot start: " + missing.size()
                    + " of its " + entries.size() + " classpath entries are missing from " + mavenRepository
                    + " (first: " + missing.getFirst() + "). " + HOW_TO_FIX);
        }
        return entries;
    }

    /**
     * The directory or jar holding SearchNodeMain. Inside a packaged (nested) jar it cannot go on a classpath,
     * so the module's installed jar in the local repository is used instead.
     */
    private static Path searchNodeClasses(Path mavenRepository) {
        URL url = resource(ENGINE_CLASSPATH);
        try {
            switch (url.getProtocol()) {
                case "file" -> {
                    Path file = Path.of(url.toURI());
                    // Walk up from .../cn/talentportal/searchnode/engine-classpath.txt to the classes root.
                    return file.getParent().getParent().getParent().getParent();
                }
                case "jar" -> {
                    String spec = url.getPath();
                    String jar = spec.substring(0, spec.indexOf("!/"));
                    if (jar.startsWith("file:")) {
                        return Path.of(new URL(jar).toURI());
                    }
                }
                default -> {
                    // Fall through to the installed jar.
                }
            }
        } catch (URISyntaxException | IOException e) {
            // Fall through to the installed jar.
        }
        return installedJar(mavenRepository);
    }

    private static Path installedJar(Path mavenRepository) {
        Properties coordinates = new Properties();
        try (InputStream in = resource(COORDINATES).openStream()) {
            coordinates.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String groupId = coordinates.getProperty("groupId");
        String artifactId = coordinates.getProperty("artifactId");
        String version = coordinates.getProperty("version");
        return mavenRepository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".jar");
    }

    private static String read(String name) {
        try (InputStream in = resource(name).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String name) {
        URL url = SearchNodeClasspath.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("The embedded search node cannot start: " + name
                    + " is not on the classpath (the cn.talentportal:search-node jar is missing, or stale from another branch). "
                    + HOW_TO_FIX);
        }
        return url;
    }
}
