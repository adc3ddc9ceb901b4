package cn.talentportal.infra.registration;

import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationClaimsConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(RegistrationClaimsConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void thePortIsABeanOnTheEmbeddedServerAndRefusesToStartWithAnotherSecret() {
        RegistrationKey phone = new RegistrationKey(RegistrationKey.Kind.PHONE, "13900139000");
        runner.withPropertyValues("talent.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RegistrationClaims.class).claim("c-1", CandidateSource.SELF_REGISTRATION,
                    List.of(phone))).isEmpty();
        });
        runner.withPropertyValues("talent.data-dir=" + dataDir,
                "talent.registration.claim-secret=0123456789abcdef0123456789abcdef").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("talent.registration.claim-secret");
        });
    }
}
