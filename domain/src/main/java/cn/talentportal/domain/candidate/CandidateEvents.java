package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The steps of a candidate's journey. Each event names the opening and employer as the application recorded them,
 * so a history reads on its own.
 */
public final class CandidateEvents {

    private CandidateEvents() {
    }

    /**
     * Revision 2: optional ID number, and the channel as a record. Revision 3: the consent given on registering
     * (decision 0029). Revision 4: the birth year, outside the encrypted ID number, so statistics keep it after an
     * erasure (PIPL allows it; decision 0035). Older revisions are upcast in infra.
     */
    @Revision("4")
    public record CandidateRegistered(String candidateId, String fullName, PhoneNumber phone, EmailAddress email,
                                      IdNumber idNumber, CandidateProfile profile, RegistrationChannel channel,
                                      RegistrationConsent consent, Integer birthYear) {

        /** The birth year as the ID number tells it (none without one). */
        public CandidateRegistered(String candidateId, String fullName, PhoneNumber phone, EmailAddress email,
                                   IdNumber idNumber, CandidateProfile profile, RegistrationChannel channel,
                                   RegistrationConsent consent) {
            this(candidateId, fullName, phone, email, idNumber, profile, channel, consent,
                    idNumber == null ? null : idNumber.birthYear());
        }
    }

    /** Given on the profile page after registering; {@code noticeVersion} is the privacy notice agreed to. */
    @Revision("1")
    public record ConsentGiven(String candidateId, String candidateName, ConsentPurpose purpose,
                               String noticeVersion, Instant givenAt) {
    }

    /** {@code noticeVersion} is that of the consent withdrawn. */
    @Revision("1")
    public record ConsentWithdrawn(String candidateId, String candidateName, ConsentPurpose purpose,
                                   String noticeVersion, Instant withdrawnAt) {
    }

    @Revision("1")
    public record CandidateProfileUpdated(String candidateId, String fullName, CandidateProfile profile) {
    }

    @Revision("1")
    public record ApplicationSubmitted(String candidateId, String applicationId, String candidateName,
                                       String openingId, String openingTitle, String employerUnitId,
                                       String employerName) {
    }

    @Revision("1")
    public record ApplicationWithdrawn(String candidateId, String candidateName, String applicationId,
                                       String openingId, String openingTitle, String employerUnitId,
                                       String employerName, String reason) {
    }

    @Revision("1")
    public record ApplicationScreenedIn(String candidateId, String candidateName, String applicationId,
                                        String openingId, String openingTitle, String employerUnitId,
                                        String employerName, String reason) {
    }

    @Revision("1")
    public record ApplicationScreenedOut(String candidateId, String candidateName, String applicationId,
                                         String openingId, String openingTitle, String employerUnitId,
                                         String employerName, String reason) {
    }

    /** {@code verdictReason} is why the interview panel recommended the candidate. */
    @Revision("1")
    public record OfferExtended(String candidateId, String candidateName, String applicationId, String openingId,
                                String openingTitle, String employerName, String interviewId, OfferTerms terms,
                                String verdictReason) {
    }

    @Revision("1")
    public record OfferAccepted(String candidateId, String candidateName, String applicationId, String openingId,
                                String openingTitle, String employerName, String post) {
    }

    @Revision("1")
    public record OfferDeclined(String candidateId, String candidateName, String applicationId, String openingId,
                                String openingTitle, String employerName, String reason) {
    }

    /** Nobody answered the offer by the end of {@code respondBy}. */
    @Revision("1")
    public record OfferExpired(String candidateId, String candidateName, String applicationId, String openingId,
                               String openingTitle, String employerName, LocalDate respondBy) {
    }

    /** The candidate took one of the opening's seats; sector and county are the opening's at signing. */
    @Revision("1")
    public record ContractSigned(String candidateId, String candidateName, String applicationId, String openingId,
                                 String openingTitle, String employerUnitId, String employerName, Sector sector,
                                 String county, String post, int monthlySalary, LocalDate signedOn,
                                 int contractYears) {
    }

    @Revision("1")
    public record CandidatePlaced(String candidateId, String candidateName, String applicationId, String openingId,
                                  String openingTitle, String employerUnitId, String employerName, Sector sector,
                                  String county, String post, LocalDate startDate, LocalDate signedOn) {
    }
}
