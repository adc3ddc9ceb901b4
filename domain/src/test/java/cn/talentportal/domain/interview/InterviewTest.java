package cn.talentportal.domain.interview;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.RegistrationClaimsInMemory;
import cn.talentportal.domain.interview.InterviewCommands.CancelInterview;
import cn.talentportal.domain.interview.InterviewCommands.DecideInterviewOutcome;
import cn.talentportal.domain.interview.InterviewCommands.RecordInterviewHeld;
import cn.talentportal.domain.interview.InterviewCommands.RecordNoShow;
import cn.talentportal.domain.interview.InterviewCommands.RescheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.interview.InterviewEvents.CandidateDidNotShow;
import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewOutcomeDecided;
import cn.talentportal.domain.interview.InterviewEvents.InterviewReminderDue;
import cn.talentportal.domain.interview.InterviewEvents.InterviewRescheduled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewEvents.ScorecardSubmitted;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.interview.ParticipantCalendarTest.SHANGHAI;
import static cn.talentportal.domain.interview.ParticipantCalendarTest.slot;
import static cn.talentportal.domain.interview.RubricTest.CRITERIA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * The interview aggregate with its scheduling handler registered in the fixture, so scheduling, rescheduling and
 * cancelling are tested with their reminder deadlines. The candidate, the rubric and the calendars live in a small
 * event store of their own; the in-memory configuration test covers the calendars, the journey tests
 * ({@code cn.talentportal.domain.journey}) the applications an interview is refused for.
 */
class InterviewTest {

    static final Instant NOW = at("2026-11-21T09:30");
    static final InterviewSlot LATER = slot("2026-11-23T10:00", "2026-11-23T11:00");
    static final InterviewSlot THIS_MORNING = slot("2026-11-21T08:30", "2026-11-21T09:15");
    static final List<PanelMember> PANEL = List.of(new PanelMember("u1", "张老师"), new PanelMember("u2", "李主任"));
    static final ScheduleInterview SCHEDULE = new ScheduleInterview("i1", "a1", "c1", PANEL, LATER, "r1");
    static final InterviewScheduled SCHEDULED = scheduledAt(LATER);
    static final InterviewScheduled SCHEDULED_THIS_MORNING = scheduledAt(THIS_MORNING);
    static final InterviewHeld HELD = new InterviewHeld("i1", "c1", at("2026-11-21T08:32"), at("2026-11-21T09:10"));
    static final Map<String, Integer> GOOD_SCORES = Map.of("knowledge", 8, "communication", 4);
    static final ScorecardSubmitted ZHANG_SCORED = new ScorecardSubmitted("i1", "c1", "a1", "u1", "张老师", "r1", 1,
            GOOD_SCORES, new BigDecimal("80.00"), "基础扎实");
    static final ScorecardSubmitted LI_SCORED = new ScorecardSubmitted("i1", "c1", "a1", "u2", "李主任", "r1", 1,
            Map.of("knowledge", 9, "communication", 3), new BigDecimal("82.50"), null);

    private AggregateTestFixture<Interview> fixture;
    private EmbeddedEventStore otherAggregates;

    static Instant at(String officeTime) {
        return LocalDateTime.parse(officeTime).atZone(SHANGHAI).toInstant();
    }

    static InterviewScheduled scheduledAt(InterviewSlot slot) {
        return new InterviewScheduled("i1", "a1", "c1", "李明", "o1", "急需护士", PANEL, slot, "r1", "护理岗面试评分表", 1,
                CRITERIA);
    }

