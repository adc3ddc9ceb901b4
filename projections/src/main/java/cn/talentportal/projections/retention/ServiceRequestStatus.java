package cn.talentportal.projections.retention;

/** Where a talent's service request stands: waiting for the office, granted, or refused with a reason. */
public enum ServiceRequestStatus {
    OPEN, GRANTED, REFUSED
}
