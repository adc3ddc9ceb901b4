package cn.talentportal.projections.drive;

/** Queries answered by {@link DriveConversionProjection}. */
public final class DriveQueries {

    private DriveQueries() {
    }

    public record FindDriveConversion(String driveId) {
    }

    public record FindDriveConversions() {
    }
}
