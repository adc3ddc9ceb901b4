package cn.talentportal.infra.eventstore.chain;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one verification of the event store's hash chain.
 *
 * @param intact            true when no break was found
 * @param eventsChecked     events read and recomputed
 * @param breaks            every break found, ordered by aggregate and sequence number (at most
 *                          {@link EventChainVerifier#MAX_BREAKS}; see {@code breaksOmitted})
 * @param headDigest        digest over the heads (aggregate, sequence number, hash) of the verified chains, hex: equal
 *                          to an anchor's {@code headsDigest} when the store was verified up to that anchor's position
 *                          and nothing changed
 * @param verifiedAt        when the verification finished
 * @param eventsSealedLater events stored before the chain existed and linked into it afterwards (at start-up): their
 *                          chain proves them unchanged only since {@code lastSealedAt}
 * @param lastSealedAt      latest sealing time among those events, null when there are none
 * @param anchor            the anchor the store was also compared with, null when none
 * @param breaksOmitted     breaks found beyond the report's limit
 */
public record ChainVerificationReport(boolean intact, long eventsChecked, List<ChainBreak> breaks, String headDigest,
                                      Instant verifiedAt, long eventsSealedLater, Instant lastSealedAt,
                                      ChainAnchor anchor, long breaksOmitted) {

    public ChainVerificationReport {
        breaks = List.copyOf(breaks);
    }

    /** The breaks of one kind. */
    public List<ChainBreak> breaks(ChainBreak.Kind kind) {
        return breaks.stream().filter(b -> b.kind() == kind).toList();
    }
}
