package cn.talentportal.domain.shared;

/** The name of a talent's child, needed for a school place. Personal data of the talent's family. */
@PersonalData
public record ChildName(String value) {

    public ChildName {
        value = Require.text(value, "validation.childName", 50);
    }

    @Override
    public String toString() {
        return value.charAt(0) + "**";
    }
}
