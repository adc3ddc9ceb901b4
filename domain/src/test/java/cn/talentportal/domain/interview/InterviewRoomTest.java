package cn.talentportal.domain.interview;

import cn.talentportal.domain.interview.InterviewCommands.RecordNoShow;
import cn.talentportal.domain.interview.InterviewCommands.RecordInterviewHeld;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewRoomCommands.AdmitCandidate;
import cn.talentportal.domain.interview.InterviewRoomCommands.EndInterview;
import cn.talentportal.domain.interview.InterviewRoomCommands.JoinInterviewRoom;
import cn.talentportal.domain.interview.InterviewRoomCommands.LeaveInterviewRoom;
import cn.talentportal.domain.interview.InterviewRoomCommands.ReportConnectionFailure;
import cn.talentportal.domain.interview.InterviewRoomCommands.StartInterview;
import cn.talentportal.domain.interview.InterviewRoomEvents.CandidateAdmitted;
import cn.talentportal.domain.interview.InterviewRoomEvents.ConnectionFailed;
import cn.talentportal.domain.interview.InterviewRoomEvents.InterviewEnded;
import cn.talentportal.domain.interview.InterviewRoomEvents.InterviewStarted;
import cn.talentportal.domain.interview.InterviewRoomEvents.ParticipantJoined;
import cn.talentportal.domain.interview.InterviewRoomEvents.ParticipantLeft;
import cn.talentportal.domain.shared.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.talentportal.domain.interview.InterviewTest.GOOD_SCORES;
import static cn.talentportal.domain.interview.InterviewTest.SCHEDULED;
import static cn.talentportal.domain.interview.InterviewTest.SCHEDULED_THIS_MORNING;
import static cn.talentportal.domain.interview.InterviewTest.THIS_MORNING;
import static cn.talentportal.domain.interview.InterviewTest.at;
import static cn.talentportal.domain.interview.ParticipantCalendarTest.SHANGHAI;
import static org.hamcrest.Matchers.startsWith;

/**
 * The online room of interview i1: 李明 (c1) is interviewed by 张老师 (u1) and 李主任 (u2) this morning; it is
 * 09:30 now. Every room event with the command that causes it and the commands refused.
 */
class InterviewRoomTest {

    static final Instant NOW = at("2026-11-21T09:30");
    static final Instant STARTED = at("2026-11-21T08:35");
    static final ParticipantJoined ZHANG_JOINED = new ParticipantJoined("i1", "c1", "u1", "张老师", RoomRole.PANEL,
            false, STARTED);
    static final ParticipantJoined LI_MING_WAITS = new ParticipantJoined("i1", "c1", "c1", "李明", RoomRole.CANDIDATE,
            true, STARTED);
    static final CandidateAdmitted ADMITTED = new CandidateAdmitted("i1", "c1", "李明", "u1", "张老师", STARTED);
    static final InterviewStarted STARTED_BY_ZHANG = new InterviewStarted("i1", "c1", "李明", "急需护士", "u1",
            STARTED);

