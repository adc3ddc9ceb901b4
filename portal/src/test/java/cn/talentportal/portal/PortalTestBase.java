package cn.talentportal.portal;

import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.PortalUser;
import cn.talentportal.portal.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real portal on its embedded defaults (MongoDB wire server on an H2 file, OpenSearch node in a child JVM) in
 * a fresh data directory. Every test class extending this shares one running portal, so the suite starts it once.
 */
@Import(PortalTestBase.TestClockConfiguration.class)
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
        // mail goes over real SMTP to the port a mail test serves with GreenMail (TestMailServer)
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMailServer.PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "3000");
    }

    /** One clock for the whole shared portal; tests that travel in time reset it when done. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    /** Runs the rest of the calling thread as this user, as if they had signed in. */
    public static void actAs(UserAccount account) {
        PortalUser user = new PortalUser(account);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static void actAsNobody() {
        SecurityContextHolder.clearContext();
    }

    /**
     * What a test looks up to check its outcome, read as the portal itself would: the query rules apply to the user
     * the test acts as, not to the test's own look at the read models. The user acting stays signed in.
     */
    public static <T> T asSystem(Supplier<T> read) {
        SecurityContext acting = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return read.get();
        } finally {
            SecurityContextHolder.setContext(acting);
        }
    }

    public static UserAccount account(UserAccounts accounts, String prefix, Role role, String name, String unitId,
                                         String candidateId) {
        String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(UUID.randomUUID().toString(), username, PASSWORD, role, name, unitId, candidateId);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("portal-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
