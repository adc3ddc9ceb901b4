package cn.talentportal.infra.eventstore.chain;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static cn.talentportal.infra.eventstore.chain.ChainTestStore.A;
import static org.assertj.core.api.Assertions.assertThat;

/** Anchors (signature, recorded heads) and the sealing of events stored before the chain existed. */
class ChainAnchorAndSealingTest {

    @TempDir
    Path dir;

    @Test
    void aTamperedAnchorIsReported() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("anchor"))) {
            ChainAnchor first = store.chain.anchors().anchorNow();
            store.engine.appendEvents(List.of(ChainTestStore.note(A, 6)));
            ChainAnchor second = store.chain.anchors().anchorNow();
            assertThat(second.number()).isEqualTo(first.number() + 1);
            assertThat(second.position()).isEqualTo(first.position() + 1);
            assertThat(store.chain.anchors().signatureProblem(second)).isNull();
            assertThat(store.verifier().verifyStore().breaks()).isEmpty();

            // The first anchor's statement altered: its signature no longer verifies.
            store.mongo.database.getCollection("chain_anchors").updateOne(Filters.eq("_id", first.number()),
                    Updates.inc("events", 1L));
            ChainVerificationReport report = store.verifier().verifyStore();
            assertThat(report.breaks()).singleElement().satisfies(b -> {
                assertThat(b.kind()).isEqualTo(ChainBreak.Kind.ANCHOR_INVALID);
                assertThat(b.detail()).contains("anchor " + first.number()).contains("signature");
            });

            // The latest anchor's recorded heads altered (to hide a deletion): its bucket digest no longer matches.
            var heads = store.mongo.database.getCollection("chain_anchor_heads");
            int bucket = ChainHeads.bucketOf(A, ChainHeads.BUCKETS);
            Document bucketHeads = heads.find(Filters.eq("_id", second.number() + "/" + bucket)).first();
            List<Document> entries = bucketHeads.getList("heads", Document.class);
            for (Document entry : entries) {
                if (A.equals(entry.getString("a"))) {
                    entry.put("s", 5L);
                }
            }
            heads.updateOne(Filters.eq("_id", bucketHeads.get("_id")), Updates.set("heads", entries));
            report = store.verifier().verifyStore();
            assertThat(report.breaks()).extracting(ChainBreak::kind).containsOnly(ChainBreak.Kind.ANCHOR_INVALID);
            assertThat(report.breaks()).anySatisfy(b -> assertThat(b.detail())
                    .contains("anchor " + second.number()).contains("bucket " + bucket));
            assertThat(store.verifier().verifyAggregates(List.of(A)).breaks()).singleElement()
                    .extracting(ChainBreak::kind).isEqualTo(ChainBreak.Kind.ANCHOR_INVALID);
        }
    }

    @Test
    void aForgedSignatureIsReported() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("signature"))) {
            ChainAnchor anchor = store.chain.anchors().anchorNow();
            AnchorSigningKey other = AnchorSigningKey.generated();
            store.mongo.database.getCollection("chain_anchors").updateOne(Filters.eq("_id", anchor.number()),
                    Updates.set("signature", other.sign(anchor.statement())));
            ChainVerificationReport report = store.verifier().verifyStore();
            assertThat(report.breaks()).singleElement().satisfies(b -> {
                assertThat(b.kind()).isEqualTo(ChainBreak.Kind.ANCHOR_INVALID);
                assertThat(b.detail()).contains("signature does not verify");
            });
        }
    }

    @Test
    void eventsStoredBeforeTheChainExistedAreSealedOnceAndReportedAsSealedLater() {
        try (ChainTestStore store = new ChainTestStore(dir.resolve("legacy"))) {
            // A data directory of an earlier version: no chain fields at all.
            store.raw.updateMany(new Document(), Updates.combine(Updates.unset("hash"), Updates.unset("previousHash")));
            long events = store.count();
            ChainVerificationReport before = store.verifier().verifyStore();
            assertThat(before.intact()).isFalse();
            assertThat(before.breaks()).extracting(ChainBreak::kind).containsOnly(ChainBreak.Kind.UNSEALED);
            assertThat(before.breaks().size() + before.breaksOmitted()).isEqualTo(events);

            assertThat(store.chain.sealer().sealOnce()).isEqualTo(events);
            assertThat(store.chain.sealer().sealOnce()).isZero();

            ChainVerificationReport after = store.verifier().verifyStore();
            assertThat(after.breaks()).isEmpty();
            assertThat(after.eventsSealedLater()).isEqualTo(events);
            assertThat(after.lastSealedAt()).isNotNull();

            // Appends (after a restart: a new engine) continue the sealed chains; an edit of a sealed event (its seal
            // time too) is still named.
            store.mongo.engine().appendEvents(List.of(ChainTestStore.note(A, 6)));
            assertThat(store.verifier().verifyStore().breaks()).isEmpty();
            store.raw.updateOne(Filters.eq("streamKey", A + "/1"), Updates.unset("chainSealedAt"));
            EventChainVerificationTest.assertSingleBreak(store.verifier().verifyStore(), ChainBreak.Kind.EDITED, A, 1,
                    store.globalIndex(A, 1));
        }
    }

    @Test
    void theSpringConfigurationGeneratesAKeyOnceAndSealsAtStartup() {
        Path data = dir.resolve("spring");
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(EventChainConfiguration.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("talent.data-dir=" + data);
        String[] fingerprint = new String[1];
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            fingerprint[0] = context.getBean(AnchorSigningKey.class).fingerprint();
            var engine = context.getBean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class);
            engine.appendEvents(ChainTestStore.note(A, 0), ChainTestStore.note(A, 1));
            ChainAnchor anchor = context.getBean(ChainAnchors.class).anchorNow();
            assertThat(anchor.events()).isEqualTo(2);
            assertThat(context.getBean(EventChainVerifier.class).verifyStore().breaks()).isEmpty();
        });
        assertThat(Files.exists(data.resolve("keys").resolve("event-chain-ed25519.key"))).isTrue();
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AnchorSigningKey.class).fingerprint()).isEqualTo(fingerprint[0]);
            assertThat(context.getBean(EventChainVerifier.class).verifyStore().breaks()).isEmpty();
        });
    }
}
