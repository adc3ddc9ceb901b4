package cn.talentportal.infra.eventstore.chain;

import cn.talentportal.infra.eventstore.StoredEvent;

/**
 * A stored event as the verifier reads it: the event, its {@code streamKey}, or why its document could not be read.
 *
 * @param event     the event (for an unreadable document only its global index, if any, is known)
 * @param streamKey the stored {@code streamKey}, null when absent
 * @param malformed null, or what made the document unreadable (a field of the wrong BSON type)
 */
record ChainedEvent(StoredEvent event, String streamKey, String malformed) {

    String aggregateId() {
        return event.aggregateIdentifier();
    }

    long sequenceNumber() {
        return event.sequenceNumber();
    }

    long globalIndex() {
        return event.globalIndex();
    }

    /** Whether the stream key is the one the engine writes (aggregate loads find the event by it). */
    boolean streamKeyMatches() {
        return event.aggregateIdentifier() == null
                ? streamKey == null
                : StoredEvent.streamKey(event.aggregateIdentifier(), event.sequenceNumber()).equals(streamKey);
    }
}
