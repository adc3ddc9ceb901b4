package cn.talentportal.infra.mongo;

import cn.talentportal.infra.eventstore.EventStoreConfiguration;
import cn.talentportal.infra.eventstore.MongoLookupEventStorageEngine;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MongoConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EventStoreConfiguration.class);

    @Test
    void withoutAUriTheEmbeddedServerIsStartedInTheDataDirAndAxonBeansUseIt() {
        runner.withPropertyValues("talent.data-dir=" + dataDir, "talent.mongo.database=portal_test")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EmbeddedMongoServer server = context.getBean(EmbeddedMongoServer.class);
                    assertThat(server.storeFile()).startsWith(dataDir.toAbsolutePath());
                    assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("portal_test");
                    assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(MongoLookupEventStorageEngine.class);
                    assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
                    assertThat(context.getBean(SagaStore.class)).isInstanceOf(MongoSagaStore.class);
                    assertThat(context.getBean(TransactionManager.class)).isSameAs(NoTransactionManager.INSTANCE);
                    assertThat(context.getBean(Serializer.class)).isInstanceOf(JacksonSerializer.class);
                    assertThat(context.getBean("eventSerializer")).isInstanceOf(JacksonSerializer.class);
                    assertThat(context.getBean("messageSerializer")).isInstanceOf(JacksonSerializer.class);
                    // The engine created its collections on the embedded server.
                    assertThat(context.getBean(MongoClient.class).getDatabase("portal_test").listCollectionNames())
                            .contains("domain_events", "event_sequence");
                });
    }

    @Test
    void theEmbeddedStoresPageCacheIsAnEighthOfTheHeapUnlessSet() {
        runner.withPropertyValues("talent.data-dir=" + dataDir, "talent.mongo.embedded.cache-mb=48").run(context ->
                assertThat(context.getBean(EmbeddedMongoServer.class).pageCacheMegabytes()).isEqualTo(48));
        long eighth = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
        assertThat(IndexKeyOrderH2Backend.defaultCacheMegabytes()).isEqualTo((int) Math.clamp(eighth, 16, 1024));
        runner.withPropertyValues("talent.data-dir=" + dataDir.resolve("default")).run(context ->
                assertThat(context.getBean(EmbeddedMongoServer.class).pageCacheMegabytes())
                        .isEqualTo(IndexKeyOrderH2Backend.defaultCacheMegabytes()));
    }

    @Test
    void anUnreachableUriFailsStartupQuicklyWithOneClearMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String uri = "mongodb://127.0.0.1:" + closedPort + "/?directConnection=true";
        long start = System.nanoTime();
        runner.withPropertyValues("talent.mongo.uri=" + uri, "talent.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = analyze(failure);
            assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
            assertThat(analysis.getDescription()).contains("127.0.0.1:" + closedPort).contains("did not answer");
            assertThat(analysis.getAction()).contains("talent.mongo.uri");
        });
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to fail").isLessThan(15);
    }

    /** Runs the failure analyzers registered in META-INF/spring.factories, as Spring Boot does at startup. */
    private static FailureAnalysis analyze(Throwable failure) {
        // Others need constructor arguments Spring Boot supplies; skip those that cannot be made here.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((m, e) -> { }));
        return analyzers.stream()
                .filter(MongoUnavailableFailureAnalyzer.class::isInstance)
                .map(analyzer -> analyzer.analyze(failure))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }
}
