package cn.talentportal.projections.search;

import cn.talentportal.projections.shared.BatchedWrites.BatchedWriter;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search index writes of one processor batch, sent as one bulk request when the batch's last event is handled:
 * one request per event made the index fall behind commands at a few dozen per second. Only the last write of each
 * opening counts (every write is a whole document or a removal), so a batch that publishes and closes an opening
 * sends only the removal.
 */
final class IndexWrites implements BatchedWriter {

    private final ElasticsearchClient client;
    private final String physicalIndex;
    /** Per opening id, the document it ends the batch as, or empty for a removal. */
    private final Map<String, Optional<OpeningDocument>> pending = new LinkedHashMap<>();

    IndexWrites(ElasticsearchClient client, String physicalIndex) {
        this.client = client;
        this.physicalIndex = physicalIndex;
    }

    void put(OpeningDocument document) {
        pending.remove(document.openingId());
        pending.put(document.openingId(), Optional.of(document));
    }

    void remove(String openingId) {
        pending.remove(openingId);
        pending.put(openingId, Optional.empty());
    }

    /** What this batch has written for the opening so far: null when nothing, empty when it was removed. */
    Optional<OpeningDocument> pendingFor(String openingId) {
        return pending.get(openingId);
    }

    @Override
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>(pending.size());
        pending.forEach((openingId, document) -> operations.add(document
                .map(d -> BulkOperation.of(o -> o.index(i -> i.index(physicalIndex).id(openingId).document(d))))
                .orElseGet(() -> BulkOperation.of(o -> o.delete(d -> d.index(physicalIndex).id(openingId))))));
        try {
            // searchable at once: the engine refreshes every second by itself, which alone would use most of the
            // 1.5 s a published opening may take to be found; one refresh per batch, not per opening
            BulkResponse response = client.bulk(b -> b.refresh(Refresh.True).operations(operations));
            // removing an opening that is not in the index answers not_found without an error: harmless
            List<String> refused = response.items().stream().filter(item -> item.error() != null)
                    .map(IndexWrites::describe).toList();
            if (!refused.isEmpty()) {
                throw new IllegalStateException("The search index refused " + refused.size() + " of "
                        + operations.size() + " writes, first: " + refused.getFirst());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index could not be written", e);
        }
        pending.clear();
    }

    private static String describe(BulkResponseItem item) {
        return item.id() + ": " + item.error().type() + " " + item.error().reason();
    }
}
