package cn.talentportal.projections.statistics;

/**
 * Age in the year a talent started, in the bands the office reports (talent policy draws its line at 35). Taken
 * from the birth year alone, which the law lets statistics keep after an erasure (decision 0035).
 */
public enum AgeBand {
    UNDER_25, FROM_25_TO_29, FROM_30_TO_34, FROM_35_TO_39, FROM_40, UNKNOWN;

    public static AgeBand of(Integer birthYear, int year) {
        if (birthYear == null) {
            return UNKNOWN;
        }
        int age = year - birthYear;
        if (age < 25) {
            return UNDER_25;
        }
        if (age < 30) {
            return FROM_25_TO_29;
        }
        if (age < 35) {
            return FROM_30_TO_34;
        }
        return age < 40 ? FROM_35_TO_39 : FROM_40;
    }
}
