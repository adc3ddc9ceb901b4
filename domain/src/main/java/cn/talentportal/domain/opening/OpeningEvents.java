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
}
