package cn.talentportal.domain.drive;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * What happened to recruitment drives. Each event names the drive as it was ({@code driveTitle}), and the
 * opening or candidate it concerns, so a reader needs nothing else.
 */
public final class DriveEvents {

    private DriveEvents() {
    }

    @Revision("1")
    public record DrivePlanned(String driveId, DriveKind kind, String driveTitle, String university, String venue,
                               Instant startsAt, Instant endsAt, String organiserName) {
    }

    @Revision("1")
    public record OpeningFeatured(String driveId, String driveTitle, String openingId, String openingTitle,
                                  String employerName) {
    }

    @Revision("1")
    public record OpeningUnfeatured(String driveId, String driveTitle, String openingId, String openingTitle,
                                    String reason) {
    }

    @Revision("1")
    public record CandidateRegisteredForDrive(String driveId, String driveTitle, DriveKind kind, String candidateId,
                                              String candidateName) {
    }

    @Revision("1")
    public record DriveAttended(String driveId, String driveTitle, String candidateId, String candidateName) {
    }

    /** The drive took place; {@code registrations} and {@code attendance} are the counts at that moment. */
    @Revision("1")
    public record DriveHeld(String driveId, String driveTitle, int registrations, int attendance, String summary) {
    }

    @Revision("1")
    public record DriveCancelled(String driveId, String driveTitle, String reason) {
    }
}
