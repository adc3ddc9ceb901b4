package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the candidate aggregate. */
public final class CandidateCommands {

    private CandidateCommands() {
    }

    /** {@code sourceReference} names the drive, fair or livestream that brought the candidate, if any. */
    public record RegisterCandidate(@TargetAggregateIdentifier String candidateId, String fullName, PhoneNumber phone,
                                    EmailAddress email, CandidateProfile profile, CandidateSource source,
                                    String sourceReference) {
    }

    /** Handled by {@link ApplicationCommandHandler}: the opening must accept it too. */
    public record ApplyToOpening(String candidateId, String applicationId, String openingId) {
    }
}
