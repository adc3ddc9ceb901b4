package cn.talentportal.domain.opening;

import org.axonframework.serialization.Revision;

/** What happened to openings. Publication carries the full content, as candidates saw it. */
public final class OpeningEvents {

    private OpeningEvents() {
    }

    @Revision("1")
    public record OpeningDrafted(String openingId, String employerUnitId, String employerName, OpeningDetails details) {
    }

    @Revision("1")
    public record OpeningPublished(String openingId, String employerUnitId, String employerName,
                                   OpeningDetails details) {
    }

    @Revision("1")
    public record OpeningClosed(String openingId, String title, String reason) {
    }

    /** A candidate signed for one of the opening's seats; {@code seatsTaken} of {@code headcount} are now taken. */
    @Revision("1")
    public record OpeningSeatTaken(String openingId, String title, String applicationId, String candidateId,
                                   String candidateName, int seatsTaken, int headcount) {
    }

    /** Every seat is taken: the opening accepts no more applications. */
    @Revision("1")
    public record OpeningFilled(String openingId, String title, int headcount) {
    }

    /** The content was changed; carries all of it, as a reader (or the search index) needs nothing else. */
    @Revision("1")
    public record OpeningEdited(String openingId, String employerUnitId, String employerName,
                                OpeningDetails details) {
    }

    /** Applications are stopped for a while; the opening keeps its seats and may be resumed. */
    @Revision("1")
    public record OpeningPaused(String openingId, String title, String reason) {
    }

    /** Applications are accepted again; carries the full content so the search index can show it again. */
    @Revision("1")
    public record OpeningResumed(String openingId, String employerUnitId, String employerName,
                                 OpeningDetails details) {
    }
}
