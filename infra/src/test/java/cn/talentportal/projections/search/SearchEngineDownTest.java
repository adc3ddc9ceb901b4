package cn.talentportal.projections.search;

import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.axon.ProcessorConfiguration;
import cn.talentportal.infra.eventstore.EventSerializers;
import cn.talentportal.infra.search.SearchOnlyTestSupport;
import cn.talentportal.infra.search.TcpProxy;
import cn.talentportal.infra.testing.EmbeddedMongo;
import cn.talentportal.projections.search.SearchQueries.FindOpenings;
import cn.talentportal.projections.search.SearchQueries.OpeningHit;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search engine goes away while openings are published and closed: appending events (what a command does) never
 * waits for it, the search processor (configured as the portal configures processors) fails, retries from its
 * token, and once the engine is back the index shows every change, nothing lost.
 */
class SearchEngineDownTest {

    static {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    @TempDir
    Path dataDir;

    @Test
    void events_appended_while_the_engine_is_down_reach_the_index_once_it_is_back() throws Exception {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir.resolve("mongo"));
             ConfigurableApplicationContext context = SearchOnlyTestSupport.start(dataDir.resolve("engine"));
             TcpProxy proxy = new TcpProxy(SearchOnlyTestSupport.embeddedPort(context))) {
            ElasticsearchClient direct = context.getBean(ElasticsearchClient.class);
            ElasticsearchClient throughProxy =
                    SearchOnlyTestSupport.embeddedClient(URI.create("http://127.0.0.1:" + proxy.port()));
            OpeningSearchIndex index = new OpeningSearchIndex(throughProxy);
            OpeningSearchProjection projection = new OpeningSearchProjection(throughProxy, index,
                    new SearchEmployerTypes(mongo.database));
            OpeningSearchQueries queries =
                    new OpeningSearchQueries(direct, new OpeningSearchIndex(direct), Clock.systemUTC());

            Configurer configurer = DefaultConfigurer.defaultConfiguration()
                    .configureSerializer(c -> EventSerializers.jackson())
                    .configureEmbeddedEventStore(c -> mongo.engine());
            new ProcessorConfiguration().trackingProcessors(100, new DefaultListableBeanFactory())
                    .configureModule(configurer);
            configurer.eventProcessing().registerEventHandler(c -> projection);
            Configuration axon = configurer.buildConfiguration();
            axon.start();
            try {
                append(axon, "unit", 0, new EmployerUnitCreated("unit", "县人民医院", EmployerType.HOSPITAL, "城关镇",
                        Sector.HEALTH));
                append(axon, "o1", 0, published("o1", "急需护士"));
                eventually(() -> ids(queries, "护士").contains("o1"), "o1 searchable");

                proxy.stop();
                Instant before = Instant.now();
                append(axon, "o2", 0, published("o2", "护士长"));
                append(axon, "o3", 0, published("o3", "社区护士"));
                append(axon, "o1", 1, new OpeningClosed("o1", "急需护士", "已招满"));
                assertThat(Duration.between(before, Instant.now())).as("appends do not wait for the engine")
                        .isLessThan(Duration.ofSeconds(2));
                Thread.sleep(3_000); // the processor fails and backs off (1 s, 2 s, ...): see its log
                assertThat(ids(queries, "护士")).as("the index as it was").containsExactly("o1");

                proxy.start();
                eventually(() -> Set.copyOf(ids(queries, "护士")).equals(Set.of("o2", "o3")),
                        "every change made while the engine was down");
            } finally {
                axon.shutdown();
            }
        }
    }

    private static void append(Configuration axon, String aggregateId, long sequence, Object payload) {
        axon.eventStore().publish(new GenericDomainEventMessage<>(
                payload instanceof EmployerUnitCreated ? "EmployerUnit" : "Opening", aggregateId, sequence, payload));
    }

    private static OpeningPublished published(String id, String title) {
        return new OpeningPublished(id, "unit", "县人民医院", new OpeningDetails(title, "病区护理", Sector.HEALTH,
                "城关镇", Education.JUNIOR_COLLEGE, null, 4000, 6000, 1, Set.of(TalentCategory.URGENTLY_NEEDED),
                LocalDate.of(2027, 1, 31)));
    }

    private static List<String> ids(OpeningSearchQueries queries, String text) {
        try {
            return queries.handle(FindOpenings.text(text)).hits().stream().map(OpeningHit::openingId).toList();
        } catch (SearchUnavailableException notYet) {
            return List.of();
        }
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
