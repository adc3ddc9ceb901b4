package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.TrackingToken;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A processor's stream as batches: read one after the other until one is not full (the head). */
final class TrackedBatches {

    /**
     * What one read gives: its items, the token of the last event it read (null: it found none, the end of the stream
     * for now), and whether its window was full (the reader is behind the head).
     */
    record Batch<T>(List<T> items, TrackingToken lastToken, boolean full) {
    }

    /** Reads the batch of events after a token (null: from the start). */
    @FunctionalInterface
    interface Reader<T> {
        Batch<T> read(TrackingToken after, int batchSize);
    }

    private TrackedBatches() {
    }

    /** The items of batch after batch from {@code reader}; closing the stream closes a reader that can be closed. */
    static <T> Stream<T> stream(TrackingToken from, int batchSize, Reader<T> reader) {
        Iterator<T> items = new Iterator<>() {
            private TrackingToken lastToken = from;
            private Iterator<T> batch = Collections.emptyIterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                // A loop: an upcaster may drop every event of a batch, which then holds no items but is not the end.
                while (!batch.hasNext() && !exhausted) {
                    Batch<T> next = reader.read(lastToken, batchSize);
                    // A batch that is not full reached the head: the stream ends with it rather than asking once more
                    // for what is not there yet (Axon polls again when an append is announced or after its delay).
                    exhausted = !next.full();
                    if (next.lastToken() != null) {
                        lastToken = next.lastToken();
                        batch = next.items().iterator();
                    }
                }
                return batch.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
        Stream<T> stream = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
        return reader instanceof AutoCloseable closeable ? stream.onClose(() -> close(closeable)) : stream;
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
