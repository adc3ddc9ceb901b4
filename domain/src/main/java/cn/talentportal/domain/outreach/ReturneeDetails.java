package cn.talentportal.domain.outreach;

import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;

/** What the register knows of a native who becomes a candidate; phone and email may be absent. */
public record ReturneeDetails(String entryId, String fullName, String hometownCounty, String currentCity,
                              PhoneNumber phone, EmailAddress email, boolean contactConsent) {
}
