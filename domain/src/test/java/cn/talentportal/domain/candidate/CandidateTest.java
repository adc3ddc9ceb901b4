package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.UpdateCandidateProfile;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.domain.candidate.JourneyFixtures.CAMPUS;
import static cn.talentportal.domain.candidate.JourneyFixtures.EMAIL;
import static cn.talentportal.domain.candidate.JourneyFixtures.PHONE;
import static cn.talentportal.domain.candidate.JourneyFixtures.PROFILE;
import static cn.talentportal.domain.candidate.JourneyFixtures.REGISTERED;
import static cn.talentportal.domain.candidate.JourneyFixtures.candidateFixture;
import static cn.talentportal.domain.candidate.JourneyFixtures.refused;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidateTest {

    static final IdNumber ID_NUMBER = new IdNumber("510123199801011238");

    private final RegistrationClaimsInMemory claims = new RegistrationClaimsInMemory();
    private final AggregateTestFixture<Candidate> fixture = candidateFixture(claims);

    @Test
    void a_graduate_registers_and_keeps_the_channel_that_brought_them_and_their_birth_year_apart() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", " 王芳 ", PHONE, EMAIL, ID_NUMBER, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)))
                .expectEvents(new CandidateRegistered("c1", "王芳", PHONE, EMAIL, ID_NUMBER, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL), 1998));
    }

    @Test
    void the_id_number_is_optional_and_without_it_no_birth_year_is_known() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)))
                .expectEvents(new CandidateRegistered("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL), null));
    }

    @Test
    void registration_needs_a_name_a_phone_an_email_a_profile_and_a_channel() {
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", " ", PHONE, EMAIL, null, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))),
                "validation.required [candidate.fullName]");
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", null, EMAIL, null, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))),
                "validation.required [candidate.phone]");
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, null, null, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))),
                "validation.required [candidate.email]");
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, null, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))),
                "validation.required [candidate.profile]");
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, null,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))),
                "validation.required [candidate.source]");
    }

    @Test
    void a_channel_needs_its_kind_of_source() {
        assertThatThrownBy(() -> new RegistrationChannel(null, "d1", "校园招聘会"))
                .hasMessage("validation.required [candidate.source]");
        assertThatThrownBy(() -> new RegistrationChannel(CandidateSource.REFERRAL, null, "推".repeat(101)))
                .hasMessage("validation.tooLong [candidate.sourceReference, 100]");
    }

    @Test
    void an_id_number_registered_before_is_refused_naming_only_the_channel_of_the_first_registration() {
        registerElsewhere(new RegisterCandidate("c0", "李明", new PhoneNumber("13800138000"),
                new EmailAddress("li@example.cn"), ID_NUMBER, PROFILE,
                new RegistrationChannel(CandidateSource.RETURNEE_REGISTER, "r1", "在外人才返乡登记"),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, ID_NUMBER, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))),
                "candidate.duplicate [candidate.idNumber, source.RETURNEE_REGISTER]");
    }

    @Test
    void a_phone_number_registered_before_is_refused() {
        registerElsewhere(new RegisterCandidate("c0", "李明", PHONE, new EmailAddress("li@example.cn"), null,
                PROFILE, new RegistrationChannel(CandidateSource.LIVESTREAM, null, "直播带岗"),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))),
                "candidate.duplicate [candidate.phone, source.LIVESTREAM]");
    }

    @Test
    void an_email_registered_before_is_refused_whatever_its_case() {
        registerElsewhere(new RegisterCandidate("c0", "李明", new PhoneNumber("13800138000"),
                new EmailAddress("Wang@Example.cn"), null, PROFILE, CAMPUS,
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS,
                        RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL))),
                "candidate.duplicate [candidate.email, source.CAMPUS_DRIVE]");
    }

    private void registerElsewhere(RegisterCandidate command) {
        candidateFixture(claims).givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution();
    }

    @Test
    void a_candidate_updates_their_profile() {
        CandidateProfile moved = new CandidateProfile(Education.MASTER, "师范大学", "汉语言文学", 2026, "城关镇", "成都",
                "普通话一级乙等");
        fixture.given(REGISTERED)
                .when(new UpdateCandidateProfile("c1", moved))
                .expectEvents(new CandidateProfileUpdated("c1", "王芳", moved));
    }

    @Test
    void an_unchanged_profile_is_not_recorded_again() {
        refused(fixture.given(REGISTERED).when(new UpdateCandidateProfile("c1", PROFILE)),
                "candidate.profile.unchanged");
        refused(fixture.given(REGISTERED).when(new UpdateCandidateProfile("c1", null)),
                "validation.required [candidate.profile]");
    }

    @Test
    void a_profile_needs_an_education_level_and_a_plausible_graduation_year() {
        assertThatThrownBy(() -> new CandidateProfile(null, null, null, null, null, null, null))
                .hasMessage("validation.required [candidate.education]");
        assertThatThrownBy(() -> new CandidateProfile(Education.BACHELOR, null, null, 1800, null, null, null))
                .hasMessage("candidate.graduationYear.outOfRange");
    }
}
