package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawApplication;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedOut;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationWithdrawn;
import cn.talentportal.domain.candidate.JourneyFixtures.ExtendOfferOnVerdict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.JourneyFixtures.CONTRACT_SIGNED;
import static cn.talentportal.domain.candidate.JourneyFixtures.OFFER_ACCEPTED;
import static cn.talentportal.domain.candidate.JourneyFixtures.OFFER_EXTENDED;
import static cn.talentportal.domain.candidate.JourneyFixtures.RECOMMENDED;
import static cn.talentportal.domain.candidate.JourneyFixtures.REGISTERED;
import static cn.talentportal.domain.candidate.JourneyFixtures.SCREENED_IN;
import static cn.talentportal.domain.candidate.JourneyFixtures.SUBMITTED;
import static cn.talentportal.domain.candidate.JourneyFixtures.TERMS;
import static cn.talentportal.domain.candidate.JourneyFixtures.candidateFixture;
import static cn.talentportal.domain.candidate.JourneyFixtures.refused;

/** Withdrawing and screening: the candidate's and the recruiter's first steps on an application. */
class ApplicationLifecycleTest {

    private final AggregateTestFixture<Candidate> fixture = candidateFixture(new RegistrationClaimsInMemory());

    @Test
    void a_candidate_withdraws_an_application_with_a_reason() {
        fixture.given(REGISTERED, SUBMITTED)
                .when(new WithdrawApplication("c1", "a1", "已考取研究生"))
                .expectEvents(new ApplicationWithdrawn("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                        "已考取研究生"));
    }

    @Test
    void a_withdrawal_needs_no_reason() {
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .when(new WithdrawApplication("c1", "a1", " "))
                .expectEvents(new ApplicationWithdrawn("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                        null));
    }

    @Test
    void an_application_is_withdrawn_once() {
        refused(fixture.given(REGISTERED, SUBMITTED, new ApplicationWithdrawn("c1", "王芳", "a1", "o1", "初中语文教师",
                        "u1", "县第一中学", null))
                .when(new WithdrawApplication("c1", "a1", null)), "application.withdraw.alreadyWithdrawn");
    }

    @Test
    void a_signed_application_cannot_be_withdrawn() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, OFFER_ACCEPTED, CONTRACT_SIGNED)
                .when(new WithdrawApplication("c1", "a1", "改变主意")), "application.withdraw.signed");
    }

    @Test
    void withdrawing_an_open_offer_cancels_its_expiry() {
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .andGivenCommands(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED))
                .when(new WithdrawApplication("c1", "a1", "已接受其他单位录用"))
                .expectEvents(new ApplicationWithdrawn("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                        "已接受其他单位录用"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void only_an_application_of_the_candidate_can_be_withdrawn() {
        refused(fixture.given(REGISTERED, SUBMITTED).when(new WithdrawApplication("c1", "a9", null)),
                "application.unknown");
    }

    @Test
    void a_recruiter_screens_an_application_in() {
        fixture.given(REGISTERED, SUBMITTED)
                .when(new ScreenApplication("c1", "a1", ScreeningDecision.IN, null))
                .expectEvents(SCREENED_IN);
    }

    @Test
    void a_recruiter_screens_an_application_out_with_a_reason() {
        fixture.given(REGISTERED, SUBMITTED)
                .when(new ScreenApplication("c1", "a1", ScreeningDecision.OUT, "专业不符"))
                .expectEvents(new ApplicationScreenedOut("c1", "王芳", "a1", "o1", "初中语文教师", "u1", "县第一中学",
                        "专业不符"));
    }

    @Test
    void screening_out_needs_a_reason() {
        refused(fixture.given(REGISTERED, SUBMITTED)
                        .when(new ScreenApplication("c1", "a1", ScreeningDecision.OUT, " ")),
                "validation.required [application.screeningReason]");
    }

    @Test
    void screening_needs_a_decision() {
        refused(fixture.given(REGISTERED, SUBMITTED).when(new ScreenApplication("c1", "a1", null, null)),
                "validation.required [application.screeningDecision]");
    }

    @Test
    void a_withdrawn_application_is_not_screened() {
        refused(fixture.given(REGISTERED, SUBMITTED, new ApplicationWithdrawn("c1", "王芳", "a1", "o1", "初中语文教师",
                        "u1", "县第一中学", null))
                .when(new ScreenApplication("c1", "a1", ScreeningDecision.IN, null)), "application.withdrawn");
    }

    @Test
    void an_application_is_screened_once() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .when(new ScreenApplication("c1", "a1", ScreeningDecision.OUT, "名额有限")), "screening.alreadyScreened");
        refused(fixture.given(REGISTERED, SUBMITTED, new ApplicationScreenedOut("c1", "王芳", "a1", "o1", "初中语文教师",
                        "u1", "县第一中学", "专业不符"))
                .when(new ScreenApplication("c1", "a1", ScreeningDecision.IN, null)), "screening.alreadyScreened");
    }

    @Test
    void a_screened_out_application_leaves_the_others_open() {
        var secondApplication = new CandidateEvents.ApplicationSubmitted("c1", "a2", "王芳", "o2", "小学语文教师", "u2",
                "城关小学");
        fixture.given(REGISTERED, SUBMITTED, secondApplication, new ApplicationScreenedOut("c1", "王芳", "a1", "o1",
                        "初中语文教师", "u1", "县第一中学", "专业不符"))
                .when(new ScreenApplication("c1", "a2", ScreeningDecision.IN, "试讲优秀"))
                .expectEvents(new ApplicationScreenedIn("c1", "王芳", "a2", "o2", "小学语文教师", "u2", "城关小学",
                        "试讲优秀"));
    }
}
