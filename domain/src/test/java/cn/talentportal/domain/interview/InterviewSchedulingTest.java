package cn.talentportal.domain.interview;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.RegistrationClaimsInMemory;
import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotBooked;
import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotReleased;
import cn.talentportal.domain.interview.InterviewCommands.CancelInterview;
import cn.talentportal.domain.interview.InterviewCommands.RescheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.RubricCommands.DefineRubric;
import cn.talentportal.domain.interview.RubricCommands.ReviseRubric;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.interview.InterviewTest.LATER;
import static cn.talentportal.domain.interview.InterviewTest.NOW;
import static cn.talentportal.domain.interview.ParticipantCalendarTest.SHANGHAI;
import static cn.talentportal.domain.interview.ParticipantCalendarTest.slot;
import static cn.talentportal.domain.interview.RubricTest.CRITERIA;
import static cn.talentportal.domain.interview.RubricTest.KNOWLEDGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scheduling asks the candidate, then writes the interview and the calendars of the candidate and the panel in one
 * unit of work: run the handler with all four aggregates in a small in-memory Axon configuration.
 */
class InterviewSchedulingTest {

    static final PanelMember ZHANG = new PanelMember("u1", "张老师");
    static final PanelMember LI = new PanelMember("u2", "李主任");
    static final PanelMember WANG = new PanelMember("u3", "王医生");

    private Configuration axon;
    private CommandGateway commands;

