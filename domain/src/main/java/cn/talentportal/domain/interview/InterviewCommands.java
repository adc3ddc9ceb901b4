package cn.talentportal.domain.interview;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands to interviews. Scheduling, rescheduling and cancelling also change calendars: see
 * {@link InterviewSchedulingHandler}.
 */
public final class InterviewCommands {

    private InterviewCommands() {
    }

    /**
     * Handled by {@link InterviewSchedulingHandler}: the candidate, the rubric and everyone's calendar take part. The
     * command names the application only; the candidate's name and the opening are taken from the candidate, as the
     * application recorded them.
     */
    public record ScheduleInterview(@TargetAggregateIdentifier String interviewId, String applicationId,
                                    String candidateId, List<PanelMember> panel, InterviewSlot slot,
                                    String rubricId) {
    }

    /** Handled by {@link InterviewSchedulingHandler}: the old slot is released and the new one booked. */
    public record RescheduleInterview(@TargetAggregateIdentifier String interviewId, InterviewSlot newSlot,
                                      String reason) {
    }

    /** Handled by {@link InterviewSchedulingHandler}: the calendars are released. */
    public record CancelInterview(@TargetAggregateIdentifier String interviewId, String reason) {
    }

    public record RecordNoShow(@TargetAggregateIdentifier String interviewId, String reason) {
    }

    public record RecordInterviewHeld(@TargetAggregateIdentifier String interviewId, Instant startedAt,
                                      Instant endedAt) {
    }

    /** {@code scores} by criterion key of the interview's rubric version. */
    public record SubmitScorecard(@TargetAggregateIdentifier String interviewId, String panelMemberUserId,
                                  Map<String, Integer> scores, String comment) {
    }

    public record DecideInterviewOutcome(@TargetAggregateIdentifier String interviewId, InterviewOutcome outcome,
                                         String reason) {
    }
}
