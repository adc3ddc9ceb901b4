package cn.talentportal.domain.candidate;

/** A recruiter's first look at an application: taken forward to interview, or not. */
public enum ScreeningDecision {
    IN, OUT
}
