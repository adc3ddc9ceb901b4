package cn.talentportal.infra.eventstore;

import cn.talentportal.infra.mongo.EmbeddedMongoServer;
import cn.talentportal.infra.mongo.MongoConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import java.nio.file.Path;
import java.time.Duration;

/** A real embedded server (H2 file backend, TCP) in a directory, with a client and engines on it. For tests. */
final class EmbeddedStore implements AutoCloseable {

    final EmbeddedMongoServer server;
    final MongoClient client;
    final MongoDatabase database;

    EmbeddedStore(Path dataDir) {
        this.server = EmbeddedMongoServer.start(dataDir, 0);
        this.client = MongoConfiguration.connect(server.connectionString(), false);
        this.database = client.getDatabase("talent");
    }

    MongoLookupEventStorageEngine.Builder engineBuilder() {
        return MongoLookupEventStorageEngine.builder()
                .mongoDatabase(database)
                .eventSerializer(EventSerializers.jackson())
                .snapshotSerializer(EventSerializers.jackson())
                .durability(new EmbeddedServerDurability(server));
    }

    MongoLookupEventStorageEngine engine() {
        return engineBuilder().build();
    }

    MongoCollection<StoredEvent> events() {
        return StoredEventCodec.withCodec(database).getCollection(EventFields.EVENTS_COLLECTION, StoredEvent.class);
    }

    GlobalIndexSequence sequence() {
        return new GlobalIndexSequence(database.getCollection(EventFields.SEQUENCE_COLLECTION));
    }

    TrackedEventReader trackedReader(Duration gapTimeout) {
        return new TrackedEventReader(events(), sequence(), gapTimeout, 10_000);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
