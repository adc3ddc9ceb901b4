package cn.talentportal.projections.drive;

/** Queries answered by {@link DriveConversionProjection} and {@link DriveRegistrationsProjection}. */
public final class DriveQueries {

    private DriveQueries() {
    }

    public record FindDriveConversion(String driveId) {
    }

    public record FindDriveConversions() {
    }

    /** The drives of an employer unit (planned by its recruiters), latest start first, a page at a time. */
    public record FindDrivesOfUnit(String employerUnitId, int offset, int limit) {
    }

    public record CountDrivesOfUnit(String employerUnitId) {
    }

    /** The drive if it belongs to the unit; empty for another unit's drive or an unknown id. */
    public record FindDriveOfUnit(String driveId, String employerUnitId) {
    }

    /** A drive's registrations, in the order they came, a page at a time. */
    public record FindDriveRegistrations(String driveId, int offset, int limit) {
    }

    public record CountDriveRegistrations(String driveId) {
    }
}
