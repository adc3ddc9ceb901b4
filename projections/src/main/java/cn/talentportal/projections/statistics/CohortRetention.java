package cn.talentportal.projections.statistics;

import java.util.List;

/**
 * The talents who started in post in one year (a cohort) and, after 1, 3 and 5 years, how many of those whose
 * anniversary has come were still in post then. A share is unknown (null) while no one of the cohort has reached
 * that anniversary.
 */
public record CohortRetention(int year, int placed, List<Share> afterYears) {

    /** Of {@code due} talents whose anniversary of {@code years} has come, {@code retained} reached it in post. */
    public record Share(int years, int due, int retained) {

        /** Percent, rounded; null when none is due yet. */
        public Integer percent() {
            return due == 0 ? null : Math.round(retained * 100f / due);
        }
    }

    public Share after(int years) {
        return afterYears.stream().filter(s -> s.years() == years).findFirst().orElseThrow();
    }
}
