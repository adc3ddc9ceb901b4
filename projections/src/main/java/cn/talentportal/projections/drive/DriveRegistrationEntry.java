package cn.talentportal.projections.drive;

import java.time.Instant;

/** One candidate registered at a drive, and whether (and when) their attendance was recorded. */
public record DriveRegistrationEntry(String driveId, String candidateId, String candidateName, Instant registeredAt,
                                     boolean attended, Instant attendanceRecordedAt) {
}
