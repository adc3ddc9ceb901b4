package cn.talentportal.portal.processing;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.shared.Commands;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.portal.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** A projection that fails on an event gets it again: read models never silently skip an event. */
class FailingHandlerIsRetriedTest extends PortalTestBase {

    @Autowired Commands commands;
    @Autowired FlakyProjection projection;

    @Test
    void an_event_whose_handler_failed_is_delivered_again_until_it_is_handled() {
        String candidateId = UUID.randomUUID().toString();
        commands.sendAsSystem(new RegisterCandidate(candidateId, FlakyProjection.FAIL_ONCE + " 测试",
                new PhoneNumber("13300133000"), new EmailAddress("flaky@example.cn"), null,
                new CandidateProfile(Education.BACHELOR, null, null, null, null, null, null),
                new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));

        eventually(() -> projection.handled.getOrDefault(candidateId, false), handled -> handled,
                "the event handled after its first failure");
        assertThat(projection.attempts.get(candidateId).get()).isGreaterThanOrEqualTo(2);
    }
}
