package cn.talentportal.domain.journey;

import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawApplication;
import cn.talentportal.domain.candidate.ScreeningDecision;
import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotBooked;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewOutcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.journey.Journey.CRITERIA;
import static cn.talentportal.domain.journey.Journey.LI;
import static cn.talentportal.domain.journey.Journey.RUBRIC;
import static cn.talentportal.domain.journey.Journey.ZHANG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ScheduleInterview} through the real {@code InterviewSchedulingHandler}, which asks the candidate first: an
 * interview is scheduled only for a live application that passed screening and has no offer yet, and names the
 * candidate and the opening as the application recorded them. A refusal books no one and schedules no reminder.
 */
class InterviewForLiveApplicationTest {

    static final String OPENING = "初中语文教师";

    private final Journey journey = new Journey();

    @BeforeEach
    void wangFangApplied() {
        journey.openingPublished("o1", OPENING, 2);
        journey.registered("c1", "王芳", "13900139001");
        journey.applied("c1", "a1", "o1");
    }

    @AfterEach
    void stop() {
        journey.close();
    }

    private void screenedIn() {
        journey.send(new ScreenApplication("c1", "a1", ScreeningDecision.IN, null));
    }

    /** Refused with the key and arguments; nothing is stored on the candidate, the interview or any calendar. */
    private void assertNoInterview(ScheduleInterview schedule, String messageKey, Object... arguments) {
        journey.assertRefused(schedule, messageKey, List.of(arguments), schedule.interviewId(), "c1", "calendar:c1",
                "calendar:" + ZHANG.userId(), "calendar:" + LI.userId());
        assertThat(journey.events(schedule.interviewId())).isEmpty();
    }

    @Test
    void a_screened_in_application_is_interviewed_under_the_names_the_application_recorded() {
        screenedIn();
        ScheduleInterview schedule = journey.interviewOf("i1", "c1", "a1");

        journey.send(schedule);

        assertThat(journey.events("i1")).containsExactly(new InterviewScheduled("i1", "a1", "c1", "王芳", "o1", OPENING,
                List.of(ZHANG, LI), schedule.slot(), RUBRIC, "初中教师面试评分表", 1, CRITERIA));
        assertThat(journey.events("calendar:c1")).containsExactly(
                new InterviewSlotBooked("c1", "王芳", "i1", "c1", schedule.slot()));
    }

    @Test
    void an_application_the_candidate_does_not_have_is_not_interviewed() {
        screenedIn();
        assertNoInterview(journey.interviewOf("i1", "c1", "a9"), "application.unknown", "a9");
    }

    @Test
    void an_unknown_candidate_is_not_interviewed() {
        assertNoInterview(journey.interviewOf("i1", "c9", "a1"), "application.unknown", "a1");
        assertThat(journey.events("c9")).isEmpty();
    }

    @Test
    void an_application_not_yet_screened_is_not_interviewed() {
        assertNoInterview(journey.interviewOf("i1", "c1", "a1"), "interview.application.notScreenedIn", OPENING);
    }

    @Test
    void a_screened_out_application_is_not_interviewed() {
        journey.send(new ScreenApplication("c1", "a1", ScreeningDecision.OUT, "专业不符"));
        assertNoInterview(journey.interviewOf("i1", "c1", "a1"), "interview.application.screenedOut", OPENING);
    }

    @Test
    void a_withdrawn_application_is_not_interviewed() {
        screenedIn();
        journey.send(new WithdrawApplication("c1", "a1", "已在外地就业"));
        assertNoInterview(journey.interviewOf("i1", "c1", "a1"), "application.withdrawn", OPENING);
    }

    @Test
    void an_application_with_an_offer_is_not_interviewed_again() {
        screenedIn();
        journey.interviewDecided("i1", "c1", "a1", InterviewOutcome.RECOMMENDED);
        journey.send(new ExtendOffer("c1", "a1", "i1", journey.terms()));
        assertNoInterview(journey.interviewOf("i2", "c1", "a1"), "offer.alreadyExtended", OPENING);
    }

    @Test
    void a_signed_application_is_not_interviewed() {
        screenedIn();
        journey.signed("c1", "a1", 5);
        assertNoInterview(journey.interviewOf("i2", "c1", "a1"), "signing.alreadySigned", "王芳", OPENING);
    }

    @Test
    void a_placed_talent_is_not_interviewed_for_the_post_they_took_up() {
        screenedIn();
        journey.signed("c1", "a1", 5);
        journey.send(new PlaceCandidate("c1", "a1", "初二语文教师", journey.today().plusDays(20)));
        assertNoInterview(journey.interviewOf("i2", "c1", "a1"), "placement.alreadyPlaced", "王芳", OPENING);
    }

    @Test
    void a_screened_in_application_not_recommended_at_one_interview_may_be_interviewed_again() {
        screenedIn();
        journey.interviewDecided("i1", "c1", "a1", InterviewOutcome.NOT_RECOMMENDED);

        journey.send(journey.interviewOf("i2", "c1", "a1"));

        assertThat(journey.events("i2")).hasSize(1);
    }
}
