package cn.talentportal.infra.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last known chain link of recently used aggregates (aggregate identifier → sequence number and hash), so that an
 * append usually finds the link to continue from without a read. Filled by appends and by aggregate loads; bounded,
 * least recently used first out. An entry is used only when its sequence number is exactly the one before the
 * appended event: another portal node may have appended since, and then the engine looks the link up.
 */
final class ChainLinkCache {

    private record Link(long sequenceNumber, String hash) {
    }

    private final Map<String, Link> links;

    ChainLinkCache(int capacity) {
        this.links = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The hash of the aggregate's event at {@code sequenceNumber - 1} if known here, else null. */
    synchronized String linkBefore(String aggregateIdentifier, long sequenceNumber) {
        Link link = links.get(aggregateIdentifier);
        return link != null && link.sequenceNumber() == sequenceNumber - 1 ? link.hash() : null;
    }

    /** Remembers the aggregate's event at {@code sequenceNumber}, unless a later one is known already. */
    synchronized void record(String aggregateIdentifier, long sequenceNumber, String hash) {
        if (hash == null) {
            return;
        }
        Link known = links.get(aggregateIdentifier);
        if (known == null || known.sequenceNumber() <= sequenceNumber) {
            links.put(aggregateIdentifier, new Link(sequenceNumber, hash));
        }
    }

    synchronized void forget(String aggregateIdentifier) {
        links.remove(aggregateIdentifier);
    }
}
