package cn.talentportal.infra.eventstore.chain;

/**
 * One place where the event store does not match its hash chain (or an anchor), naming the event.
 *
 * @param kind           what was found
 * @param aggregateId    the aggregate (null for an event without an aggregate, or for a break of an anchor itself)
 * @param sequenceNumber the sequence number concerned: of the edited, inserted or reordered event as stored, or the
 *                       missing one for a deletion (-1 when no event is concerned, {@link Kind#ANCHOR_INVALID})
 * @param globalIndex    the stored event's global index ({@code _id}); null for a deleted event
 * @param detail         what exactly did not match, in English, for the auditor
 */
public record ChainBreak(Kind kind, String aggregateId, long sequenceNumber, Long globalIndex, String detail) {

    public enum Kind {
        /** The event's content (payload, metadata or any hashed field) changed after it was linked. */
        EDITED,
        /** No event at this sequence number, although the chain (or an anchor) says there was one. */
        DELETED,
        /** An event that does not belong in the chain: it does not link, or appeared before an anchor after it. */
        INSERTED,
        /** A genuine event stored at another sequence number than the one it was appended with. */
        REORDERED,
        /** The aggregate's chain was rewritten with recomputed hashes: its head differs from the anchor's. */
        REWRITTEN,
        /** An event without a chain link: stored before the chain existed and never sealed, or written by hand. */
        UNSEALED,
        /** An anchor whose signature or recorded heads do not verify: the anchor itself was altered or forged. */
        ANCHOR_INVALID
    }

    @Override
    public String toString() {
        return kind + " " + (aggregateId == null ? "-" : aggregateId) + "@" + sequenceNumber
                + (globalIndex == null ? "" : " #" + globalIndex) + ": " + detail;
    }
}
