package cn.talentportal.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The {@link MongoClient} of the portal: pointed at {@code talent.mongo.uri}, or at an embedded server started here
 * when no URI is configured. Either way the client pings at startup, so a wrong URI fails within seconds with one
 * clear message instead of at the first command.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TalentMongoProperties.class)
public class MongoConfiguration {

    static final int SERVER_SELECTION_TIMEOUT_SECONDS = 5;

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMongoCondition.class)
    public EmbeddedMongoServer embeddedMongoServer(TalentMongoProperties properties,
                                                   @Value("${talent.data-dir:./data}") Path dataDir) {
        return EmbeddedMongoServer.start(dataDir, properties.embedded().port(), properties.embedded().cacheMegabytes());
    }

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(TalentMongoProperties properties,
                                   ObjectProvider<EmbeddedMongoServer> embeddedServer) {
        EmbeddedMongoServer embedded = embeddedServer.getIfAvailable();
        String uri = embedded != null ? embedded.connectionString() : properties.uri();
        return connect(uri, embedded == null);
    }

    @Bean
    public MongoDatabase mongoDatabase(MongoClient client, TalentMongoProperties properties) {
        return client.getDatabase(properties.database());
    }

    /**
     * Opens a client and pings the server once.
     *
     * @throws MongoUnavailableException when the URI is malformed or no server answers within the selection timeout
     */
    public static MongoClient connect(String uri, boolean external) {
        ConnectionString connectionString;
        try {
            connectionString = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new MongoUnavailableException("The MongoDB URI '" + redact(uri) + "' is malformed: " + e.getMessage(),
                    "Correct 'talent.mongo.uri' (for example mongodb://host1,host2/?replicaSet=rs0), or remove it "
                            + "to use the embedded server.", e);
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connectionString)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(SERVER_SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(SERVER_SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .build();
        MongoClient client = MongoClients.create(settings);
        try {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return client;
        } catch (MongoException e) {
            client.close();
            String where = external ? "configured in 'talent.mongo.uri'" : "embedded";
            throw new MongoUnavailableException(
                    "MongoDB at " + redact(uri) + " (" + where + ") did not answer within "
                            + SERVER_SELECTION_TIMEOUT_SECONDS + " s (" + reason(e) + ").",
                    external
                            ? "Start that MongoDB or correct 'talent.mongo.uri'; remove the property to run the "
                            + "portal on its embedded server."
                            : "Check the embedded server's log above.", e);
        }
    }

    /** Hides a password in {@code mongodb://user:password@host}. */
    static String redact(String uri) {
        return uri.replaceFirst("://([^:/@]+):[^@/]*@", "://$1:***@");
    }

    /** The innermost cause says what happened ("Connection refused"); the driver's own message is a page long. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
