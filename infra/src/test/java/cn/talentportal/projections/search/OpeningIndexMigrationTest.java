package cn.talentportal.projections.search;

import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.search.SearchOnlyTestSupport;
import cn.talentportal.infra.testing.EmbeddedMongo;
import cn.talentportal.projections.search.SearchQueries.FindOpenings;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine holding the first build's index ({@code openings-v1} behind the alias) meets this build: the current
 * version is created next to it, filled by replaying the opening events, and the alias switches in one request. A
 * reader searching all along never gets an error or an empty answer.
 */
class OpeningIndexMigrationTest {

    static final int OPENINGS = 300;

    @TempDir
    Path dataDir;

    @Test
    void the_v1_index_migrates_to_the_current_version_while_searches_keep_answering() throws Exception {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir.resolve("mongo"));
             ConfigurableApplicationContext context = SearchOnlyTestSupport.start(dataDir.resolve("engine"))) {
            ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
            List<OpeningPublished> history = java.util.stream.IntStream.range(0, OPENINGS)
                    .mapToObj(i -> new OpeningPublished("o" + i, "u1", "县人民医院", new OpeningDetails(
                            i % 2 == 0 ? "急需护士" + i : "护士长" + i, "病区护理", Sector.HEALTH, "城关镇",
                            Education.BACHELOR, null, 4000, 6000 + i, 1, Set.of(TalentCategory.URGENTLY_NEEDED),
                            LocalDate.of(2027, 1, 31))))
                    .toList();

            // the first build's store: its mapping, its documents, the alias on it
            try (InputStream v1 = getClass().getResourceAsStream("/search/openings-v1.json")) {
                client.indices().create(c -> c.index("openings-v1").withJson(v1)
                        .aliases(OpeningSearchIndex.ALIAS, a -> a.isWriteIndex(true)));
            }
            client.bulk(b -> {
                history.forEach(e -> b.operations(op -> op.index(ix -> ix.index("openings-v1").id(e.openingId())
                        .document(Map.of("openingId", e.openingId(), "title", e.details().title(),
                                "employerName", e.employerName(), "sector", "HEALTH", "county", "城关镇",
                                "education", "BACHELOR", "categories", List.of("URGENTLY_NEEDED"), "headcount", 1,
                                "publishedAt", "2026-11-01T00:00:00Z")))));
                return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
            });

            OpeningSearchIndex index = new OpeningSearchIndex(client);
            OpeningSearchQueries queries = new OpeningSearchQueries(client, index, Clock.systemUTC());
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicInteger answers = new AtomicInteger();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    try {
                        OpeningSearchResult result = queries.handle(FindOpenings.text("护士"));
                        if (result.total() != OPENINGS) {
                            problems.add("answered " + result.total() + " openings");
                        }
                        answers.incrementAndGet();
                    } catch (RuntimeException e) {
                        problems.add(e.toString());
                    }
                }
            }, "searching-reader");
            reader.start();
            try {
                index.ensureExists();
                assertThat(index.aliasTargets()).as("the new version waits until filled")
                        .containsExactly("openings-v1");

                // the new version's processor replays from the start of the store
                OpeningSearchProjection projection =
                        new OpeningSearchProjection(client, index, new SearchEmployerTypes(mongo.database));
                projection.on(new EmployerUnitCreated("u1", "县人民医院", EmployerType.HOSPITAL, "城关镇",
                        Sector.HEALTH));
                for (OpeningPublished event : history) {
                    projection.on(event, Instant.parse("2026-11-01T00:00:00Z"));
                }
                client.indices().refresh(r -> r.index(index.physicalIndex()));
                int beforeSwitch = answers.get();

                index.switchAliasToThisVersion();
                while (answers.get() < beforeSwitch + 20) {
                    Thread.sleep(20);
                }
            } finally {
                reading.set(false);
                reader.join();
            }

            assertThat(problems).as("every search during the migration answered in full").isEmpty();
            assertThat(answers.get()).isGreaterThan(20);
            assertThat(index.aliasTargets()).containsExactly(OpeningSearchIndex.PHYSICAL_INDEX);
            assertThat(client.indices().exists(e -> e.index("openings-v1")).value()).as("v1 deleted").isFalse();
            OpeningSearchResult after = queries.handle(FindOpenings.text("护理").withFilters(SearchQueries
                    .OpeningFilters.NONE.withEmployerTypes(Set.of(EmployerType.HOSPITAL))));
            assertThat(after.total()).as("the new version answers with its new fields and synonyms")
                    .isEqualTo(OPENINGS);
        }
    }
}
