package cn.talentportal.projections.statistics;

/** Queries answered by {@link OfficeStatisticsProjection}. */
public final class StatisticsQueries {

    private StatisticsQueries() {
    }

    /** {@code year} null: every year. */
    public record FindOfficeStatistics(Integer year) {
    }
}
