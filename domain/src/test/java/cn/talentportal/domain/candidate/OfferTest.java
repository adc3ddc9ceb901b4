package cn.talentportal.domain.candidate;

import cn.talentportal.domain.candidate.Candidate.OfferExpiryDue;
import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.DeclineOffer;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedOut;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationWithdrawn;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferDeclined;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExpired;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.JourneyFixtures.ExtendOfferOnVerdict;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewVerdict;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.candidate.JourneyFixtures.OFFER_ACCEPTED;
import static cn.talentportal.domain.candidate.JourneyFixtures.OFFER_EXTENDED;
import static cn.talentportal.domain.candidate.JourneyFixtures.OFFICE_ZONE;
import static cn.talentportal.domain.candidate.JourneyFixtures.RECOMMENDED;
import static cn.talentportal.domain.candidate.JourneyFixtures.REGISTERED;
import static cn.talentportal.domain.candidate.JourneyFixtures.SCREENED_IN;
import static cn.talentportal.domain.candidate.JourneyFixtures.SUBMITTED;
import static cn.talentportal.domain.candidate.JourneyFixtures.TERMS;
import static cn.talentportal.domain.candidate.JourneyFixtures.TODAY;
import static cn.talentportal.domain.candidate.JourneyFixtures.candidateFixture;
import static cn.talentportal.domain.candidate.JourneyFixtures.refused;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offers, through the candidate's side of {@link OfferCommandHandler} (see {@link ExtendOfferOnVerdict}), and the
 * candidate's answer before the offer lapses.
 */
class OfferTest {

    /** The end of the answer date in the office's zone: 2026-11-29T00:00+08:00. */
    static final Instant OFFER_LAPSES = TERMS.respondBy().plusDays(1).atStartOfDay(OFFICE_ZONE).toInstant();

    private final AggregateTestFixture<Candidate> fixture = candidateFixture(new RegistrationClaimsInMemory());

