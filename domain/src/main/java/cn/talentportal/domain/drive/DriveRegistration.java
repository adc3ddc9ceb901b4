package cn.talentportal.domain.drive;

/** What a candidate's registration records about the drive that brought them: it becomes their channel. */
public record DriveRegistration(String driveId, String title, DriveKind kind) {
}
