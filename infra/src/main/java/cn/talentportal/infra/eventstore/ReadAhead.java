package cn.talentportal.infra.eventstore;

import org.axonframework.eventhandling.TrackingToken;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads the batch after a full one on another thread, while the caller works on the full one (decision 0036): for a
 * processor that is behind, reading (the server's lookups, the BSON decoding, the upcasting) and handling then share
 * the machine's cores instead of taking turns on one. A batch that is not full means the reader is at the head:
 * nothing is read ahead there, so a caught-up processor costs no extra reads.
 */
final class ReadAhead<T> implements TrackedBatches.Reader<T>, AutoCloseable {

    private final TrackedBatches.Reader<T> reader;
    private final Executor executor;
    private TrackingToken aheadFrom;
    private CompletableFuture<TrackedBatches.Batch<T>> ahead;

    ReadAhead(TrackedBatches.Reader<T> reader, Executor executor) {
        this.reader = reader;
        this.executor = executor;
    }

    @Override
    public synchronized TrackedBatches.Batch<T> read(TrackingToken after, int batchSize) {
        CompletableFuture<TrackedBatches.Batch<T>> readAhead = null;
        if (ahead != null && Objects.equals(aheadFrom, after)) {
            // Taken before it is awaited: a failed read ahead is not kept to fail a retry from the same token.
            readAhead = ahead;
            ahead = null;
            aheadFrom = null;
        } else {
            dropReadAhead();
        }
        TrackedBatches.Batch<T> batch = readAhead != null ? await(readAhead) : reader.read(after, batchSize);
        if (batch.full() && batch.lastToken() != null) {
            // The token after this batch is known now; the events after it do not depend on how this one is handled.
            TrackingToken from = batch.lastToken();
            aheadFrom = from;
            ahead = CompletableFuture.supplyAsync(() -> reader.read(from, batchSize), executor);
        }
        return batch;
    }

    /**
     * The stream is closed (the processor stopped): a batch read ahead is left to finish and dropped, and so are the
     * reads ahead of the reader it reads from.
     */
    @Override
    public synchronized void close() throws Exception {
        dropReadAhead();
        if (reader instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private void dropReadAhead() {
        if (ahead != null) {
            ahead.cancel(false);
            ahead = null;
            aheadFrom = null;
        }
    }

    /** The batch read ahead; a failure surfaces as it would have from a read on the caller's thread. */
    private static <T> TrackedBatches.Batch<T> await(CompletableFuture<TrackedBatches.Batch<T>> batch) {
        try {
            return batch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
