package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import org.axonframework.serialization.Revision;

/** The steps of a candidate's journey. */
public final class CandidateEvents {

    private CandidateEvents() {
    }

    @Revision("1")
    public record CandidateRegistered(String candidateId, String fullName, PhoneNumber phone, EmailAddress email,
                                      CandidateProfile profile, CandidateSource source, String sourceReference) {
    }

    @Revision("1")
    public record ApplicationSubmitted(String candidateId, String applicationId, String candidateName,
                                       String openingId, String openingTitle, String employerUnitId,
                                       String employerName) {
    }
}
