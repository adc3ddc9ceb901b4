package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.GiveConsent;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawConsent;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentGiven;
import cn.talentportal.domain.candidate.CandidateEvents.ConsentWithdrawn;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.domain.candidate.ConsentPurpose.OUTREACH_CONTACT;
import static cn.talentportal.domain.candidate.JourneyFixtures.CAMPUS;
import static cn.talentportal.domain.candidate.JourneyFixtures.CLOCK;
import static cn.talentportal.domain.candidate.JourneyFixtures.EMAIL;
import static cn.talentportal.domain.candidate.JourneyFixtures.PHONE;
import static cn.talentportal.domain.candidate.JourneyFixtures.PROFILE;
import static cn.talentportal.domain.candidate.JourneyFixtures.candidateFixture;
import static cn.talentportal.domain.candidate.JourneyFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a candidate agreed to is recorded on registering and changed only by the candidate's own steps. */
class ConsentTest {

    static final String NOTICE = "2026-11";
    static final RegistrationConsent DATA_USE_ONLY = RegistrationConsent.given(NOTICE, DATA_USE);
    static final CandidateRegistered REGISTERED_FOR_DATA_USE_ONLY = new CandidateRegistered("c1", "王芳", PHONE, EMAIL,
            null, PROFILE, CAMPUS, DATA_USE_ONLY);

    private final RegistrationClaimsInMemory claims = new RegistrationClaimsInMemory();
    private final AggregateTestFixture<Candidate> fixture = candidateFixture(claims);
    private final Instant now = CLOCK.instant();

    @Test
    void registering_records_the_purposes_agreed_to_and_the_notice_version_shown() {
        RegistrationConsent consent = RegistrationConsent.given(NOTICE, DATA_USE, OUTREACH_CONTACT);
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS, consent))
                .expectEvents(new CandidateRegistered("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS, consent));
    }

    @Test
    void registration_without_consent_to_data_use_is_refused_and_claims_nothing() {
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS,
                        RegistrationConsent.given(NOTICE, OUTREACH_CONTACT))),
                "consent.dataUse.required");
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS, null)),
                "validation.required [consent.dataUse]");
        refused(fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS,
                        RegistrationConsent.given(" ", DATA_USE))),
                "validation.required [consent.noticeVersion]");
        // the same person registers once they agree: nothing was reserved by the refusals
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate("c1", "王芳", PHONE, EMAIL, null, PROFILE, CAMPUS, DATA_USE_ONLY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_candidate_gives_an_optional_consent_later_with_the_time_and_notice_version() {
        fixture.given(REGISTERED_FOR_DATA_USE_ONLY)
                .when(new GiveConsent("c1", OUTREACH_CONTACT, NOTICE))
                .expectEvents(new ConsentGiven("c1", "王芳", OUTREACH_CONTACT, NOTICE, now));
    }

    @Test
    void giving_a_consent_again_counts_only_for_a_newer_notice() {
        fixture.given(REGISTERED_FOR_DATA_USE_ONLY, new ConsentGiven("c1", "王芳", JOB_ALERT_MAIL, NOTICE, now))
                .when(new GiveConsent("c1", JOB_ALERT_MAIL, NOTICE))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("consent.alreadyGiven [consent.purpose.JOB_ALERT_MAIL]");
        fixture.given(REGISTERED_FOR_DATA_USE_ONLY, new ConsentGiven("c1", "王芳", JOB_ALERT_MAIL, NOTICE, now))
                .when(new GiveConsent("c1", JOB_ALERT_MAIL, "2027-03"))
                .expectEvents(new ConsentGiven("c1", "王芳", JOB_ALERT_MAIL, "2027-03", now));
    }

    @Test
    void a_candidate_withdraws_an_optional_consent_naming_the_notice_it_was_given_under() {
        fixture.given(REGISTERED_FOR_DATA_USE_ONLY, new ConsentGiven("c1", "王芳", OUTREACH_CONTACT, NOTICE, now))
                .when(new WithdrawConsent("c1", OUTREACH_CONTACT))
                .expectEvents(new ConsentWithdrawn("c1", "王芳", OUTREACH_CONTACT, NOTICE, now));
    }

    @Test
    void only_a_consent_held_can_be_withdrawn_and_data_use_only_by_erasure() {
        refused(fixture.given(REGISTERED_FOR_DATA_USE_ONLY)
                .when(new WithdrawConsent("c1", OUTREACH_CONTACT)),
                "consent.notGiven [consent.purpose.OUTREACH_CONTACT]");
        refused(fixture.given(REGISTERED_FOR_DATA_USE_ONLY, new ConsentGiven("c1", "王芳", OUTREACH_CONTACT, NOTICE, now),
                        new ConsentWithdrawn("c1", "王芳", OUTREACH_CONTACT, NOTICE, now))
                .when(new WithdrawConsent("c1", OUTREACH_CONTACT)),
                "consent.notGiven [consent.purpose.OUTREACH_CONTACT]");
        refused(fixture.given(REGISTERED_FOR_DATA_USE_ONLY)
                .when(new WithdrawConsent("c1", DATA_USE)),
                "consent.dataUse.withdrawByErasure");
    }

    @Test
    void outreach_may_contact_a_candidate_only_while_they_consent() {
        fixture.given(REGISTERED_FOR_DATA_USE_ONLY, new ConsentGiven("c1", "王芳", OUTREACH_CONTACT, NOTICE, now))
                .when(new WithdrawConsent("c1", OUTREACH_CONTACT))
                .expectState(candidate -> assertThat(catchThrowable(
                        candidate::contactableByOutreach)).hasMessage("outreach.contact.candidateNoConsent [王芳]"));
        fixture.given(REGISTERED_FOR_DATA_USE_ONLY)
                .when(new GiveConsent("c1", OUTREACH_CONTACT, NOTICE))
                .expectState(candidate -> assertThat(candidate.contactableByOutreach()).isEqualTo("王芳"));
    }
}
