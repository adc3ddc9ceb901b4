package cn.talentportal.domain.privacy;

import org.axonframework.serialization.Revision;

/**
 * The erasure of one subject's personal data. {@link PersonalDataErased} is the fact the event store keeps: the keys
 * of the subject's streams are deleted on it, so their personal fields read as erased from then on, in every view,
 * export and replay, while the stored (encrypted) events and their hash chain stay as they were.
 */
public final class ErasureEvents {

    private ErasureEvents() {
    }

    @Revision("1")
    public record ErasureRequested(String subjectId, String subjectName, String requestedBy, String reason) {
    }

    @Revision("1")
    public record PersonalDataErased(String subjectId, String subjectName, String requestedBy, String approvedBy,
                                     String reason) {
    }
}
