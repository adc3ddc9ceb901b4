package cn.talentportal.projections.retention;

import java.time.LocalDate;
import java.util.List;

/** A follow-up visit to a talent: who went, when, what they found, and the problems raised, resolved or not. */
public record FollowUpVisitView(String caseId, String visitId, LocalDate visitedOn, String visitorName, String notes,
                                List<String> problemsRaised, List<String> problemsResolved) {
}
