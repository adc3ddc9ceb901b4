package cn.talentportal.domain.interview;

/** The decided outcome of an application's interview, as an offer records it. */
public record InterviewVerdict(String interviewId, String applicationId, InterviewOutcome outcome, String reason) {
}
