package cn.talentportal.domain.interview;

/** Where an interview stands. A no-show may be rescheduled; a cancelled or decided interview is final. */
public enum InterviewStatus {
    SCHEDULED, NO_SHOW, HELD, CANCELLED, DECIDED
}
