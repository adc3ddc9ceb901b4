package cn.talentportal.domain.shared;

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
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new DomainRuleViolation("validation.controlCharacters", field);
        }
        return trimmed;
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
}
