package cn.talentportal.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads one aggregate's events by exact {@code streamKey} lookups ({@code "<aggregate>/<sequence>"}): batches of
 * {@code streamKey $in [...]} that start at {@code firstBatchSize} keys and double up to {@code maxBatchSize}, until a
 * batch comes back short. Cost depends on the aggregate's length, not on the size of the store.
 */
final class AggregateStreamReader {

    private static final Comparator<StoredEvent> BY_SEQUENCE = Comparator.comparingLong(StoredEvent::sequenceNumber);

    private final MongoCollection<StoredEvent> events;
    private final int firstBatchSize;
    private final int maxBatchSize;
    private final ChainLinkCache chainLinks;

    AggregateStreamReader(MongoCollection<StoredEvent> events, int firstBatchSize, int maxBatchSize) {
        this(events, firstBatchSize, maxBatchSize, new ChainLinkCache(0));
    }

    /** @param chainLinks told the last link of every batch read, for the next append's chain link */
    AggregateStreamReader(MongoCollection<StoredEvent> events, int firstBatchSize, int maxBatchSize,
                          ChainLinkCache chainLinks) {
        this.events = events;
        this.firstBatchSize = firstBatchSize;
        this.maxBatchSize = Math.max(firstBatchSize, maxBatchSize);
        this.chainLinks = chainLinks;
    }

    Stream<StoredEvent> read(String aggregateIdentifier, long firstSequenceNumber) {
        Iterator<StoredEvent> iterator = new Iterator<>() {
            private long nextSequence = firstSequenceNumber;
            private int batchSize = firstBatchSize;
            private Iterator<StoredEvent> batch = List.<StoredEvent>of().iterator();
            private boolean lastBatchRead;

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && !lastBatchRead) {
                    List<StoredEvent> found = fetch(aggregateIdentifier, nextSequence, batchSize);
                    lastBatchRead = found.size() < batchSize;
                    nextSequence += batchSize;
                    batchSize = Math.min(batchSize * 2, maxBatchSize);
                    batch = found.iterator();
                }
                return batch.hasNext();
            }

            @Override
            public StoredEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The aggregate's highest sequence number, found with two or three lookups: probe 0, 1, 3, 7, ... 2^62-1 at once,
     * then up to 1,000 evenly spread keys between the highest hit and the lowest miss, until they are adjacent.
     * Relies on an aggregate's sequence numbers being contiguous from 0, as Axon writes them.
     */
    Optional<Long> lastSequenceNumber(String aggregateIdentifier) {
        List<Long> probes = new ArrayList<>();
        for (int bits = 0; bits < 63; bits++) {
            probes.add((1L << bits) - 1);
        }
        long highestPresent = -1;
        long lowestMissing = Long.MAX_VALUE;
        while (true) {
            Set<Long> present = existingSequenceNumbers(aggregateIdentifier, probes);
            for (Long probe : probes) {
                if (present.contains(probe)) {
                    highestPresent = Math.max(highestPresent, probe);
                } else if (probe > highestPresent) {
                    lowestMissing = Math.min(lowestMissing, probe);
                }
            }
            if (highestPresent < 0) {
                return Optional.empty();
            }
            if (lowestMissing - highestPresent <= 1) {
                return Optional.of(highestPresent);
            }
            probes = spread(highestPresent + 1, lowestMissing - 1, 1000);
        }
    }

    private static List<Long> spread(long from, long to, int count) {
        long span = to - from + 1;
        List<Long> points = new ArrayList<>();
        if (span <= count) {
            for (long value = from; value <= to; value++) {
                points.add(value);
            }
        } else {
            double step = (double) span / count;
            for (int i = 0; i < count; i++) {
                points.add(from + (long) (i * step));
            }
        }
        return points;
    }

    private Set<Long> existingSequenceNumbers(String aggregateIdentifier, List<Long> sequenceNumbers) {
        List<String> keys = sequenceNumbers.stream().map(n -> StoredEvent.streamKey(aggregateIdentifier, n)).toList();
        Set<Long> present = new HashSet<>();
        for (StoredEvent event : events.find(Filters.in(EventFields.STREAM_KEY, keys))
                .projection(Projections.include(EventFields.SEQUENCE_NUMBER))) {
            present.add(event.sequenceNumber());
        }
        return present;
    }

    private List<StoredEvent> fetch(String aggregateIdentifier, long firstSequence, int count) {
        List<String> keys = new ArrayList<>(count);
        for (long sequence = firstSequence; sequence < firstSequence + count; sequence++) {
            keys.add(StoredEvent.streamKey(aggregateIdentifier, sequence));
        }
        List<StoredEvent> found = events.find(Filters.in(EventFields.STREAM_KEY, keys)).into(new ArrayList<>(count));
        found.sort(BY_SEQUENCE);
        if (!found.isEmpty()) {
            StoredEvent last = found.get(found.size() - 1);
            chainLinks.record(aggregateIdentifier, last.sequenceNumber(), last.hash());
        }
        return found;
    }
}
