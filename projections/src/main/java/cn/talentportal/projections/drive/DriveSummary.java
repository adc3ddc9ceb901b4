package cn.talentportal.projections.drive;

import cn.talentportal.domain.drive.DriveKind;
import java.time.Instant;
import java.util.List;

/**
 * A drive as its organising unit runs it: what, where and when, its status (PLANNED, HELD, CANCELLED) with the
 * summary or the reason, the openings featured, and how many registered and attended so far.
 */
public record DriveSummary(String driveId, DriveKind kind, String title, String university, String venue,
                           Instant startsAt, Instant endsAt, String organiserName, String status, String summary,
                           String cancelReason, List<FeaturedOpening> featuredOpenings, long registrations,
                           long attendance) {

    public record FeaturedOpening(String openingId, String title, String employerName) {
    }

    public boolean planned() {
        return "PLANNED".equals(status);
    }
}
