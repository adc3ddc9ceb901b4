package cn.talentportal.domain.shared;

import java.time.LocalDate;

/** Edge validation of command fields: each failure names the field's message key. */
public final class Require {

    private Require() {
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainRuleViolation("validation.required", field);
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new DomainRuleViolation("validation.tooLong", field, maxLength);
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'
                || isBidiControl(c))) {
            throw new DomainRuleViolation("validation.controlCharacters", field);
        }
        return trimmed;
    }

    /**
     * Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible, they make a name or a reason
     * display as other text than it is ("Trojan Source" spoofing). Plain text in Chinese or English never needs them.
     */
    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    public static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, field, maxLength);
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new DomainRuleViolation("validation.required", field);
        }
        return value;
    }

    /**
     * A date a person could mean: 1900 to 2199. Far-off dates (year 0, LocalDate.MIN) would overflow the date
     * arithmetic of deadlines and milestones instead of being refused.
     */
    public static LocalDate date(LocalDate value, String field) {
        present(value, field);
        if (value.getYear() < 1900 || value.getYear() > 2199) {
            throw new DomainRuleViolation("validation.dateOutOfRange", field);
        }
        return value;
    }
}
