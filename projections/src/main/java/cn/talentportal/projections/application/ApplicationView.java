package cn.talentportal.projections.application;

import java.time.Instant;

/** One application, as the candidate and the recruiters of the opening's unit see it. */
public record ApplicationView(String applicationId, String candidateId, String candidateName, String openingId,
                              String openingTitle, String employerUnitId, String employerName, String stage,
                              Instant submittedAt) {
}
