package cn.talentportal.infra.testing;

import cn.talentportal.infra.eventstore.EmbeddedServerDurability;
import cn.talentportal.infra.eventstore.EventSerializers;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import cn.talentportal.infra.mongo.EmbeddedMongoServer;
import cn.talentportal.infra.mongo.MongoConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.nio.file.Path;

/** The portal's embedded server (H2 file backend, real driver over TCP) in a directory; reopened on the same data. */
public final class EmbeddedMongo implements AutoCloseable {

    public final EmbeddedMongoServer server;
    public final MongoClient client;
    public final MongoDatabase database;

    public EmbeddedMongo(Path dataDir) {
        this.server = EmbeddedMongoServer.start(dataDir, 0);
        this.client = MongoConfiguration.connect(server.connectionString(), false);
        this.database = client.getDatabase("talent");
    }

    public EmbeddedServerDurability durability() {
        return new EmbeddedServerDurability(server);
    }

    /** The portal's event storage engine on this server. */
    public MongoLookupEventStorageEngine engine() {
        return MongoLookupEventStorageEngine.builder()
                .mongoDatabase(database)
                .eventSerializer(EventSerializers.jackson())
                .snapshotSerializer(EventSerializers.snapshots())
                .durability(durability())
                .build();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
