package cn.talentportal.projections.statistics;

import java.time.LocalDate;

/** Queries answered by {@link JourneyFunnelProjection}. */
public final class FunnelQueries {

    private FunnelQueries() {
    }

    /** One funnel per channel that brought at least one candidate, in the order of {@code CandidateSource}. */
    public record FindFunnelBySource() {
    }

    /** Cohorts by year of starting, oldest first; {@code asOf} says which anniversaries have come. */
    public record FindRetentionByCohort(LocalDate asOf) {
    }
}
