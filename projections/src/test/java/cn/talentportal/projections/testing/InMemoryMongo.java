package cn.talentportal.projections.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The portal's embedded wire server with an in-memory H2 store and the real driver over TCP: read-model handlers'
 * update operators ($set, $addToSet, $max, upserts) run as they do in the portal. Outside a unit of work
 * {@code BatchedWrites} writes at once, so a test calls handlers directly and reads back.
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    public final MongoDatabase database;

    public InMemoryMongo() {
        server = new MongoServer(new H2Backend(MVStore.open(null)));
        client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
        database = client.getDatabase("readmodels");
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
