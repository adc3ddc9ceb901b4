package cn.talentportal.projections.candidate;

import cn.talentportal.domain.candidate.CandidateSource;
import java.time.Instant;

/**
 * A line in the candidate directory: enough to find a person, no contact data. {@code sourceReference} is the name
 * of the channel (the drive, fair or referrer).
 */
public record CandidateSummary(String candidateId, String fullName, CandidateSource source, String sourceReference,
                               Instant registeredAt) {
}
