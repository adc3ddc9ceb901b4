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

/** A processor's stream as batches: read one after the other while they are full (behind the head). */
final class TrackedBatches {

    /**
     * What one read gives: its items, the token of the last event it read (null: it found none), and whether it is
     * "full": more events were allocated after it, so the reader is behind the head.
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
            private boolean atHead;

            /**
             * Reads on while batches are full. A batch that is not full reached the head: once it is delivered, the
             * next call answers "nothing more for now" without asking the store again (Axon's event store polls
             * again when an append is announced or after its delay); a call after that reads again, so a consumer
             * that keeps the iterator (Axon without optimized event consumption) goes on when events arrive.
             */
            @Override
            public boolean hasNext() {
                while (!batch.hasNext()) {
                    if (atHead) {
                        atHead = false;
                        return false;
                    }
                    Batch<T> next = reader.read(lastToken, batchSize);
                    if (next.lastToken() != null) {
                        lastToken = next.lastToken();
                        batch = next.items().iterator();
                    }
                    // An upcaster may drop every event of a full batch: that is not the end, read on.
                    atHead = !next.full() || next.lastToken() == null;
                }
                return true;
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
