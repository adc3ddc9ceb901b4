package cn.talentportal.domain.shared;

/** A postal address as a person writes it (county, town, street and number in one line). Personal data. */
@PersonalData
public record PostalAddress(String value) {

    public PostalAddress {
        value = Require.text(value, "validation.address", 200);
    }

    @Override
    public String toString() {
        return value.length() <= 6 ? "***" : value.substring(0, 6) + "***";
    }
}
