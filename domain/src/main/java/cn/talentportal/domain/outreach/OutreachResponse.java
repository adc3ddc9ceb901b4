package cn.talentportal.domain.outreach;

/** What a native answered when contacted; the funnel of a campaign counts these. */
public enum OutreachResponse {
    NO_ANSWER, INTERESTED, NOT_INTERESTED, PLANS_TO_RETURN, ALREADY_RETURNED
}
