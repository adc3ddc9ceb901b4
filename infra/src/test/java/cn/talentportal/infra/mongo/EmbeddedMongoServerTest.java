package cn.talentportal.infra.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoServerTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOnTheSameDirectory() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, 0);
             MongoClient client = MongoConfiguration.connect(server.connectionString(), false)) {
            client.getDatabase("talent").getCollection("notes").insertOne(new Document("_id", "n1").append("text", "护士"));
            server.commit();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, 0);
             MongoClient client = MongoConfiguration.connect(server.connectionString(), false)) {
            assertThat(client.getDatabase("talent").getCollection("notes").find().first())
                    .containsEntry("text", "护士");
            assertThat(server.storeFile()).startsWith(dataDir.toAbsolutePath()).exists();
        }
    }

    @Test
    void aPortInUseFailsWithOneMessageNamingThePortAndTheProperty() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir, port))
                    .isInstanceOf(MongoUnavailableException.class)
                    .hasMessageContaining("port " + port)
                    .satisfies(e -> assertThat(((MongoUnavailableException) e).action())
                            .contains(EmbeddedMongoServer.PORT_PROPERTY));
        }
        // The data file was released: the next start on a free port works.
        EmbeddedMongoServer.start(dataDir, 0).close();
    }
}
