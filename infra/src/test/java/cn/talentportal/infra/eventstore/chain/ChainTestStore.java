package cn.talentportal.infra.eventstore.chain;

import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import cn.talentportal.infra.readmodels.JourneyEventSeeder;
import cn.talentportal.infra.testing.EmbeddedMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.bson.Document;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded store (H2 file backend, real driver over TCP) with realistic journey events appended through the
 * engine, plus two candidates whose chains the tests tamper with: {@link #A} (6 events, appended in commits of 1, 1, 1
 * and 3) and {@link #B} (4 events in one commit).
 */
final class ChainTestStore implements AutoCloseable {

    static final String A = "candidate-chain-a";
    static final String B = "candidate-chain-b";

    @Revision("1")
    record CandidateNoteAdded(String candidateId, String note, String addedBy, Instant addedAt) {
    }

    final EmbeddedMongo mongo;
    final MongoLookupEventStorageEngine engine;
    final AnchorSigningKey key;
    final EventChainConfiguration.Components chain;
    final MongoCollection<Document> raw;

    ChainTestStore(Path dir) {
        this(dir, AnchorSigningKey.generated(), true);
    }

    ChainTestStore(Path dir, AnchorSigningKey key, boolean seed) {
        this.mongo = new EmbeddedMongo(dir);
        this.engine = mongo.engine();
        this.key = key;
        this.chain = EventChainConfiguration.components(mongo.database, key, Clock.systemUTC());
        this.raw = mongo.database.getCollection("domain_events");
        if (seed) {
            new JourneyEventSeeder(engine).seed(600);
            engine.appendEvents(List.of(note(A, 0)));
            engine.appendEvents(List.of(note(A, 1)));
            engine.appendEvents(List.of(note(A, 2)));
            for (int i = 0; i < 20; i++) {
                engine.appendEvents(List.of(note("candidate-other-" + i, 0), note("candidate-other-" + i, 1)));
            }
            engine.appendEvents(List.of(note(A, 3), note(A, 4), note(A, 5)));
            engine.appendEvents(List.of(note(B, 0), note(B, 1), note(B, 2), note(B, 3)));
        }
    }

    static GenericDomainEventMessage<CandidateNoteAdded> note(String candidate, long sequence) {
        return new GenericDomainEventMessage<>("Candidate", candidate, sequence,
                new CandidateNoteAdded(candidate, "第" + sequence + "次回访：已落实人才公寓", "specialist-3",
                        Instant.parse("2026-11-21T09:00:00Z").plusSeconds(sequence * 60)),
                MetaData.with(AuditMetaData.USER_ID, "specialist-3").and(AuditMetaData.ROLE, "RECRUITER")
                        .and(AuditMetaData.CORRELATION_ID, "corr-" + candidate + "-" + sequence)
                        .and(AuditMetaData.CLIENT_ADDRESS, "10.0.0.7"));
    }

    EventChainVerifier verifier() {
        return chain.verifier();
    }

    Document event(String aggregate, long sequence) {
        return raw.find(Filters.eq("streamKey", aggregate + "/" + sequence)).first();
    }

    long globalIndex(String aggregate, long sequence) {
        return event(aggregate, sequence).get("_id", Number.class).longValue();
    }

    long count() {
        return raw.countDocuments();
    }

    List<String> allAggregates() {
        List<String> ids = new ArrayList<>();
        for (Document d : raw.find().projection(new Document("aggregateIdentifier", 1))) {
            String id = d.getString("aggregateIdentifier");
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
