package cn.talentportal.domain.shared;

import java.util.regex.Pattern;

/** A mainland China mobile number (11 digits starting 13-19). Personal data: encrypted per person later. */
@PersonalData
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public PhoneNumber {
        String digits = value == null ? "" : value.replaceAll("[\\s-]", "").replaceFirst("^\\+?86", "");
        if (!MOBILE.matcher(digits).matches()) {
            throw new DomainRuleViolation("validation.phone.invalid");
        }
        value = digits;
    }

    /** 138****5678: enough to recognise, not enough to call. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public String toString() {
        return masked();
    }
}