    @Test
    void a_screened_in_candidate_recommended_by_the_interview_is_offered_the_post_until_the_answer_date() {
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .when(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED))
                .expectEvents(OFFER_EXTENDED)
                .expectScheduledDeadline(OFFER_LAPSES, new OfferExpiryDue("c1", "a1"))
                .expectScheduledDeadlineWithName(OFFER_LAPSES, "offerExpiry:a1");
    }

    @Test
    void an_offer_needs_a_recommending_interview() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .when(new ExtendOfferOnVerdict("c1", "a1", TERMS,
                        new InterviewVerdict("i1", "a1", InterviewOutcome.NOT_RECOMMENDED, "专业基础薄弱"))),
                "offer.interview.notRecommended");
    }

    @Test
    void an_offer_needs_the_verdict_on_its_own_application() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .when(new ExtendOfferOnVerdict("c1", "a1", TERMS,
                        new InterviewVerdict("i2", "a2", InterviewOutcome.RECOMMENDED, "优秀"))),
                "offer.interview.otherApplication");
    }

    @Test
    void an_offer_needs_a_screened_in_application() {
        refused(fixture.given(REGISTERED, SUBMITTED)
                .when(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED)), "offer.notScreenedIn");
        refused(fixture.given(REGISTERED, SUBMITTED, new ApplicationScreenedOut("c1", "王芳", "a1", "o1", "初中语文教师",
                        "u1", "县第一中学", "专业不符"))
                .when(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED)), "offer.notScreenedIn");
    }

    @Test
    void a_withdrawn_application_gets_no_offer() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, new ApplicationWithdrawn("c1", "王芳", "a1", "o1",
                        "初中语文教师", "u1", "县第一中学", null))
                .when(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED)), "application.withdrawn");
    }

    @Test
    void an_application_gets_one_offer() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED)
                .when(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED)), "offer.alreadyExtended");
    }

    @Test
    void the_answer_date_of_an_offer_is_not_in_the_past() {
        OfferTerms lateTerms = new OfferTerms("语文教师", 5200, TODAY.plusMonths(1), TODAY.minusDays(1));
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .when(new ExtendOfferOnVerdict("c1", "a1", lateTerms, RECOMMENDED)), "offer.respondBy.past");
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .when(new ExtendOfferOnVerdict("c1", "a1", new OfferTerms("语文教师", 5200, TODAY, TODAY), RECOMMENDED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void offer_terms_need_a_post_a_salary_and_an_answer_date_before_the_start() {
        assertThatThrownBy(() -> new OfferTerms(" ", 5200, TODAY, TODAY))
                .hasMessage("validation.required [offer.post]");
        assertThatThrownBy(() -> new OfferTerms("语文教师", 0, TODAY, TODAY))
                .hasMessage("offer.salary.notPositive");
        assertThatThrownBy(() -> new OfferTerms("语文教师", 5200, TODAY, TODAY.plusDays(1)))
                .hasMessageStartingWith("offer.respondBy.afterStart");
        assertThatThrownBy(() -> new OfferTerms("语文教师", 5200, TODAY, null))
                .hasMessage("validation.required [offer.respondBy]");
    }

    @Test
    void a_candidate_accepts_an_offer_and_it_no_longer_lapses() {
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .andGivenCommands(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED))
                .when(new AcceptOffer("c1", "a1"))
                .expectEvents(OFFER_ACCEPTED)
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_candidate_declines_an_offer_and_it_no_longer_lapses() {
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .andGivenCommands(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED))
                .when(new DeclineOffer("c1", "a1", "家人希望留在重庆"))
                .expectEvents(new OfferDeclined("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", "家人希望留在重庆"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void an_unanswered_offer_lapses_at_the_end_of_its_answer_date() {
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .andGivenCommands(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED))
                .whenTimeAdvancesTo(OFFER_LAPSES)
                .expectDeadlinesMet(new OfferExpiryDue("c1", "a1"))
                .expectEvents(new OfferExpired("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", TERMS.respondBy()));
    }

    @Test
    void an_offer_is_open_through_its_whole_answer_date() {
        fixture.given(REGISTERED, SUBMITTED, SCREENED_IN)
                .andGivenCommands(new ExtendOfferOnVerdict("c1", "a1", TERMS, RECOMMENDED))
                .whenTimeAdvancesTo(OFFER_LAPSES.minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void a_lapsed_offer_cannot_be_answered() {
        OfferExpired expired = new OfferExpired("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", TERMS.respondBy());
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, expired)
                .when(new AcceptOffer("c1", "a1")), "offer.expired");
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, expired)
                .when(new DeclineOffer("c1", "a1", null)), "offer.expired");
    }

    @Test
    void an_offer_past_its_answer_date_cannot_be_accepted_even_before_its_deadline_fires() {
        OfferTerms answerByYesterday = new OfferTerms("语文教师", 5200, TODAY.plusMonths(1), TODAY.minusDays(1));
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, new OfferExtended("c1", "王芳", "a1", "o1",
                        "初中语文教师", "县第一中学", "i1", answerByYesterday, "优秀"))
                .when(new AcceptOffer("c1", "a1")), "offer.expired");
    }

    @Test
    void an_offer_is_answered_once() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED, OFFER_ACCEPTED)
                .when(new DeclineOffer("c1", "a1", "另有打算")), "offer.alreadyAnswered");
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN, OFFER_EXTENDED,
                        new OfferDeclined("c1", "王芳", "a1", "o1", "初中语文教师", "县第一中学", null))
                .when(new AcceptOffer("c1", "a1")), "offer.alreadyAnswered");
    }

    @Test
    void only_an_extended_offer_can_be_answered() {
        refused(fixture.given(REGISTERED, SUBMITTED, SCREENED_IN).when(new AcceptOffer("c1", "a1")), "offer.none");
    }
}
