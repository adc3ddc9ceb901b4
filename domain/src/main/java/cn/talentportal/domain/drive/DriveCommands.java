package cn.talentportal.domain.drive;

import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the recruitment drive aggregate. */
public final class DriveCommands {

    private DriveCommands() {
    }

    /** {@code university} is required for campus recruitment; {@code venue} is a place, or the URL of the room. */
    public record PlanDrive(@TargetAggregateIdentifier String driveId, DriveKind kind, String title,
                            String university, String venue, Instant startsAt, Instant endsAt,
                            String organiserName) {
    }

    /** Handled by {@link DriveCommandHandler}: the opening must agree to be featured. */
    public record FeatureOpening(String driveId, String openingId) {
    }

    public record UnfeatureOpening(@TargetAggregateIdentifier String driveId, String openingId, String reason) {
    }

    /** An existing candidate signs up; a new candidate registers through the drive in the candidate package. */
    public record SignUpForDrive(@TargetAggregateIdentifier String driveId, String candidateId,
                                 String candidateName) {
    }

    public record RecordAttendance(@TargetAggregateIdentifier String driveId, String candidateId) {
    }

    public record MarkDriveHeld(@TargetAggregateIdentifier String driveId, String summary) {
    }

    public record CancelDrive(@TargetAggregateIdentifier String driveId, String reason) {
    }

    /**
     * A new candidate registers through the drive (handled by {@link DriveRegistrationHandler}), with the consent
     * they give there (data use is required, as for every registration).
     */
    public record RegisterAtDrive(String driveId, String candidateId, String fullName, PhoneNumber phone,
                                  EmailAddress email, IdNumber idNumber, CandidateProfile profile,
                                  RegistrationConsent consent) {
    }
}
