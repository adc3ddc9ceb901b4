package cn.talentportal.infra.eventstore.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Chain anchors (decision 0015): signed records of the heads of all chains as of a global index, made periodically
 * ({@link ChainAnchorScheduler}) and on demand. Verifying the store against an anchor proves it as of that anchor's
 * date: tail deletions, backdated insertions and chains rewritten with recomputed hashes show as differing heads.
 */
public class ChainAnchors {

    private static final Logger logger = LoggerFactory.getLogger(ChainAnchors.class);

    private final EventChainVerifier verifier;
    private final AnchorStore store;
    private final Clock clock;

    ChainAnchors(EventChainVerifier verifier, AnchorStore store, Clock clock) {
        this.verifier = verifier;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Verifies the whole store (against the previous anchor) and records a new anchor of its heads up to the last
     * allocated global index. The anchor records the store as found, with the number of breaks (logged).
     */
    public ChainAnchor anchorNow() {
        return anchorNow(VerificationProgress.NONE);
    }

    public ChainAnchor anchorNow(VerificationProgress progress) {
        EventChainVerifier.StoreScan scan = verifier.scan(latest().orElse(null), progress);
        ChainVerificationReport report = scan.report();
        // Millisecond precision: what the anchor document stores and the signature covers.
        ChainAnchor anchor = store.save(scan.lastIndex(), clock.instant().truncatedTo(ChronoUnit.MILLIS), report.eventsChecked(), report.intact(),
                report.breaks().size() + report.breaksOmitted(), scan.pendingIds(), scan.heads());
        if (report.intact()) {
            logger.info("Chain anchor {}: {} chains, {} events up to global index {}, heads digest {}",
                    anchor.number(), anchor.aggregates(), anchor.events(), anchor.position(), anchor.headsDigest());
        } else {
            logger.error("Chain anchor {} made over a store with {} break(s); first: {}", anchor.number(),
                    anchor.breaks(), report.breaks().get(0));
        }
        return anchor;
    }

    /** All anchors, newest first. */
    public List<ChainAnchor> anchors() {
        return store.all();
    }

    public Optional<ChainAnchor> latest() {
        return store.all().stream().findFirst();
    }

    /** Whether the anchor's signature verifies with the portal's key (or a trusted earlier one): null if so. */
    public String signatureProblem(ChainAnchor anchor) {
        return store.signatureProblem(anchor);
    }
}
