package cn.talentportal.domain.drive;

/** How a drive meets candidates: on a university campus, at an online job fair, or in a livestream (直播带岗). */
public enum DriveKind {
    CAMPUS_RECRUITMENT, ONLINE_JOB_FAIR, LIVESTREAM
}
