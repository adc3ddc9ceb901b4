package cn.talentportal.infra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * Chinese job search on the embedded node, through the ElasticsearchClient bean exactly as the portal builds
 * it (OpenSearch compatibility mode). One node for the whole class: a start takes several seconds.
 */
class ChineseJobSearchTest {

    private static final String INDEX = "postings";
    private static final String MAPPING = """
            {
              "settings": {
                "number_of_shards": 1,
                "analysis": {
                  "analyzer": {
                    "cjk_bigram": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["cjk_width", "lowercase", "cjk_bigram"]
                    }
                  }
                }
              },
              "mappings": {
                "properties": {
                  "title": {
                    "type": "text",
                    "analyzer": "smartcn",
                    "fields": { "cjk": { "type": "text", "analyzer": "cjk_bigram" } }
                  }
                }
              }
            }
            """;

    record Posting(String title) {
    }

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext context;
    private static ElasticsearchClient client;

    @BeforeAll
    static void startEmbeddedNodeAndIndexPostings() throws IOException {
        context = new SpringApplicationBuilder(SearchOnlyTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("talent.data-dir=" + dataDir)
                .run();
        client = context.getBean(ElasticsearchClient.class);
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(MAPPING)));
        List<String> titles = List.of("急需护士", "护士长", "软件开发工程师", "硬件工程师");
        client.bulk(b -> {
            b.index(INDEX).refresh(Refresh.WaitFor);
            for (int i = 0; i < titles.size(); i++) {
                String id = Integer.toString(i + 1);
                Posting posting = new Posting(titles.get(i));
                b.operations(op -> op.index(idx -> idx.id(id).document(posting)));
            }
            return b;
        });
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theEmbeddedNodeRunsInAChildJvmUnderTheDataDirectory() {
        SearchEngineEndpoint endpoint = context.getBean(SearchEngineEndpoint.class);
        assertThat(endpoint.kind()).isEqualTo(SearchEngineEndpoint.Kind.EMBEDDED);
        EmbeddedSearchNode node = endpoint.embeddedNode().orElseThrow();
        assertThat(node.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(node.basePath()).isEqualTo(dataDir.resolve("search").toAbsolutePath().normalize());
        assertThat(node.basePath().resolve("search-node.pid")).content().isEqualTo(Long.toString(node.pid()));
        assertThat(node.logFile()).content().contains("SEARCH-NODE-READY " + node.port());
    }

    @Test
    void smartcnAloneMissesTheHeadNurseButTheBigramSubFieldFindsBothNursePostings() throws IOException {
        assertThat(titles(Query.of(q -> q.match(m -> m.field("title").query("护士"))))).containsExactly("急需护士");

        assertThat(titles(Query.of(q -> q.match(m -> m.field("title.cjk").query("护士")))))
                .containsExactlyInAnyOrder("急需护士", "护士长");
    }

    @Test
    void softwareEngineerWithOperatorAndFindsTheSoftwarePostingButNotTheHardwarePosting() throws IOException {
        assertThat(titles(Query.of(q -> q.match(m -> m.field("title").query("软件工程师").operator(Operator.And)))))
                .containsExactly("软件开发工程师");
    }

    @Test
    void weightedSearchOverBothFieldsRanksTheSoftwarePostingFirst() throws IOException {
        Query query = Query.of(q -> q.multiMatch(m -> m.query("软件工程师").fields("title^3", "title.cjk")));
        List<String> titles = titles(query);
        assertThat(titles).first().isEqualTo("软件开发工程师");
        if (titles.contains("硬件工程师")) {
            assertThat(titles.indexOf("硬件工程师")).isGreaterThan(titles.indexOf("软件开发工程师"));
        }
    }

    @Test
    void healthIndicatorNamedSearchEngineReportsUpWithEngineKindAndUrl() {
        HealthIndicator indicator = context.getBean("searchEngine", HealthIndicator.class);
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("engine", "embedded")
                .containsEntry("url", context.getBean(SearchEngineEndpoint.class).url().toString());
    }

    private static List<String> titles(Query query) throws IOException {
        return client.search(s -> s.index(INDEX).query(query), Posting.class).hits().hits().stream()
                .map(Hit::source).map(Posting::title).toList();
    }
}
