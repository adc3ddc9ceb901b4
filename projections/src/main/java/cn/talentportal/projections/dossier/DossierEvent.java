package cn.talentportal.projections.dossier;

import java.time.Instant;

/** A stored event the dossier was rebuilt from: which stream, which position, when, of which type. */
public record DossierEvent(String aggregateId, long sequenceNumber, Instant timestamp, String eventType) {
}
