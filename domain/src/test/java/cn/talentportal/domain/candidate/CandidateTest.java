package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidateTest {

    static final CandidateProfile PROFILE = new CandidateProfile(Education.BACHELOR, "师范大学", "汉语言文学", 2026,
            "城关镇", "重庆", null);

    private final AggregateTestFixture<Candidate> fixture = new AggregateTestFixture<>(Candidate.class);

    @Test
    void a_graduate_registers_and_keeps_the_channel_that_brought_them() {
        PhoneNumber phone = new PhoneNumber("13900139000");
        EmailAddress email = new EmailAddress("wang@example.cn");
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", phone, email, PROFILE, CandidateSource.CAMPUS_DRIVE,
                        "西南大学校园招聘会"))
                .expectEvents(new CandidateRegistered("c1", "王芳", phone, email, PROFILE,
                        CandidateSource.CAMPUS_DRIVE, "西南大学校园招聘会"));
    }

    @Test
    void registration_needs_a_name_and_a_source() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", " ", new PhoneNumber("13900139000"),
                        new EmailAddress("wang@example.cn"), PROFILE, CandidateSource.CAMPUS_DRIVE, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", new PhoneNumber("13900139000"),
                        new EmailAddress("wang@example.cn"), PROFILE, null, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_profile_needs_an_education_level_and_a_plausible_graduation_year() {
        assertThatThrownBy(() -> new CandidateProfile(null, null, null, null, null, null, null))
                .hasMessage("validation.required [candidate.education]");
        assertThatThrownBy(() -> new CandidateProfile(Education.BACHELOR, null, null, 1800, null, null, null))
                .hasMessage("candidate.graduationYear.outOfRange");
    }
}
