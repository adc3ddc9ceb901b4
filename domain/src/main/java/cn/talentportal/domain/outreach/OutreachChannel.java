package cn.talentportal.domain.outreach;

/** How a campaign reaches natives of the district working elsewhere. */
public enum OutreachChannel {
    PHONE, SMS, EMAIL, WECHAT, HOME_VISIT, HOMETOWN_EVENT
}
