package cn.talentportal.infra.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The links of the event store's hash chain (decision 0015): {@code hash = SHA-256(previousHash ‖ canonical form)},
 * hex encoded, where {@code previousHash} is the hash of the aggregate's event at {@code sequenceNumber - 1}, or
 * {@link #GENESIS} for its first event (and for an event without an aggregate).
 * <p>
 * The canonical form, version 1, is unambiguous without any JSON re-serialisation: one version byte {@code 1}, then
 * in this order
 * <ol>
 * <li>global index (the {@code _id}): 8 bytes big-endian</li>
 * <li>aggregate type, aggregate identifier: strings</li>
 * <li>sequence number: 8 bytes</li>
 * <li>event identifier: string</li>
 * <li>timestamp, epoch milliseconds: 8 bytes</li>
 * <li>payload type, payload revision, payload JSON, metadata JSON: strings, exactly as stored</li>
 * <li>sealed-at (events linked after the fact): one byte 0 (absent) or 1 followed by 8 bytes of epoch millis</li>
 * </ol>
 * A string is its UTF-8 length as 4 bytes big-endian followed by its UTF-8 bytes; null is the length -1.
 */
public final class EventChainHash {

    /** The link before an aggregate's first event: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(EventChainHash::sha256);

    private EventChainHash() {
    }

    /** The hash of {@code event} linked after {@code previousHash} (hex); the event's own hash fields are ignored. */
    public static String hash(String previousHash, StoredEvent event) {
        return HEX.formatHex(hashBytes(previousHash, event, event.sequenceNumber()));
    }

    /**
     * The hash {@code event} would have if it were stored at {@code sequenceNumber} (the verifier asks this to tell a
     * reordered event from an edited one).
     */
    public static String hashAt(String previousHash, StoredEvent event, long sequenceNumber) {
        return HEX.formatHex(hashBytes(previousHash, event, sequenceNumber));
    }

    /** Whether the event's stored hash is the hash of its stored previous link and its stored content. */
    public static boolean recomputes(StoredEvent event) {
        return event.isLinked() && event.hash().equals(hash(event.previousHash(), event));
    }

    private static byte[] hashBytes(String previousHash, StoredEvent event, long sequenceNumber) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(previousLink(previousHash));
        Canonical out = new Canonical(256 + length(event.payload()) + length(event.metaData()));
        out.writeByte(VERSION);
        out.writeLong(event.globalIndex());
        out.writeString(event.type());
        out.writeString(event.aggregateIdentifier());
        out.writeLong(sequenceNumber);
        out.writeString(event.eventIdentifier());
        out.writeLong(event.timestampMillis());
        out.writeString(event.payloadType());
        out.writeString(event.payloadRevision());
        out.writeString(event.payload());
        out.writeString(event.metaData());
        if (event.sealedAtMillis() == null) {
            out.writeByte((byte) 0);
        } else {
            out.writeByte((byte) 1);
            out.writeLong(event.sealedAtMillis());
        }
        digest.update(out.bytes, 0, out.size);
        return digest.digest();
    }

    /** 32 bytes; a malformed stored link (not 64 hex digits) is hashed as its UTF-8 text, so it cannot match. */
    private static byte[] previousLink(String previousHash) {
        if (previousHash != null && previousHash.length() == 64) {
            try {
                return HEX.parseHex(previousHash);
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        return ("malformed:" + previousHash).getBytes(StandardCharsets.UTF_8);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length() * 3;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** A growable byte buffer with the canonical form's encodings. */
    private static final class Canonical {
        private byte[] bytes;
        private int size;

        Canonical(int capacity) {
            bytes = new byte[capacity];
        }

        void writeByte(byte value) {
            ensure(1);
            bytes[size++] = value;
        }

        void writeInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void writeString(String value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                byte[] grown = new byte[Math.max(bytes.length * 2, size + more)];
                System.arraycopy(bytes, 0, grown, 0, size);
                bytes = grown;
            }
        }
    }
}
