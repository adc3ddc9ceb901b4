package cn.talentportal.projections.interview;

import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.InterviewStatus;
import java.time.Instant;

/** Where one interview of an application stands, for the application's journey. */
public record InterviewState(String interviewId, String applicationId, InterviewSlot slot, InterviewStatus status,
                             boolean rescheduled, int scorecards, InterviewOutcome outcome, String averageScore,
                             String reason, Instant scheduledAt) {
}
