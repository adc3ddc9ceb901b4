package cn.talentportal.domain.interview;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** What happened to interviews. Every event names the candidate, so a candidate's story gathers them. */
public final class InterviewEvents {

    private InterviewEvents() {
    }

    /**
     * Records the rubric version and its criteria: a later revision never changes what this interview is scored
     * against.
     */
    @Revision("1")
    public record InterviewScheduled(String interviewId, String applicationId, String candidateId,
                                     String candidateName, String openingId, String openingTitle,
                                     List<PanelMember> panel, InterviewSlot slot, String rubricId, String rubricName,
                                     int rubricVersion, List<Criterion> criteria) {
    }

    /** The earlier slot stays in the history through this event and the ones before it. */
    @Revision("1")
    public record InterviewRescheduled(String interviewId, String candidateId, InterviewSlot previousSlot,
                                       InterviewSlot slot, String reason) {
    }

    @Revision("1")
    public record InterviewCancelled(String interviewId, String candidateId, String candidateName,
                                     String openingTitle, InterviewSlot slot, String reason) {
    }

    @Revision("1")
    public record CandidateDidNotShow(String interviewId, String candidateId, String candidateName,
                                      String openingTitle, InterviewSlot slot, String reason) {
    }

    @Revision("1")
    public record InterviewHeld(String interviewId, String candidateId, Instant startedAt, Instant endedAt) {
    }

    @Revision("1")
    public record ScorecardSubmitted(String interviewId, String candidateId, String applicationId,
                                     String panelMemberUserId, String panelMemberName, String rubricId,
                                     int rubricVersion, Map<String, Integer> scores, BigDecimal weightedScore,
                                     String comment) {
    }

    /** {@code averageWeightedScore} is the mean of the scorecards' weighted scores (0 to 100). */
    @Revision("1")
    public record InterviewOutcomeDecided(String interviewId, String candidateId, String applicationId,
                                          InterviewOutcome outcome, BigDecimal averageWeightedScore,
                                          List<Scorecard> scorecards, String reason) {
    }

    /** A reminder is due {@code hoursBefore} the start; sending it to the candidate and the panel is the mail's job. */
    @Revision("1")
    public record InterviewReminderDue(String interviewId, String candidateId, String candidateName,
                                       String openingTitle, InterviewSlot slot, int hoursBefore,
                                       List<PanelMember> panel) {
    }
}
