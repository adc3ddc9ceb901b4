package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the candidate aggregate. */
public final class CandidateCommands {

    private CandidateCommands() {
    }

    /**
     * The ID number is optional; ID number, phone and email are each unique across candidates. The consent must
     * include {@link ConsentPurpose#DATA_USE}.
     */
    public record RegisterCandidate(@TargetAggregateIdentifier String candidateId, String fullName, PhoneNumber phone,
                                    EmailAddress email, IdNumber idNumber, CandidateProfile profile,
                                    RegistrationChannel channel, RegistrationConsent consent) {
    }

    /** The candidate agrees to an optional purpose, under the privacy notice of {@code noticeVersion}. */
    public record GiveConsent(@TargetAggregateIdentifier String candidateId, ConsentPurpose purpose,
                              String noticeVersion) {
    }

    /** The candidate withdraws an optional purpose; it holds from now on, not for what was done before. */
    public record WithdrawConsent(@TargetAggregateIdentifier String candidateId, ConsentPurpose purpose) {
    }

    public record UpdateCandidateProfile(@TargetAggregateIdentifier String candidateId, CandidateProfile profile) {
    }

    /** Handled by {@link ApplicationCommandHandler}: the opening must accept it too. */
    public record ApplyToOpening(String candidateId, String applicationId, String openingId) {
    }

    public record WithdrawApplication(@TargetAggregateIdentifier String candidateId, String applicationId,
                                      String reason) {
    }

    /** A reason is required to screen out. */
    public record ScreenApplication(@TargetAggregateIdentifier String candidateId, String applicationId,
                                    ScreeningDecision decision, String reason) {
    }

    /** Handled by {@link OfferCommandHandler}: the interview must have recommended the candidate. */
    public record ExtendOffer(String candidateId, String applicationId, String interviewId, OfferTerms terms) {
    }

    public record AcceptOffer(@TargetAggregateIdentifier String candidateId, String applicationId) {
    }

    public record DeclineOffer(@TargetAggregateIdentifier String candidateId, String applicationId, String reason) {
    }

    /** Handled by {@link SigningCommandHandler}: the opening must still have a seat. */
    public record SignContract(String candidateId, String applicationId, int contractYears) {
    }

    /** Handled by {@link PlacementCommandHandler}: the candidate takes up the post on {@code startDate}. */
    public record PlaceCandidate(String candidateId, String applicationId, String post, LocalDate startDate) {
    }
}