    /** 李明 applied to two openings, 赵雪 and 周涛 to one; every application was screened in. */
    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Interview.class)
                .configureAggregate(Candidate.class)
                .configureAggregate(Rubric.class)
                .configureAggregate(ParticipantCalendar.class)
                .registerComponent(Clock.class, c -> Clock.fixed(NOW, SHANGHAI))
                .registerComponent(RegistrationClaims.class, c -> new RegistrationClaimsInMemory())
                // reminders are the fixture's business (InterviewTest); this stub never fires them
                .registerComponent(DeadlineManager.class, c -> new StubDeadlineManager(NOW))
                .registerCommandHandler(c -> new InterviewSchedulingHandler(c.repository(Interview.class),
                        c.repository(Candidate.class), c.repository(Rubric.class),
                        c.repository(ParticipantCalendar.class)))
                .start();
        commands = axon.commandGateway();
        commands.sendAndWait(new DefineRubric("r1", "护理岗面试评分表", CRITERIA));
        ScreenedInApplications.given(axon.eventStore(), "c1", "李明", "a1", "o1", "急需护士");
        ScreenedInApplications.given(axon.eventStore(), "c1", "李明", "a1b", "o2", "社区护士");
        ScreenedInApplications.given(axon.eventStore(), "c2", "赵雪", "a2", "o1", "急需护士");
        ScreenedInApplications.given(axon.eventStore(), "c3", "周涛", "a3", "o1", "急需护士");
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void scheduling_books_the_candidate_and_every_panel_member() {
        commands.sendAndWait(interview("i1", "c1", "a1", LATER, ZHANG, LI));
        assertThat(events("calendar:c1")).containsExactly(new InterviewSlotBooked("c1", "李明", "i1", "c1", LATER));
        assertThat(events("calendar:u1")).containsExactly(new InterviewSlotBooked("u1", "张老师", "i1", "c1", LATER));
        assertThat(events("calendar:u2")).containsExactly(new InterviewSlotBooked("u2", "李主任", "i1", "c1", LATER));
    }

    @Test
    void a_panel_member_cannot_be_double_booked_and_one_clash_books_nothing() {
        commands.sendAndWait(interview("i1", "c1", "a1", LATER, ZHANG, LI));
        assertRefused(interview("i2", "c2", "a2", slot("2026-11-23T10:30", "2026-11-23T11:30"), WANG, ZHANG),
                "interview.participant.doubleBooked", List.of("张老师", "2026-11-23 10:00–11:00"));
        assertThat(events("i2")).as("the interview").isEmpty();
        assertThat(events("calendar:c2")).as("the candidate booked before the clash").isEmpty();
        assertThat(events("calendar:u3")).as("the panel member booked before the clash").isEmpty();
        assertThat(events("calendar:u1")).hasSize(1);
    }

    @Test
    void a_candidate_cannot_be_double_booked() {
        commands.sendAndWait(interview("i1", "c1", "a1", LATER, ZHANG));
        assertRefused(interview("i2", "c1", "a1b", slot("2026-11-23T09:30", "2026-11-23T10:30"), WANG),
                "interview.participant.doubleBooked", List.of("李明", "2026-11-23 10:00–11:00"));
        assertThat(events("calendar:u3")).isEmpty();
    }

    @Test
    void rescheduling_frees_the_old_slot_for_someone_else() {
        InterviewSlot afternoon = slot("2026-11-23T14:00", "2026-11-23T15:00");
        commands.sendAndWait(interview("i1", "c1", "a1", LATER, ZHANG));
        commands.sendAndWait(new RescheduleInterview("i1", afternoon, "考生上午有课"));
        assertThat(events("calendar:u1")).containsExactly(
                new InterviewSlotBooked("u1", "张老师", "i1", "c1", LATER),
                new InterviewSlotReleased("u1", "张老师", "i1", "c1", LATER),
                new InterviewSlotBooked("u1", "张老师", "i1", "c1", afternoon));

        commands.sendAndWait(interview("i2", "c2", "a2", LATER, ZHANG));
        assertRefused(interview("i3", "c3", "a3", slot("2026-11-23T14:30", "2026-11-23T15:30"), ZHANG),
                "interview.participant.doubleBooked", List.of("张老师", "2026-11-23 14:00–15:00"));
    }

    @Test
    void a_reschedule_that_clashes_keeps_the_old_bookings() {
        InterviewSlot afternoon = slot("2026-11-23T14:00", "2026-11-23T15:00");
        commands.sendAndWait(interview("i1", "c1", "a1", LATER, ZHANG));
        commands.sendAndWait(interview("i2", "c2", "a2", afternoon, ZHANG));
        assertRefused(new RescheduleInterview("i1", afternoon, "考生上午有课"),
                "interview.participant.doubleBooked", List.of("张老师", "2026-11-23 14:00–15:00"));
        assertThat(events("calendar:c1")).as("the candidate's booking, released and rebooked before the clash")
                .containsExactly(new InterviewSlotBooked("c1", "李明", "i1", "c1", LATER));
        assertThat(events("calendar:u1")).hasSize(2);
        assertThat(events("i1")).hasSize(1);
    }

    @Test
    void cancelling_frees_every_slot() {
        commands.sendAndWait(interview("i1", "c1", "a1", LATER, ZHANG, LI));
        commands.sendAndWait(new CancelInterview("i1", "考生已签约其他单位"));
        assertThat(events("calendar:c1")).last().isEqualTo(new InterviewSlotReleased("c1", "李明", "i1", "c1", LATER));
        assertThat(events("calendar:u2")).last().isEqualTo(new InterviewSlotReleased("u2", "李主任", "i1", "c1", LATER));
        commands.sendAndWait(interview("i2", "c2", "a2", LATER, ZHANG, LI));
    }

    @Test
    void a_revised_rubric_applies_only_to_interviews_scheduled_after_the_revision() {
        commands.sendAndWait(interview("i1", "c1", "a1", LATER, ZHANG));
        commands.sendAndWait(new ReviseRubric("r1", List.of(KNOWLEDGE), "只看专业知识"));
        commands.sendAndWait(interview("i2", "c2", "a2", LATER, LI));
        assertThat(((InterviewScheduled) events("i1").getFirst()).rubricVersion()).isEqualTo(1);
        assertThat(((InterviewScheduled) events("i1").getFirst()).criteria()).isEqualTo(CRITERIA);
        assertThat(((InterviewScheduled) events("i2").getFirst()).rubricVersion()).isEqualTo(2);
        assertThat(((InterviewScheduled) events("i2").getFirst()).criteria()).containsExactly(KNOWLEDGE);
    }

    @Test
    void the_interview_names_the_candidate_and_the_opening_as_the_application_recorded_them() {
        commands.sendAndWait(interview("i1", "c1", "a1b", LATER, ZHANG));
        assertThat(events("i1")).containsExactly(new InterviewScheduled("i1", "a1b", "c1", "李明", "o2", "社区护士",
                List.of(ZHANG), LATER, "r1", "护理岗面试评分表", 1, CRITERIA));
    }

    @Test
    void an_application_the_candidate_does_not_have_books_nothing() {
        assertRefused(interview("i1", "c2", "a1", LATER, ZHANG), "application.unknown", List.of("a1"));
        assertThat(events("i1")).isEmpty();
        assertThat(events("calendar:c2")).isEmpty();
        assertThat(events("calendar:u1")).isEmpty();
    }

    private static ScheduleInterview interview(String interviewId, String candidateId, String applicationId,
                                               InterviewSlot slot, PanelMember... panel) {
        return new ScheduleInterview(interviewId, applicationId, candidateId, List.of(panel), slot, "r1");
    }

    private List<Object> events(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    private void assertRefused(Object command, String messageKey, List<Object> arguments) {
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOf(DomainRuleViolation.class)
                .satisfies(e -> {
                    assertThat(((DomainRuleViolation) e).messageKey()).isEqualTo(messageKey);
                    assertThat(((DomainRuleViolation) e).arguments()).isEqualTo(arguments);
                });
    }
}
