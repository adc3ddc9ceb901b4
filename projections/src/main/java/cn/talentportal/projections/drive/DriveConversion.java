package cn.talentportal.projections.drive;

import cn.talentportal.domain.drive.DriveKind;
import java.time.Instant;

/**
 * A drive's funnel. {@code registrations} counts everyone who registered at the drive, {@code attendance} is the
 * count recorded when it was held (null before). The funnel counts the candidates who came to the office through
 * the drive: {@code registered} of them, and how many of those applied, were interviewed, signed and were still in
 * post at one year, each counted once whatever the number of their applications.
 */
public record DriveConversion(String driveId, String title, DriveKind kind, Instant startsAt, String status,
                              int registrations, Integer attendance, int registered, int applied, int interviewed,
                              int signed, int stillInPostAtOneYear) {
}
