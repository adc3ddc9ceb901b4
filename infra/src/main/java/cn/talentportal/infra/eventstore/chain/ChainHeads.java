package cn.talentportal.infra.eventstore.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Digests over chain heads, bucketed so an anchor stays small however many aggregates there are and still points at
 * the aggregate that differs: each aggregate falls into one of {@link #BUCKETS} buckets (by a hash of its identifier);
 * a bucket's digest is SHA-256 over its heads sorted by aggregate identifier, each as (UTF-8 length, identifier,
 * sequence number, 32-byte hash); the heads digest is SHA-256 over the bucket digests in bucket order.
 */
final class ChainHeads {

    static final int BUCKETS = 1024;
    static final HexFormat HEX = HexFormat.of();

    /** The last event of an aggregate's chain (events without an aggregate are chains of one, keyed by {@link #looseKey}). */
    record Head(String aggregateId, long sequenceNumber, String hash) {
    }

    private ChainHeads() {
    }

    /** Chain key of an event that belongs to no aggregate. */
    static String looseKey(String eventIdentifier, long globalIndex) {
        return "~event:" + (eventIdentifier != null ? eventIdentifier : "#" + globalIndex);
    }

    static int bucketOf(String aggregateId, int buckets) {
        byte[] digest = sha256().digest(aggregateId.getBytes(StandardCharsets.UTF_8));
        int value = ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
                | (digest[3] & 0xff);
        return Integer.remainderUnsigned(value, buckets);
    }

    /** Heads grouped by bucket, each bucket sorted by aggregate identifier. */
    static List<List<Head>> byBucket(Collection<Head> heads, int buckets) {
        List<List<Head>> grouped = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            grouped.add(new ArrayList<>());
        }
        for (Head head : heads) {
            grouped.get(bucketOf(head.aggregateId(), buckets)).add(head);
        }
        for (List<Head> bucket : grouped) {
            bucket.sort(Comparator.comparing(Head::aggregateId));
        }
        return grouped;
    }

    static byte[] bucketDigest(List<Head> sortedHeads) {
        MessageDigest digest = sha256();
        for (Head head : sortedHeads) {
            byte[] id = head.aggregateId().getBytes(StandardCharsets.UTF_8);
            digest.update(intBytes(id.length));
            digest.update(id);
            digest.update(longBytes(head.sequenceNumber()));
            digest.update(hashBytes(head.hash()));
        }
        return digest.digest();
    }

    /** All bucket digests, concatenated (32 bytes per bucket). */
    static byte[] bucketDigests(List<List<Head>> byBucket) {
        byte[] all = new byte[byBucket.size() * 32];
        for (int bucket = 0; bucket < byBucket.size(); bucket++) {
            System.arraycopy(bucketDigest(byBucket.get(bucket)), 0, all, bucket * 32, 32);
        }
        return all;
    }

    static String headsDigest(byte[] bucketDigests) {
        return HEX.formatHex(sha256().digest(bucketDigests));
    }

    /** The heads digest of {@code heads}, as an anchor of them would record it. */
    static String headsDigest(Collection<Head> heads) {
        return headsDigest(bucketDigests(byBucket(heads, BUCKETS)));
    }

    private static byte[] hashBytes(String hash) {
        if (hash != null && hash.length() == 64) {
            try {
                return HEX.parseHex(hash);
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        return ("malformed:" + hash).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] intBytes(int value) {
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (56 - 8 * i));
        }
        return bytes;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
