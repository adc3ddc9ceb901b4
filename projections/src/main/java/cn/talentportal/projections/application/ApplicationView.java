package cn.talentportal.projections.application;

import cn.talentportal.domain.interview.InterviewSlot;
import java.time.Instant;

/**
 * One application, as the candidate and the recruiters of the opening's unit see it: the coarse {@code stage} for
 * the candidate, the detailed {@code status} for recruiters, the slot of the interview that stands, if any.
 * {@code recruiterDetail} is null in the candidate's own list: reasons, scores and terms are the recruiters'.
 */
public record ApplicationView(String applicationId, String candidateId, String candidateName, String openingId,
                              String openingTitle, String employerUnitId, String employerName, CandidateStage stage,
                              Instant submittedAt, ApplicationStatus status, Instant updatedAt,
                              InterviewSlot interviewSlot, RecruiterDetail recruiterDetail) {
}
