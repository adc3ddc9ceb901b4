package cn.talentportal.domain.privacy;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The access trail of one data subject: who opened or exported their personal data, and why. Who is the event's
 * actor (audit metadata); the events name the subject as they were named at the time, so the trail reads on its own.
 */
public final class PrivacyEvents {

    private PrivacyEvents() {
    }

    @Revision("1")
    public record PersonalDataAccessed(String subjectId, String subjectName, PersonalDataCategory what,
                                       String reason) {
    }

    @Revision("1")
    public record CandidateHistoryExported(String subjectId, String subjectName, ExportFormat format, Instant asOf,
                                           String chainHead, String reason) {
    }
}
