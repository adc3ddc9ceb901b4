package cn.talentportal.domain.candidate;

/**
 * What a candidate may agree to (decision 0029). Only {@link #DATA_USE} is required: without it the office may not
 * process the registration at all. The others are separate, optional, and may be withdrawn at any time.
 */
public enum ConsentPurpose {
    /** Processing the candidate's data for recruitment: applications, interviews, offers, placement. */
    DATA_USE(true),
    /** Being contacted by the office's outreach and returnee campaigns. */
    OUTREACH_CONTACT(false),
    /** Mails for the job alerts the candidate saved; the alerts still show in the portal without it. */
    JOB_ALERT_MAIL(false);

    private final boolean required;

    ConsentPurpose(boolean required) {
        this.required = required;
    }

    /** Required to register; withdrawn only by having the data erased, not by a withdrawal. */
    public boolean required() {
        return required;
    }
}
