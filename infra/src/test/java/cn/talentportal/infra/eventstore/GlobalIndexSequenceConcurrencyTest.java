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
}