    private AggregateTestFixture<Interview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Interview.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, SHANGHAI));
    }

    // joining

    @Test
    void a_panel_member_joins_straight_into_the_room() {
        fixture.given(SCHEDULED_THIS_MORNING)
                .when(new JoinInterviewRoom("i1", "u1"))
                .expectEvents(new ParticipantJoined("i1", "c1", "u1", "张老师", RoomRole.PANEL, false, NOW))
                .expectResultMessagePayload(new RoomPass("i1", "u1", "张老师", RoomRole.PANEL, false));
    }

    @Test
    void the_candidate_joins_into_the_waiting_room() {
        fixture.given(SCHEDULED_THIS_MORNING)
                .when(new JoinInterviewRoom("i1", "c1"))
                .expectEvents(new ParticipantJoined("i1", "c1", "c1", "李明", RoomRole.CANDIDATE, true, NOW))
                .expectResultMessagePayload(new RoomPass("i1", "c1", "李明", RoomRole.CANDIDATE, true));
    }

    @Test
    void joining_again_while_in_the_room_records_nothing_new() {
        fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED)
                .when(new JoinInterviewRoom("i1", "u1"))
                .expectNoEvents()
                .expectResultMessagePayload(new RoomPass("i1", "u1", "张老师", RoomRole.PANEL, false));
    }

    @Test
    void only_the_candidate_and_the_panel_are_invited() {
        refused(fixture.given(SCHEDULED_THIS_MORNING), new JoinInterviewRoom("i1", "u9"), "interview.room.notInvited");
        refused(fixture.given(SCHEDULED_THIS_MORNING), new JoinInterviewRoom("i1", null), "interview.room.notInvited");
    }

    @Test
    void the_room_opens_a_quarter_of_an_hour_before_the_start() {
        refused(fixture.given(SCHEDULED), new JoinInterviewRoom("i1", "u1"), "interview.room.notOpenYet");
    }

    @Test
    void a_cancelled_or_ended_interview_has_no_room() {
        refused(fixture.given(SCHEDULED_THIS_MORNING,
                        new InterviewCancelled("i1", "c1", "李明", "急需护士", THIS_MORNING, "岗位已撤销")),
                new JoinInterviewRoom("i1", "u1"), "interview.cancelled");
        refused(fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED, LI_MING_WAITS, ADMITTED, STARTED_BY_ZHANG,
                        new InterviewEnded("i1", "c1", "u1", STARTED, at("2026-11-21T09:05"), 1800)),
                new JoinInterviewRoom("i1", "c1"), "interview.room.closed");
    }

    // admitting and starting

    @Test
    void a_panel_member_admits_the_waiting_candidate_and_the_interview_starts() {
        fixture.given(SCHEDULED_THIS_MORNING, LI_MING_WAITS,
                        new ParticipantJoined("i1", "c1", "u1", "张老师", RoomRole.PANEL, false, NOW))
                .when(new AdmitCandidate("i1", "u1"))
                .expectEvents(new CandidateAdmitted("i1", "c1", "李明", "u1", "张老师", NOW),
                        new InterviewStarted("i1", "c1", "李明", "急需护士", "u1", NOW));
    }

    @Test
    void a_candidate_readmitted_after_reconnecting_does_not_start_it_again() {
        fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED, LI_MING_WAITS, ADMITTED, STARTED_BY_ZHANG,
                        new ParticipantLeft("i1", "c1", "c1", "李明", RoomRole.CANDIDATE, STARTED),
                        new ParticipantJoined("i1", "c1", "c1", "李明", RoomRole.CANDIDATE, true, NOW))
                .when(new AdmitCandidate("i1", "u1"))
                .expectEvents(new CandidateAdmitted("i1", "c1", "李明", "u1", "张老师", NOW));
    }

    @Test
    void only_a_panel_member_in_the_room_admits_and_only_a_waiting_candidate() {
        refused(fixture.given(SCHEDULED_THIS_MORNING, LI_MING_WAITS), new AdmitCandidate("i1", "c1"),
                "interview.room.panelOnly");
        refused(fixture.given(SCHEDULED_THIS_MORNING, LI_MING_WAITS), new AdmitCandidate("i1", "u9"),
                "interview.room.notInvited");
        refused(fixture.given(SCHEDULED_THIS_MORNING, LI_MING_WAITS), new AdmitCandidate("i1", "u2"),
                "interview.room.notInRoom");
        refused(fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED), new AdmitCandidate("i1", "u1"),
                "interview.room.candidateNotWaiting");
        refused(fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED, LI_MING_WAITS, ADMITTED, STARTED_BY_ZHANG),
                new AdmitCandidate("i1", "u1"), "interview.room.candidateNotWaiting");
    }

    @Test
    void a_panel_member_may_start_explicitly_once() {
        fixture.given(SCHEDULED_THIS_MORNING)
                .when(new StartInterview("i1", "u2"))
                .expectEvents(new InterviewStarted("i1", "c1", "李明", "急需护士", "u2", NOW));
        refused(fixture.given(SCHEDULED_THIS_MORNING, STARTED_BY_ZHANG), new StartInterview("i1", "u2"),
                "interview.room.alreadyStarted");
        refused(fixture.given(SCHEDULED_THIS_MORNING), new StartInterview("i1", "c1"), "interview.room.panelOnly");
        refused(fixture.given(SCHEDULED), new StartInterview("i1", "u1"), "interview.room.notOpenYet");
    }

    // leaving and ending

    @Test
    void a_participant_leaves_the_room() {
        fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED, LI_MING_WAITS, ADMITTED, STARTED_BY_ZHANG)
                .when(new LeaveInterviewRoom("i1", "c1"))
                .expectEvents(new ParticipantLeft("i1", "c1", "c1", "李明", RoomRole.CANDIDATE, NOW));
    }

    @Test
    void the_last_to_leave_a_started_interview_ends_it() {
        fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED, LI_MING_WAITS, ADMITTED, STARTED_BY_ZHANG,
                        new ParticipantLeft("i1", "c1", "c1", "李明", RoomRole.CANDIDATE, NOW))
                .when(new LeaveInterviewRoom("i1", "u1"))
                .expectEvents(new ParticipantLeft("i1", "c1", "u1", "张老师", RoomRole.PANEL, NOW),
                        new InterviewEnded("i1", "c1", "system", STARTED, NOW, 55 * 60));
    }

    @Test
    void the_last_to_leave_before_the_start_ends_nothing() {
        fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED)
                .when(new LeaveInterviewRoom("i1", "u1"))
                .expectEvents(new ParticipantLeft("i1", "c1", "u1", "张老师", RoomRole.PANEL, NOW));
    }

    @Test
    void only_someone_in_the_room_leaves_it() {
        refused(fixture.given(SCHEDULED_THIS_MORNING), new LeaveInterviewRoom("i1", "u1"), "interview.room.notInRoom");
        refused(fixture.given(SCHEDULED_THIS_MORNING), new LeaveInterviewRoom("i1", "u9"), "interview.room.notInvited");
    }

    @Test
    void a_panel_member_ends_the_interview_with_its_duration_and_it_counts_as_held() {
        fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED, LI_MING_WAITS, ADMITTED, STARTED_BY_ZHANG)
                .when(new EndInterview("i1", "u2"))
                .expectEvents(new InterviewEnded("i1", "c1", "u2", STARTED, NOW, 55 * 60));
        refused(fixture.given(SCHEDULED_THIS_MORNING, STARTED_BY_ZHANG,
                        new InterviewEnded("i1", "c1", "u2", STARTED, NOW, 55 * 60)),
                new RecordInterviewHeld("i1", STARTED, NOW), "interview.alreadyHeld");
    }

    @Test
    void only_a_panel_member_ends_and_only_a_started_interview() {
        refused(fixture.given(SCHEDULED_THIS_MORNING, STARTED_BY_ZHANG), new EndInterview("i1", "c1"),
                "interview.room.panelOnly");
        refused(fixture.given(SCHEDULED_THIS_MORNING, STARTED_BY_ZHANG), new EndInterview("i1", "u9"),
                "interview.room.notInvited");
        refused(fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED), new EndInterview("i1", "u1"),
                "interview.room.notStarted");
        refused(fixture.given(SCHEDULED_THIS_MORNING, STARTED_BY_ZHANG,
                        new InterviewEnded("i1", "c1", "u2", STARTED, NOW, 55 * 60)),
                new EndInterview("i1", "u1"), "interview.alreadyHeld");
    }

    @Test
    void a_started_interview_has_no_no_show() {
        refused(fixture.given(SCHEDULED_THIS_MORNING, STARTED_BY_ZHANG), new RecordNoShow("i1", "未上线"),
                "interview.room.alreadyStarted");
    }

    @Test
    void the_panel_scores_side_by_side_with_the_video_once_started() {
        fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED, LI_MING_WAITS, ADMITTED, STARTED_BY_ZHANG)
                .when(new SubmitScorecard("i1", "u1", GOOD_SCORES, "基础扎实"))
                .expectEvents(InterviewTest.ZHANG_SCORED);
    }

    // connection failures

    @Test
    void a_failed_connection_is_recorded_with_the_browsers_reason() {
        fixture.given(SCHEDULED_THIS_MORNING, ZHANG_JOINED)
                .when(new ReportConnectionFailure("i1", "u1", "c1", "ICE connection state: failed"))
                .expectEvents(new ConnectionFailed("i1", "c1", "u1", "张老师", "c1", "ICE connection state: failed",
                        NOW));
        fixture.given(SCHEDULED_THIS_MORNING)
                .when(new ReportConnectionFailure("i1", "c1", null, "NotAllowedError: Permission denied"))
                .expectEvents(new ConnectionFailed("i1", "c1", "c1", "李明", "", "NotAllowedError: Permission denied",
                        NOW));
    }

    @Test
    void only_invited_people_report_failures_and_with_a_reason() {
        refused(fixture.given(SCHEDULED_THIS_MORNING), new ReportConnectionFailure("i1", "u9", null, "failed"),
                "interview.room.notInvited");
        refused(fixture.given(SCHEDULED_THIS_MORNING), new ReportConnectionFailure("i1", "u1", null, " "),
                "validation.required");
    }

    private static void refused(TestExecutor<Interview> given, Object command, String messageStart) {
        given.when(command)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(startsWith(messageStart))
                .expectNoEvents();
    }
}
