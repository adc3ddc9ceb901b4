package cn.talentportal.projections.interview;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Queries answered by {@link InterviewProjection} and {@link RubricProjection}. */
public final class InterviewQueries {

    private InterviewQueries() {
    }

    /** A panel member's calendar: interviews ending after {@code from} (null: all). */
    public record FindInterviewCalendar(String panelMemberUserId, Instant from) {
    }

    /**
     * The interviews still taking time of any of these panel members between {@code from} and {@code to}: not
     * cancelled, overlapping the window. What a recruiter checks before picking a slot.
     */
    public record FindBusySlots(Set<String> panelMemberUserIds, Instant from, Instant to) {

        public FindBusySlots {
            panelMemberUserIds = Set.copyOf(panelMemberUserIds);
        }
    }

    /** One page of the interviews for these openings (an employer unit's), latest slot first. */
    public record FindInterviewsOfOpenings(Collection<String> openingIds, int offset, int limit) {

        public FindInterviewsOfOpenings {
            openingIds = Set.copyOf(openingIds);
        }
    }

    /** How many interviews {@link FindInterviewsOfOpenings} pages through; answered as an {@code Integer}. */
    public record CountInterviewsOfOpenings(Collection<String> openingIds) {

        public CountInterviewsOfOpenings {
            openingIds = Set.copyOf(openingIds);
        }
    }

    /** A candidate's own interviews, soonest first, cancelled ones too. */
    public record FindInterviewsOfCandidate(String candidateId) {
    }

    /** One interview with its rubric version, scorecards and outcome; answered as an {@code Optional}. */
    public record FindInterviewDetail(String interviewId) {
    }

    /** Every rubric at its current version, by name. */
    public record FindRubrics() {
    }
}
