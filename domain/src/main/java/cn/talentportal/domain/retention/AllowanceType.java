package cn.talentportal.domain.retention;

/** The monthly allowances the district's talent policy pays; each policy version caps every type it covers. */
public enum AllowanceType {
    LIVING, HOUSING, SETTLING_IN, RURAL_SERVICE
}
