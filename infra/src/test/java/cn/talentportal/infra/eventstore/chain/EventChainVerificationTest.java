package cn.talentportal.infra.eventstore.chain;

import cn.talentportal.infra.eventstore.EventChainHash;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import cn.talentportal.infra.testing.EmbeddedMongo;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static cn.talentportal.infra.eventstore.chain.ChainTestStore.A;
import static cn.talentportal.infra.eventstore.chain.ChainTestStore.B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with raw event documents through the driver, each on a fresh store, and verification naming exactly the
 * event: whole store and per aggregate. An untouched store passes.
 */
class EventChainVerificationTest {

    @TempDir
    Path dir;

    @Test
    void anUntouchedStorePassesAndEveryEventIsLinked() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("untouched"))) {
            ChainVerificationReport report = store.verifier().verifyStore();
            assertThat(report.breaks()).isEmpty();
            assertThat(report.intact()).isTrue();
            assertThat(report.eventsChecked()).isEqualTo(store.count()).isGreaterThan(600);
            assertThat(report.eventsSealedLater()).isZero();
            assertThat(store.raw.countDocuments(Filters.exists("hash", false))).isZero();
            assertThat(store.event(A, 0).getString("previousHash")).isEqualTo(EventChainHash.GENESIS);
            assertThat(store.event(A, 3).getString("previousHash")).isEqualTo(store.event(A, 2).getString("hash"));

            ChainVerificationReport some = store.verifier().verifyAggregates(store.allAggregates());
            assertThat(some.breaks()).isEmpty();
            assertThat(some.eventsChecked()).isEqualTo(store.count());

            // An anchor made now digests the same heads the report did.
            ChainAnchor anchor = store.chain.anchors().anchorNow();
            assertThat(anchor.headsDigest()).isEqualTo(report.headDigest());
            assertThat(anchor.storeIntact()).isTrue();
            assertThat(store.verifier().verifyStore().breaks()).isEmpty();
        }
    }

    @Test
    void anAppendAfterARestartLinksToTheStoredChainWithoutTheCache() {
        Path data = dir.resolve("restart");
        try (ChainTestStore store = new ChainTestStore(data)) {
            store.chain.anchors().anchorNow();
        }
        try (EmbeddedMongo mongo = new EmbeddedMongo(data)) {
            MongoLookupEventStorageEngine engine = mongo.engine();
            engine.appendEvents(List.of(ChainTestStore.note(A, 6)));
            engine.appendEvents(List.of(ChainTestStore.note(A, 7)));
            engine.appendEvents(List.of(ChainTestStore.note(B, 4), ChainTestStore.note(B, 5)));
            assertThat(engine.readEvents(B).asStream().count()).isEqualTo(6);
            engine.appendEvents(List.of(ChainTestStore.note(B, 6)));
        }
        try (ChainTestStore store = new ChainTestStore(data, AnchorSigningKey.generated(), false)) {
            // Signed by another key than this instance's (generated per test store): only that is reported.
            ChainVerificationReport report = store.verifier().verifyStore();
            assertThat(report.breaks()).extracting(ChainBreak::kind).containsOnly(ChainBreak.Kind.ANCHOR_INVALID);
            assertThat(report.breaks()).singleElement().extracting(ChainBreak::detail).asString()
                    .contains("unknown key");
            assertThat(store.verifier().verifyAggregates(List.of(A, B)).breaks())
                    .extracting(ChainBreak::kind).containsOnly(ChainBreak.Kind.ANCHOR_INVALID);
        }
    }

    @Test
    void anEditedPayloadIsNamed() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("payload"))) {
            Document event = store.event(A, 2);
            store.raw.updateOne(Filters.eq("_id", event.get("_id")), Updates.set("payload",
                    event.getString("payload").replace("已落实人才公寓", "未落实人才公寓")));

            assertSingleBreak(store.verifier().verifyStore(), ChainBreak.Kind.EDITED, A, 2, store.globalIndex(A, 2));
            assertSingleBreak(store.verifier().verifyAggregates(List.of(A, B)), ChainBreak.Kind.EDITED, A, 2,
                    store.globalIndex(A, 2));
        }
    }

    @Test
    void anEditedMetadataFieldIsNamed() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("metadata"))) {
            Document event = store.event(A, 4);
            store.raw.updateOne(Filters.eq("_id", event.get("_id")), Updates.set("metaData",
                    event.getString("metaData").replace("specialist-3", "admin-1")));

            assertSingleBreak(store.verifier().verifyStore(), ChainBreak.Kind.EDITED, A, 4, store.globalIndex(A, 4));
            assertSingleBreak(store.verifier().verifyAggregates(List.of(A)), ChainBreak.Kind.EDITED, A, 4,
                    store.globalIndex(A, 4));
        }
    }

    @Test
    void anEditWithARecomputedHashIsNamedByTheNextLink() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("recomputed"))) {
            Document event = store.event(B, 1);
            long id = event.get("_id", Number.class).longValue();
            store.raw.updateOne(Filters.eq("_id", id), Updates.set("payload",
                    event.getString("payload").replace("已落实", "已拒绝")));
            rehash(store, id);

            assertSingleBreak(store.verifier().verifyStore(), ChainBreak.Kind.EDITED, B, 1, id);
        }
    }

    @Test
    void aDeletedMiddleEventIsNamed() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("deleted"))) {
            store.raw.deleteOne(Filters.eq("streamKey", A + "/3"));

            assertSingleBreak(store.verifier().verifyStore(), ChainBreak.Kind.DELETED, A, 3, null);
            assertSingleBreak(store.verifier().verifyAggregates(List.of(A)), ChainBreak.Kind.DELETED, A, 3, null);
        }
    }

    @Test
    void aDeletedTailEventIsOnlySeenAgainstAnAnchor() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("tail-without-anchor"))) {
            store.raw.deleteOne(Filters.eq("streamKey", A + "/5"));
            // The limit of a plain chain: the remaining chain is intact.
            assertThat(store.verifier().verifyStore().breaks()).isEmpty();
        }
        try (ChainTestStore store = new ChainTestStore(dir.resolve("tail-with-anchor"))) {
            ChainAnchor anchor = store.chain.anchors().anchorNow();
            store.raw.deleteOne(Filters.eq("streamKey", A + "/5"));

            ChainVerificationReport report = store.verifier().verifyStore();
            assertSingleBreak(report, ChainBreak.Kind.DELETED, A, 5, null);
            assertThat(report.anchor()).isEqualTo(anchor);
            assertThat(report.breaks().get(0).detail()).contains("anchor " + anchor.number());
            assertSingleBreak(store.verifier().verifyAggregates(List.of(A, B)), ChainBreak.Kind.DELETED, A, 5, null);
        }
    }

    @Test
    void aHeadRewrittenWithARecomputedHashIsSeenAgainstAnAnchor() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("rewritten"))) {
            store.chain.anchors().anchorNow();
            Document head = store.event(B, 3);
            long id = head.get("_id", Number.class).longValue();
            store.raw.updateOne(Filters.eq("_id", id), Updates.set("payload",
                    head.getString("payload").replace("已落实", "已拒绝")));
            rehash(store, id);

            assertSingleBreak(store.verifier().verifyStore(), ChainBreak.Kind.REWRITTEN, B, 3, null);
        }
    }

    @Test
    void aForgedDocumentIsNamedAsInserted() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("forged"))) {
            Document forged = store.event(A, 5);
            long lastId = store.raw.find().sort(new Document("_id", -1)).first().get("_id", Number.class).longValue();
            forged.put("_id", lastId + 1_000);
            forged.put("sequenceNumber", 6L);
            forged.put("streamKey", A + "/6");
            forged.put("eventIdentifier", "forged-1");
            forged.put("payload", forged.getString("payload").replace("已落实", "已放弃"));
            forged.put("previousHash", "ab".repeat(32));
            forged.put("hash", "cd".repeat(32));
            store.raw.insertOne(forged);

            assertSingleBreak(store.verifier().verifyStore(), ChainBreak.Kind.INSERTED, A, 6, lastId + 1_000);
            assertSingleBreak(store.verifier().verifyAggregates(List.of(A)), ChainBreak.Kind.INSERTED, A, 6,
                    lastId + 1_000);
        }
    }

    @Test
    void aForgedDocumentWithoutHashIsNamedAsUnsealed() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("forged-hashless"))) {
            Document forged = store.event(B, 3);
            long id = store.raw.find().sort(new Document("_id", -1)).first().get("_id", Number.class).longValue() + 1;
            forged.put("_id", id);
            forged.put("sequenceNumber", 4L);
            forged.put("streamKey", B + "/4");
            forged.remove("hash");
            forged.remove("previousHash");
            store.raw.insertOne(forged);

            assertSingleBreak(store.verifier().verifyStore(), ChainBreak.Kind.UNSEALED, B, 4, id);
        }
    }

    @Test
    void swappedSequenceNumbersAreNamedAsReordered() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("reordered"))) {
            long first = store.globalIndex(A, 1);
            long second = store.globalIndex(A, 2);
            store.raw.updateOne(Filters.eq("_id", first), Updates.combine(Updates.set("sequenceNumber", -1L),
                    Updates.set("streamKey", A + "/swap")));
            store.raw.updateOne(Filters.eq("_id", second), Updates.combine(Updates.set("sequenceNumber", 1L),
                    Updates.set("streamKey", A + "/1")));
            store.raw.updateOne(Filters.eq("_id", first), Updates.combine(Updates.set("sequenceNumber", 2L),
                    Updates.set("streamKey", A + "/2")));

            for (ChainVerificationReport report : List.of(store.verifier().verifyStore(),
                    store.verifier().verifyAggregates(List.of(A)))) {
                assertThat(report.intact()).isFalse();
                assertThat(report.breaks()).hasSize(2);
                ChainBreak one = report.breaks().get(0);
                ChainBreak two = report.breaks().get(1);
                assertThat(List.of(one.kind(), one.aggregateId(), one.sequenceNumber(), one.globalIndex()))
                        .containsExactly(ChainBreak.Kind.REORDERED, A, 1L, second);
                assertThat(one.detail()).contains("appended at sequence 2");
                assertThat(List.of(two.kind(), two.aggregateId(), two.sequenceNumber(), two.globalIndex()))
                        .containsExactly(ChainBreak.Kind.REORDERED, A, 2L, first);
                assertThat(two.detail()).contains("appended at sequence 1");
            }
        }
    }

    /** What an attacker who knows the algorithm can do: recompute the edited event's own hash. */
    private static void rehash(ChainTestStore store, long id) {
        var typed = cn.talentportal.infra.eventstore.StoredEventCodec.withCodec(store.mongo.database)
                .getCollection("domain_events", cn.talentportal.infra.eventstore.StoredEvent.class);
        var event = typed.find(Filters.eq("_id", id)).first();
        store.raw.updateOne(Filters.eq("_id", id),
                Updates.set("hash", EventChainHash.hash(event.previousHash(), event)));
    }

    static void assertSingleBreak(ChainVerificationReport report, ChainBreak.Kind kind, String aggregate,
                                  long sequence, Long globalIndex) {
        assertThat(report.intact()).isFalse();
        assertThat(report.breaks()).hasSize(1);
        ChainBreak found = report.breaks().get(0);
        assertThat(found.kind()).as(found.toString()).isEqualTo(kind);
        assertThat(found.aggregateId()).as(found.toString()).isEqualTo(aggregate);
        assertThat(found.sequenceNumber()).as(found.toString()).isEqualTo(sequence);
        assertThat(found.globalIndex()).as(found.toString()).isEqualTo(globalIndex);
    }
}
