package cn.talentportal.portal.register;

import cn.talentportal.domain.candidate.ConsentPurpose;
import java.util.List;

/**
 * The privacy notice the portal shows today. Its text lives in the message bundles ({@code consent.notice.*},
 * {@code consent.purpose.*}); {@link #VERSION} names that text in every consent recorded, so a change of the text
 * goes with a new version and candidates agree to it anew (decision 0029).
 */
public final class PrivacyNotice {

    public static final String VERSION = "2026-11";

    /** The purposes a candidate is asked about, in the order the forms list them. */
    public static final List<ConsentPurpose> PURPOSES = List.of(ConsentPurpose.DATA_USE,
            ConsentPurpose.OUTREACH_CONTACT, ConsentPurpose.JOB_ALERT_MAIL);

    private PrivacyNotice() {
    }
}