    /**
     * The candidate, the rubric and the calendars live in a small event store of their own: 李明's application a1
     * to 急需护士 was screened in, rubric r1 is defined.
     */
    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, SHANGHAI);
        fixture = new AggregateTestFixture<>(Interview.class);
        fixture.registerInjectableResource(clock);
        otherAggregates = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        otherAggregates.publish(new GenericDomainEventMessage<>("Rubric", "r1", 0, RubricTest.DEFINED));
        ScreenedInApplications.given(otherAggregates, "c1", "李明", "a1", "o1", "急需护士");
        // the candidate's other handlers take these resources; scheduling only asks it about the application
        ParameterResolverFactory candidateResources = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Candidate.class),
                new SimpleResourceParameterResolverFactory(List.of(new RegistrationClaimsInMemory(), clock,
                        new StubDeadlineManager(NOW))));
        fixture.registerAnnotatedCommandHandler(new InterviewSchedulingHandler(fixture.getRepository(),
                EventSourcingRepository.builder(Candidate.class).eventStore(otherAggregates)
                        .parameterResolverFactory(candidateResources).build(),
                EventSourcingRepository.builder(Rubric.class).eventStore(otherAggregates).build(),
                EventSourcingRepository.builder(ParticipantCalendar.class).eventStore(otherAggregates).build()));
    }

    @AfterEach
    void tearDown() {
        otherAggregates.shutDown();
    }

    // scheduling

    @Test
    void an_interview_is_scheduled_against_the_current_rubric_version_with_two_reminders() {
        fixture.givenCurrentTime(NOW)
                .when(SCHEDULE)
                .expectEvents(SCHEDULED)
                .expectScheduledDeadline(at("2026-11-22T10:00"), new Interview.Reminder(24, LATER.start()))
                .expectScheduledDeadline(at("2026-11-23T09:00"), new Interview.Reminder(1, LATER.start()));
    }

    @Test
    void a_reminder_already_past_is_not_scheduled() {
        InterviewSlot thisAfternoon = slot("2026-11-21T14:00", "2026-11-21T15:00");
        fixture.givenCurrentTime(NOW)
                .when(withSlot(thisAfternoon))
                .expectEvents(scheduledAt(thisAfternoon))
                .expectScheduledDeadline(at("2026-11-21T13:00"), new Interview.Reminder(1, thisAfternoon.start()))
                .expectNoScheduledDeadline(at("2026-11-20T14:00"), new Interview.Reminder(24, thisAfternoon.start()));
    }

    @Test
    void an_interview_cannot_be_scheduled_in_the_past() {
        refused(fixture.givenNoPriorActivity(), withSlot(THIS_MORNING), "interview.slot.inPast");
    }

    @Test
    void a_panel_has_one_to_five_members() {
        refused(fixture.givenNoPriorActivity(), withPanel(List.of()), "interview.panel.size");
        refused(fixture.givenNoPriorActivity(), withPanel(List.of(new PanelMember("u1", "张老师"),
                new PanelMember("u2", "李主任"), new PanelMember("u3", "王医生"), new PanelMember("u4", "赵护士长"),
                new PanelMember("u5", "陈站长"), new PanelMember("u6", "刘科长"))), "interview.panel.size");
    }

    @Test
    void a_person_sits_on_a_panel_once() {
        refused(fixture.givenNoPriorActivity(), withPanel(List.of(new PanelMember("u1", "张老师"),
                new PanelMember("u1", "张老师"))), "interview.panel.duplicateMember");
    }

    @Test
    void a_panel_member_has_a_user_id_and_a_name() {
        refused(fixture.givenNoPriorActivity(), withPanel(List.of(new PanelMember("u1", " "))),
                "validation.required [interview.panelMember.name]");
    }

    @Test
    void an_interview_is_scored_against_a_known_rubric() {
        refused(fixture.givenNoPriorActivity(), new ScheduleInterview("i1", "a1", "c1", PANEL, LATER, "r9"),
                "interview.rubric.unknown");
    }

    @Test
    void scheduling_names_the_candidate_the_application_and_the_slot() {
        refused(fixture.givenNoPriorActivity(), new ScheduleInterview("i1", "a1", " ", PANEL, LATER, "r1"),
                "validation.required [interview.candidate]");
        refused(fixture.givenNoPriorActivity(), new ScheduleInterview("i1", null, "c1", PANEL, LATER, "r1"),
                "validation.required [interview.application]");
        refused(fixture.givenNoPriorActivity(), withSlot(null), "validation.required [interview.slot]");
    }

    @Test
    void an_interview_is_for_a_known_application_of_a_known_candidate() {
        refused(fixture.givenNoPriorActivity(), new ScheduleInterview("i1", "a2", "c1", PANEL, LATER, "r1"),
                "application.unknown [a2]");
        refused(fixture.givenNoPriorActivity(), new ScheduleInterview("i1", "a1", "c9", PANEL, LATER, "r1"),
                "application.unknown [a1]");
    }

    // rescheduling

    @Test
    void rescheduling_moves_the_slot_and_its_reminders() {
        InterviewSlot nextWeek = slot("2026-11-30T15:00", "2026-11-30T16:00");
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(SCHEDULE)
                .when(new RescheduleInterview("i1", nextWeek, "评委出差"))
                .expectEvents(new InterviewRescheduled("i1", "c1", LATER, nextWeek, "评委出差"))
                .expectScheduledDeadline(at("2026-11-29T15:00"), new Interview.Reminder(24, nextWeek.start()))
                .expectScheduledDeadline(at("2026-11-30T14:00"), new Interview.Reminder(1, nextWeek.start()))
                .expectNoScheduledDeadline(at("2026-11-22T10:00"), new Interview.Reminder(24, LATER.start()))
                .expectNoScheduledDeadline(at("2026-11-23T09:00"), new Interview.Reminder(1, LATER.start()));
    }

    @Test
    void rescheduling_needs_a_reason() {
        refused(fixture.given(SCHEDULED), new RescheduleInterview("i1", slot("2026-11-30T15:00", "2026-11-30T16:00"),
                " "), "validation.required [interview.rescheduleReason]");
    }

    @Test
    void rescheduling_moves_to_another_slot_in_the_future() {
        refused(fixture.given(SCHEDULED), new RescheduleInterview("i1", LATER, "确认时间"),
                "interview.reschedule.sameSlot");
        refused(fixture.given(SCHEDULED), new RescheduleInterview("i1", THIS_MORNING, "提前"),
                "interview.slot.inPast");
    }

    @Test
    void a_candidate_who_did_not_show_may_get_another_slot() {
        fixture.given(SCHEDULED_THIS_MORNING, new CandidateDidNotShow("i1", "c1", "李明", "急需护士", THIS_MORNING, "未上线"))
                .when(new RescheduleInterview("i1", LATER, "考生网络故障"))
                .expectEvents(new InterviewRescheduled("i1", "c1", THIS_MORNING, LATER, "考生网络故障"));
    }

    @Test
    void a_held_interview_cannot_be_rescheduled_or_cancelled() {
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD), new RescheduleInterview("i1", LATER, "重新面试"),
                "interview.alreadyHeld");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD), new CancelInterview("i1", "取消"),
                "interview.alreadyHeld");
    }

    // cancelling and reminders

    @Test
    void cancelling_drops_the_reminders() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(SCHEDULE)
                .when(new CancelInterview("i1", "考生已签约其他单位"))
                .expectEvents(new InterviewCancelled("i1", "c1", "李明", "急需护士", LATER, "考生已签约其他单位"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancelling_needs_a_reason() {
        refused(fixture.given(SCHEDULED), new CancelInterview("i1", null),
                "validation.required [interview.cancelReason]");
    }

    @Test
    void a_reminder_is_due_a_day_before_the_interview() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(SCHEDULE)
                .whenThenTimeAdvancesTo(at("2026-11-22T10:00"))
                .expectTriggeredDeadlines(new Interview.Reminder(24, LATER.start()))
                .expectEvents(new InterviewReminderDue("i1", "c1", "李明", "急需护士", LATER, 24, PANEL));
    }

    @Test
    void a_rescheduled_interview_is_reminded_of_its_new_slot_only() {
        InterviewSlot nextWeek = slot("2026-11-30T15:00", "2026-11-30T16:00");
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(SCHEDULE, new RescheduleInterview("i1", nextWeek, "评委出差"))
                .whenThenTimeAdvancesTo(at("2026-11-30T15:00"))
                .expectEvents(new InterviewReminderDue("i1", "c1", "李明", "急需护士", nextWeek, 24, PANEL),
                        new InterviewReminderDue("i1", "c1", "李明", "急需护士", nextWeek, 1, PANEL));
    }

    @Test
    void a_cancelled_interview_sends_no_reminders() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(SCHEDULE, new CancelInterview("i1", "岗位已撤销"))
                .whenThenTimeAdvancesTo(at("2026-11-23T10:00"))
                .expectTriggeredDeadlines()
                .expectNoEvents();
    }

    // no-show and held

    @Test
    void a_no_show_is_recorded_once_the_interview_should_have_started() {
        fixture.given(SCHEDULED_THIS_MORNING)
                .when(new RecordNoShow("i1", "考生未上线"))
                .expectEvents(new CandidateDidNotShow("i1", "c1", "李明", "急需护士", THIS_MORNING, "考生未上线"));
        refused(fixture.given(SCHEDULED), new RecordNoShow("i1", "考生未上线"), "interview.notStartedYet");
    }

    @Test
    void a_no_show_needs_a_reason_and_is_recorded_once() {
        refused(fixture.given(SCHEDULED_THIS_MORNING), new RecordNoShow("i1", ""),
                "validation.required [interview.noShowReason]");
        refused(fixture.given(SCHEDULED_THIS_MORNING,
                        new CandidateDidNotShow("i1", "c1", "李明", "急需护士", THIS_MORNING, "考生未上线")),
                new RecordNoShow("i1", "考生未上线"), "interview.noShow.alreadyRecorded");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD), new RecordNoShow("i1", "考生未上线"),
                "interview.alreadyHeld");
    }

    @Test
    void an_interview_is_recorded_as_held_once_it_started() {
        fixture.given(SCHEDULED_THIS_MORNING)
                .when(new RecordInterviewHeld("i1", HELD.startedAt(), HELD.endedAt()))
                .expectEvents(HELD);
        refused(fixture.given(SCHEDULED), new RecordInterviewHeld("i1", HELD.startedAt(), HELD.endedAt()),
                "interview.notStartedYet");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD),
                new RecordInterviewHeld("i1", HELD.startedAt(), HELD.endedAt()), "interview.alreadyHeld");
    }

    @Test
    void a_held_interview_ended_after_it_started_and_not_in_the_future() {
        refused(fixture.given(SCHEDULED_THIS_MORNING), new RecordInterviewHeld("i1", HELD.endedAt(), HELD.startedAt()),
                "interview.held.endNotAfterStart");
        refused(fixture.given(SCHEDULED_THIS_MORNING), new RecordInterviewHeld("i1", HELD.startedAt(),
                NOW.plus(Duration.ofMinutes(5))), "interview.held.endInFuture");
        refused(fixture.given(SCHEDULED_THIS_MORNING), new RecordInterviewHeld("i1", null, HELD.endedAt()),
                "validation.required [interview.startedAt]");
    }

    @Test
    void an_interview_the_candidate_missed_was_not_held() {
        refused(fixture.given(SCHEDULED_THIS_MORNING,
                        new CandidateDidNotShow("i1", "c1", "李明", "急需护士", THIS_MORNING, "考生未上线")),
                new RecordInterviewHeld("i1", HELD.startedAt(), HELD.endedAt()), "interview.held.candidateDidNotShow");
    }

    // scorecards

    @Test
    void a_panel_member_scores_every_criterion_and_gets_a_weighted_score() {
        fixture.given(SCHEDULED_THIS_MORNING, HELD)
                .when(new SubmitScorecard("i1", "u1", GOOD_SCORES, " 基础扎实 "))
                .expectEvents(ZHANG_SCORED);
    }

    @Test
    void only_panel_members_submit_scorecards_and_each_only_once() {
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD), new SubmitScorecard("i1", "u9", GOOD_SCORES, null),
                "interview.scorecard.notOnPanel");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD, ZHANG_SCORED),
                new SubmitScorecard("i1", "u1", GOOD_SCORES, null), "interview.scorecard.alreadySubmitted");
    }

    @Test
    void every_criterion_of_the_rubric_is_scored_within_its_top_score() {
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD),
                new SubmitScorecard("i1", "u1", Map.of("knowledge", 8), null), "interview.scorecard.missingScore");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD),
                new SubmitScorecard("i1", "u1", Map.of("knowledge", 11, "communication", 4), null),
                "interview.scorecard.scoreOutOfRange [专业知识, 10]");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD),
                new SubmitScorecard("i1", "u1", Map.of("knowledge", 8, "communication", -1), null),
                "interview.scorecard.scoreOutOfRange [沟通表达, 5]");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD),
                new SubmitScorecard("i1", "u1", Map.of("knowledge", 8, "communication", 4, "ethics", 5), null),
                "interview.scorecard.unknownCriterion");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD), new SubmitScorecard("i1", "u1", null, null),
                "validation.required [interview.scores]");
    }

    @Test
    void scorecards_wait_until_the_interview_was_held() {
        refused(fixture.given(SCHEDULED_THIS_MORNING), new SubmitScorecard("i1", "u1", GOOD_SCORES, null),
                "interview.scorecard.notHeld");
    }

    // outcome

    @Test
    void the_panel_decides_once_every_member_scored_and_the_verdict_answers() {
        Scorecard zhang = new Scorecard("u1", "张老师", GOOD_SCORES, new BigDecimal("80.00"), "基础扎实");
        Scorecard li = new Scorecard("u2", "李主任", LI_SCORED.scores(), new BigDecimal("82.50"), null);
        fixture.given(SCHEDULED_THIS_MORNING, HELD, LI_SCORED, ZHANG_SCORED)
                .when(new DecideInterviewOutcome("i1", InterviewOutcome.RECOMMENDED, "专业扎实，沟通良好"))
                .expectEvents(new InterviewOutcomeDecided("i1", "c1", "a1", InterviewOutcome.RECOMMENDED,
                        new BigDecimal("81.25"), List.of(zhang, li), "专业扎实，沟通良好"))
                .expectState(interview -> assertThat(interview.verdictFor("a1")).isEqualTo(
                        new InterviewVerdict("i1", "a1", InterviewOutcome.RECOMMENDED, "专业扎实，沟通良好")));
    }

    @Test
    void a_decision_needs_every_panel_members_scorecard() {
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD, ZHANG_SCORED),
                new DecideInterviewOutcome("i1", InterviewOutcome.RECOMMENDED, "表现良好"),
                "interview.decision.scorecardsMissing [李主任]");
    }

    @Test
    void a_decision_has_an_outcome_and_a_reason() {
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD, ZHANG_SCORED, LI_SCORED),
                new DecideInterviewOutcome("i1", InterviewOutcome.NOT_RECOMMENDED, " "),
                "validation.required [interview.decisionReason]");
        refused(fixture.given(SCHEDULED_THIS_MORNING, HELD, ZHANG_SCORED, LI_SCORED),
                new DecideInterviewOutcome("i1", null, "表现一般"), "validation.required [interview.outcome]");
    }

    @Test
    void a_decision_waits_until_the_interview_was_held() {
        refused(fixture.given(SCHEDULED_THIS_MORNING), new DecideInterviewOutcome("i1", InterviewOutcome.RECOMMENDED,
                "表现良好"), "interview.decision.notHeld");
    }

    @Test
    void the_verdict_is_refused_before_a_decision_and_for_another_application() {
        fixture.given(SCHEDULED_THIS_MORNING, HELD)
                .whenInvoking("i1", interview -> interview.verdictFor("a1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("offer.interview.notDecided");
        fixture.given(SCHEDULED_THIS_MORNING, HELD)
                .whenInvoking("i1", interview -> interview.verdictFor("a2"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("offer.interview.otherApplication");
    }

    // final states

    @Test
    void a_cancelled_interview_takes_no_more_changes() {
        Object[] cancelled = {SCHEDULED_THIS_MORNING,
                new InterviewCancelled("i1", "c1", "李明", "急需护士", THIS_MORNING, "岗位已撤销")};
        for (Object command : everyChange()) {
            refused(fixture.given(cancelled), command, "interview.cancelled");
        }
    }

    @Test
    void a_decided_interview_takes_no_more_changes() {
        Object[] decided = {SCHEDULED_THIS_MORNING, HELD, ZHANG_SCORED, LI_SCORED,
                new InterviewOutcomeDecided("i1", "c1", "a1", InterviewOutcome.NOT_RECOMMENDED,
                        new BigDecimal("81.25"), List.of(), "其他考生更合适")};
        for (Object command : everyChange()) {
            refused(fixture.given(decided), command, "interview.decided");
        }
    }

    private static List<Object> everyChange() {
        return List.of(new RescheduleInterview("i1", LATER, "改期"), new CancelInterview("i1", "取消"),
                new RecordNoShow("i1", "未上线"), new RecordInterviewHeld("i1", HELD.startedAt(), HELD.endedAt()),
                new SubmitScorecard("i1", "u1", GOOD_SCORES, null),
                new DecideInterviewOutcome("i1", InterviewOutcome.RECOMMENDED, "改判"));
    }

    private static ScheduleInterview withSlot(InterviewSlot slot) {
        return new ScheduleInterview("i1", "a1", "c1", PANEL, slot, "r1");
    }

    private static ScheduleInterview withPanel(List<PanelMember> panel) {
        return new ScheduleInterview("i1", "a1", "c1", panel, LATER, "r1");
    }

    private static void refused(TestExecutor<Interview> given, Object command, String messageStart) {
        given.when(command)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith(messageStart))
                .expectNoEvents();
    }
}
