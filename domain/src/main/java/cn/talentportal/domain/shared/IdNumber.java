package cn.talentportal.domain.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity card number (GB 11643-1999): 6-digit region, birth date, sequence and an ISO 7064
 * MOD 11-2 check character. Personal data: never logged in full.
 */
@PersonalData
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    public IdNumber {
        String normalised = value == null ? "" : value.strip().toUpperCase();
        if (!normalised.matches("\\d{17}[\\dX]") || checkCharacter(normalised) != normalised.charAt(17)
                || !hasValidBirthDate(normalised)) {
            throw new DomainRuleViolation("validation.idNumber.invalid");
        }
        value = normalised;
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public int birthYear() {
        return Integer.parseInt(value.substring(6, 10));
    }

    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean hasValidBirthDate(String number) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
