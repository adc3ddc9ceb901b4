package cn.talentportal.projections.dossier;

import java.time.Instant;

/** A stored event as the replay reads it: its stream, position, timestamp and payload. */
public record ReplayedEvent(String aggregateId, long sequenceNumber, Instant timestamp, Object payload) {

    DossierEvent described() {
        return new DossierEvent(aggregateId, sequenceNumber, timestamp, payload.getClass().getSimpleName());
    }
}
