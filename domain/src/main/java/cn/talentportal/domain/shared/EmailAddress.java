package cn.talentportal.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, kept lower-case so duplicates are recognised. Personal data. */
@PersonalData
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    public EmailAddress {
        String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        // control and invisible formatting characters (NUL, bidirectional overrides) pass the shape but no mail server
        if (trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches() || trimmed.chars().anyMatch(
                c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new DomainRuleViolation("validation.email.invalid");
        }
        value = trimmed;
    }

    @Override
    public String toString() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }
}
