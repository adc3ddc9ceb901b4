package cn.talentportal.portal.lifecycle;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.portal.PortalApplication;
import cn.talentportal.portal.shared.Commands;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;

/**
 * The portal under fire, in its own JVM: registers candidates one after another and prints {@code ACK <id>} as soon
 * as each command is acknowledged, until the test kills it with -9.
 */
public final class CrashDriver {

    private CrashDriver() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext portal = SpringApplication.run(PortalApplication.class, args);
        Commands commands = portal.getBean(Commands.class);
        System.out.println("DRIVER-READY");
        for (int i = 0; ; i++) {
            String candidateId = UUID.randomUUID().toString();
            // phone and email are unique per candidate
            commands.sendAsSystem(new RegisterCandidate(candidateId, "压力测试" + i,
                    new PhoneNumber(String.format("135%08d", i)), new EmailAddress("crash" + i + "@example.cn"), null,
                    new CandidateProfile(Education.BACHELOR, null, null, null, null, null, null),
                    new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                    RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
            System.out.println("ACK " + candidateId);
            System.out.flush();
        }
    }
}
