package cn.talentportal.domain.journey;

import cn.talentportal.domain.testing.OfficeClock;
import cn.talentportal.domain.candidate.Candidate.OfferExpiryDue;
import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.journey.ScheduledDeadlines.Deadline;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.journey.Journey.EMPLOYER;
import static cn.talentportal.domain.journey.Journey.RECOMMENDED_BECAUSE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ExtendOffer} through the real {@code OfferCommandHandler} with a real interview: a rubric defined, the
 * interview scheduled, held, scored by the whole panel and decided. The interview gives its verdict, the candidate
 * decides whether it allows an offer; a refusal by either stores nothing on both.
 */
class OfferOnInterviewVerdictTest {

    private final Journey journey = new Journey();

    @BeforeEach
    void wangFangIsScreenedIn() {
        journey.openingPublished("o1", "初中语文教师", 2);
        journey.registered("c1", "王芳", "13900139001");
        journey.screenedIn("c1", "a1", "o1");
    }

    @AfterEach
    void stop() {
        journey.close();
    }

    @Test
    void a_candidate_the_panel_recommended_is_offered_the_post_until_the_reply_date() {
        journey.interviewDecided("i1", "c1", "a1", InterviewOutcome.RECOMMENDED);
        OfferTerms terms = journey.terms();

        journey.send(new ExtendOffer("c1", "a1", "i1", terms));

        assertThat(journey.lastEvent("c1")).isEqualTo(new OfferExtended("c1", "王芳", "a1", "o1", "初中语文教师",
                EMPLOYER, "i1", terms, RECOMMENDED_BECAUSE));
        assertThat(journey.deadlines().scheduled("offerExpiry:a1")).containsExactly(new Deadline(
                terms.respondBy().plusDays(1).atStartOfDay(OfficeClock.SHANGHAI).toInstant(), "offerExpiry:a1",
                new OfferExpiryDue("c1", "a1"), "Candidate:c1"));
    }

    @Test
    void a_candidate_the_panel_did_not_recommend_is_offered_nothing() {
        journey.interviewDecided("i1", "c1", "a1", InterviewOutcome.NOT_RECOMMENDED);

        journey.assertRefused(new ExtendOffer("c1", "a1", "i1", journey.terms()), "offer.interview.notRecommended",
                List.of("王芳", "初中语文教师"), "c1", "i1");
    }

    @Test
    void no_offer_is_made_before_the_panel_decided() {
        journey.interviewHeld("i1", "c1", "a1");

        journey.assertRefused(new ExtendOffer("c1", "a1", "i1", journey.terms()), "offer.interview.notDecided",
                List.of(), "c1", "i1");
    }

    @Test
    void the_interview_of_another_application_does_not_count() {
        journey.openingPublished("o2", "初中历史教师", 1);
        journey.screenedIn("c1", "a2", "o2");
        journey.interviewDecided("i2", "c1", "a2", InterviewOutcome.RECOMMENDED);

        journey.assertRefused(new ExtendOffer("c1", "a1", "i2", journey.terms()), "offer.interview.otherApplication",
                List.of(), "c1", "i2");
    }
}
