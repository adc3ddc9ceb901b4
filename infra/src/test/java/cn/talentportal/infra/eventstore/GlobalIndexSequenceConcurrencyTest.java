package cn.talentportal.infra.eventstore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global indexes are never handed out twice, whatever the number of concurrent writers: on the embedded server
 * (whose findAndModify is not atomic under concurrent connections) as on a real MongoDB.
 */
class GlobalIndexSequenceConcurrencyTest {

    @TempDir
    Path dataDir;

    @Test
    void concurrent_writers_never_share_an_index() throws Exception {
        try (EmbeddedStore store = new EmbeddedStore(dataDir)) {
            GlobalIndexSequence sequence = store.sequence();
            sequence.ensureCounter();
            Set<Long> allocated = ConcurrentHashMap.newKeySet();
            List<Long> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                // several instances, as several engines (nodes) on one store
                GlobalIndexSequence own = w % 2 == 0 ? sequence : store.sequence();
                writers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 300; i++) {
                            long first = own.allocate(2);
                            for (long index = first; index < first + 2; index++) {
                                if (!allocated.add(index)) {
                                    duplicates.add(index);
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            start.countDown();
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(duplicates).as("indexes handed out twice").isEmpty();
            assertThat(allocated).hasSize(8 * 300 * 2);
            assertThat(sequence.lastAllocated()).isEqualTo(8 * 300 * 2);
        }
    }

    @Test
    void writers_that_arrive_during_an_increment_share_the_next_one() throws Exception {
        try (EmbeddedStore store = new EmbeddedStore(dataDir)) {
            GlobalIndexSequence sequence = store.sequence();
            sequence.ensureCounter();
            sequence.allocate(5);
            long incrementsBefore = sequence.increments();
            List<Long> firsts = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> writers = new ArrayList<>();
            // another writer's increment under way: the lock is taken
            GlobalIndexSequence.allocationLock().lock();
            try {
                for (int w = 0; w < 4; w++) {
                    writers.add(Thread.ofPlatform().start(() -> firsts.add(sequence.allocate(3))));
                }
                awaitWaiting(sequence, 4);
            } finally {
                GlobalIndexSequence.allocationLock().unlock();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(sequence.increments() - incrementsBefore).as("increments for the four writers").isEqualTo(1);
            assertThat(firsts.stream().sorted().toList()).containsExactly(6L, 9L, 12L, 15L);
            assertThat(sequence.lastAllocated()).isEqualTo(17);
        }
    }

    @Test
    void a_failed_increment_fails_every_writer_it_served() throws Exception {
        try (EmbeddedStore store = new EmbeddedStore(dataDir)) {
            GlobalIndexSequence sequence = store.sequence();
            // no counter document: the increment finds nothing to update
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> writers = new ArrayList<>();
            GlobalIndexSequence.allocationLock().lock();
            try {
                for (int w = 0; w < 3; w++) {
                    writers.add(Thread.ofPlatform().start(() -> {
                        try {
                            sequence.allocate(1);
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }));
                }
                awaitWaiting(sequence, 3);
            } finally {
                GlobalIndexSequence.allocationLock().unlock();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(failures).hasSize(3).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("counter is missing"));
            assertThat(sequence.waiting()).isZero();
        }
    }

    private static void awaitWaiting(GlobalIndexSequence sequence, int writers) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (sequence.waiting() < writers) {
            assertThat(System.nanoTime()).as("writers waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
        // queued, and now blocked on the lock (or about to be): give them a moment to reach it
        Thread.sleep(50);
    }
}
