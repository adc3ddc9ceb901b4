package cn.talentportal.projections.shared;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The batching rule on its own: a recording collection stands in for MongoDB. */
class BatchedWritesTest {

    private final List<List<? extends WriteModel<Document>>> bulkWrites = new ArrayList<>();
    private final MongoCollection<Document> collection = recordingCollection();
    private final FlushBatchedWrites interceptor = new FlushBatchedWrites();

    @Test
    void a_batch_is_written_once_after_its_last_event_in_event_order() throws Exception {
        List<EventMessage<?>> events = List.of(event("a"), event("b"), event("c"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<Integer> writesSeenWhileHandling = new ArrayList<>();

        batch.executeWithResult(() -> {
            String id = (String) batch.getMessage().getPayload();
            return interceptor.handle(batch, () -> {
                BatchedWrites.replace(collection, id, new Document("name", id));
                writesSeenWhileHandling.add(bulkWrites.size());
                return null;
            });
        });

        assertThat(writesSeenWhileHandling).as("nothing written while the batch is handled").containsOnly(0);
        assertThat(bulkWrites).singleElement().satisfies(models -> assertThat(models)
                .extracting(m -> ((ReplaceOneModel<Document>) m).getReplacement().getString("_id"))
                .containsExactly("a", "b", "c"));
    }

    @Test
    void a_batch_whose_writes_were_never_flushed_refuses_to_commit() {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event("a")));
        var result = batch.executeWithResult(() -> {
            BatchedWrites.replace(collection, "a", new Document("name", "a"));
            return null;
        });
        assertThat(result.isExceptional()).as("commit refused").isTrue();
        assertThat(result.exceptionResult()).hasMessageContaining("FlushBatchedWrites");
        assertThat(bulkWrites).isEmpty();
    }

    @Test
    void outside_a_batch_a_write_goes_out_at_once() {
        BatchedWrites.replace(collection, "x", new Document("name", "x"));
        assertThat(bulkWrites).hasSize(1);
    }

    private static EventMessage<?> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    @SuppressWarnings("unchecked")
    private MongoCollection<Document> recordingCollection() {
        MongoCollection<Document> recording = mock(MongoCollection.class);
        when(recording.getNamespace()).thenReturn(new MongoNamespace("talent", "things"));
        when(recording.bulkWrite(any(List.class), any(BulkWriteOptions.class))).thenAnswer(call -> {
            bulkWrites.add(List.copyOf((List<WriteModel<Document>>) call.getArgument(0)));
            return null;
        });
        return recording;
    }
}
