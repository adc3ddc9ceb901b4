package cn.talentportal.projections.privacy;

import cn.talentportal.domain.privacy.ExportFormat;
import cn.talentportal.domain.privacy.PersonalDataCategory;
import java.time.Instant;

/**
 * One access to a person's data: when, whose, who (actor, role, client address from the event's audit metadata) and
 * why. For an {@link Kind#ACCESS} {@code what} says which data was opened; for an {@link Kind#EXPORT} the history was
 * exported whole ({@code what} is {@code FULL_HISTORY}) in {@code format}, as of {@code asOf}, checked against the
 * hash chain's {@code chainHead}; those three are null for an access.
 */
public record AccessTrailEntry(String eventId, Instant at, Kind kind, String subjectId, String subjectName,
                               PersonalDataCategory what, String reason, String actorId, String actorName,
                               String actorRole, String clientAddress, ExportFormat format, Instant asOf,
                               String chainHead) {

    public enum Kind {
        ACCESS, EXPORT
    }
}
