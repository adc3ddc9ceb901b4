package cn.talentportal.infra.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the local Maven repository the way Maven does, for the engine classpath that refers to it. */
final class LocalMavenRepository {

    private static final Pattern LOCAL_REPOSITORY = Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>");

    private LocalMavenRepository() {
    }

    /** {@code maven.repo.local}, else {@code <localRepository>} of ~/.m2/settings.xml, else ~/.m2/repository. */
    static Path resolve() {
        String userHome = System.getProperty("user.home");
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path settings = Path.of(userHome, ".m2", "settings.xml");
        if (Files.isRegularFile(settings)) {
            try {
                Matcher matcher = LOCAL_REPOSITORY.matcher(Files.readString(settings));
                if (matcher.find()) {
                    return Path.of(matcher.group(1).replace("${user.home}", userHome));
                }
            } catch (IOException e) {
                // An unreadable settings file leaves Maven's default, as Maven itself would not start anyway.
            }
        }
        return Path.of(userHome, ".m2", "repository");
    }
}
