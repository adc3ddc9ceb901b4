package cn.talentportal.projections.application;

import cn.talentportal.domain.interview.InterviewOutcome;
import java.time.LocalDate;

/**
 * What recruiters see beyond the status: the reason of the last decision (screening, interview outcome,
 * withdrawal, declined offer, or why the interview was moved), the interview's scorecards and outcome, the offer's
 * terms and the signing and start dates, and the interview that stands (the one an offer is made on). Null fields:
 * not reached.
 */
public record RecruiterDetail(String reason, String screeningReason, int scorecards, InterviewOutcome outcome,
                              String averageScore, String post, Integer monthlySalary, LocalDate respondBy,
                              LocalDate signedOn, LocalDate startDate, String interviewId) {
}
