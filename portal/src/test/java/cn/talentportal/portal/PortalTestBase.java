package cn.talentportal.portal;

import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.PortalUser;
import cn.talentportal.portal.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real portal on its embedded defaults (MongoDB wire server on an H2 file, OpenSearch node in a child JVM) in
 * a fresh data directory. Every test class extending this shares one running portal, so the suite starts it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "talent.demo.enabled=false",
        "vaadin.devmode.devTools.enabled=false",
        "vaadin.launch-browser=false"})
public abstract class PortalTestBase {

    static final Path DATA_DIR = temporaryDirectory();
    public static final String PASSWORD = "secret2026!";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("talent.data-dir", DATA_DIR::toString);
    }

    /** Runs the rest of the calling thread as this user, as if they had signed in. */
    protected static void actAs(UserAccount account) {
        PortalUser user = new PortalUser(account);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    protected static void actAsNobody() {
        SecurityContextHolder.clearContext();
    }

    protected static UserAccount account(UserAccounts accounts, String prefix, Role role, String name, String unitId,
                                         String candidateId) {
        String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(UUID.randomUUID().toString(), username, PASSWORD, role, name, unitId, candidateId);
    }

    /** Read models and the search index follow the store asynchronously: wait, within reason, for a condition. */
    protected static <T> T eventually(Supplier<T> attempt, java.util.function.Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = attempt.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                // e.g. the index is not created yet
            }
            sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("portal-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
