package cn.talentportal.portal.security;

/** The portal's roles. Spring authorities are {@code ROLE_} + the name; views name them in {@code @RolesAllowed}. */
public enum Role {
    CANDIDATE, RECRUITER, AUDITOR, ADMIN,
    /** A service specialist of the talent office: follows placed talents through their retention services. */
    SPECIALIST;

    public static final String CANDIDATE_ROLE = "CANDIDATE";
    public static final String RECRUITER_ROLE = "RECRUITER";
    public static final String AUDITOR_ROLE = "AUDITOR";
    public static final String ADMIN_ROLE = "ADMIN";
    public static final String SPECIALIST_ROLE = "SPECIALIST";

    public String authority() {
        return "ROLE_" + name();
    }
}
