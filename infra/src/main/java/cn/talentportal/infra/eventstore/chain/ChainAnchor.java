package cn.talentportal.infra.eventstore.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A signed statement of the heads of all chains of the event store as of a global index: "up to {@code position},
 * the store held {@code events} events in {@code aggregates} chains whose heads digest to {@code headsDigest}".
 *
 * @param number         anchors are numbered from 1 in the order they were made
 * @param position       the last global index the anchor covers (the counter when it was made)
 * @param createdAt      when it was made
 * @param aggregates     chains (aggregates, plus one per event without an aggregate) with an event up to position
 * @param events         events up to position
 * @param storeIntact    whether the verification made with the anchor found the store intact (an anchor records
 *                       the store as it was, breaks included; they are reported when it is made)
 * @param breaks         breaks that verification found
 * @param pendingIds     global indexes up to position that were allocated but not written when the anchor was made
 *                       (appends in flight, or failed ones): events that arrive there later are not the anchor's
 * @param buckets        number of head buckets
 * @param headsDigest    digest over the bucket digests, hex (see {@code ChainHeads})
 * @param keyFingerprint SHA-256 of the signing public key (X.509 encoding), hex
 * @param signature      Ed25519 signature of {@link #statement()}, base64
 */
public record ChainAnchor(long number, long position, Instant createdAt, long aggregates, long events,
                          boolean storeIntact, long breaks, List<Long> pendingIds, int buckets, String headsDigest,
                          String keyFingerprint, String signature) {

    public ChainAnchor {
        pendingIds = List.copyOf(pendingIds);
    }

    /** The signed bytes: every field but the signature, length-prefixed. */
    byte[] statement() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "talentportal-event-chain-anchor-1");
        out.writeBytes(ChainHeads.longBytes(number));
        out.writeBytes(ChainHeads.longBytes(position));
        out.writeBytes(ChainHeads.longBytes(createdAt.toEpochMilli()));
        out.writeBytes(ChainHeads.longBytes(aggregates));
        out.writeBytes(ChainHeads.longBytes(events));
        out.write(storeIntact ? 1 : 0);
        out.writeBytes(ChainHeads.longBytes(breaks));
        out.writeBytes(ChainHeads.intBytes(pendingIds.size()));
        for (Long id : pendingIds) {
            out.writeBytes(ChainHeads.longBytes(id));
        }
        out.writeBytes(ChainHeads.intBytes(buckets));
        write(out, headsDigest);
        write(out, keyFingerprint);
        return out.toByteArray();
    }

    ChainAnchor signed(String signature) {
        return new ChainAnchor(number, position, createdAt, aggregates, events, storeIntact, breaks, pendingIds,
                buckets, headsDigest, keyFingerprint, signature);
    }

    private static void write(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ChainHeads.intBytes(bytes.length));
        out.writeBytes(bytes);
    }
}
