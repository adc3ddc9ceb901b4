package cn.talentportal.projections.candidate;

import java.time.Instant;

/** One stored event of a candidate's history with who did it, in what role, from where and why. */
public record HistoryEntry(long sequenceNumber, Instant timestamp, String eventType, Object payload, String actorId,
                           String actorName, String actorRole, String reason, String clientAddress,
                           String correlationId) {
}
