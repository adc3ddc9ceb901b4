package cn.talentportal.domain.candidate;

/** The channel that brought a candidate to the office; kept for the funnel by source. */
public enum CandidateSource {
    CAMPUS_DRIVE, ONLINE_JOB_FAIR, LIVESTREAM, RETURNEE_REGISTER, SELF_REGISTRATION, REFERRAL
}
