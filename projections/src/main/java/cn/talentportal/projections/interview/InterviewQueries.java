package cn.talentportal.projections.interview;

import java.time.Instant;

/** Queries answered by {@link InterviewProjection}. */
public final class InterviewQueries {

    private InterviewQueries() {
    }

    /** A panel member's calendar: interviews ending after {@code from} (null: all). */
    public record FindInterviewCalendar(String panelMemberUserId, Instant from) {
    }
}
