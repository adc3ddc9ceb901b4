package cn.talentportal.projections.alert;

import cn.talentportal.domain.alert.JobAlertEvents.SearchSaved;
import cn.talentportal.domain.alert.SearchCriteria;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.search.SearchOnlyTestSupport;
import cn.talentportal.projections.alert.SavedSearchPercolator.SearchableOpening;
import cn.talentportal.projections.search.OpeningSearchIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved searches percolated on the real embedded node: one request for several openings, each gets its own matches. */
class SavedSearchPercolatorOnEngineTest {

    static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext context;
    static SavedSearchPercolator percolator;

    @BeforeAll
    static void startEngineAndSaveSearches() throws IOException {
        context = SearchOnlyTestSupport.start(dataDir.resolve("engine"));
        ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
        SavedSearchIndex index = new SavedSearchIndex(client, new OpeningSearchIndex(client));
        SavedSearchProjection projection = new SavedSearchProjection(client, index);
        percolator = new SavedSearchPercolator(client, index);

        projection.on(new SearchSaved("c-1", "health-nurses", "卫生护士", new SearchCriteria("护士", Sector.HEALTH, null)));
        projection.on(new SearchSaved("c-2", "engineers", "工程师", new SearchCriteria("工程师", null, null)));
        projection.on(new SearchSaved("c-3", "town-nurses", "城关护士", new SearchCriteria("护士", null, "城关镇")));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void each_opening_of_one_percolation_gets_the_searches_it_matches() throws IOException {
        SearchableOpening nurse = opening("nurse", "急需护士", Sector.HEALTH, "城关镇");
        SearchableOpening engineer = opening("engineer", "软件开发工程师", Sector.ENTERPRISE, "龙泉镇");
        SearchableOpening ranger = opening("ranger", "护林员", Sector.FORESTRY, "青山镇");
        SearchableOpening countryNurse = opening("country-nurse", "乡镇卫生院护士", Sector.HEALTH, "青山镇");

        List<List<SavedSearchMatch>> matches = percolator.matchingEach(List.of(nurse, engineer, ranger, countryNurse));

        assertThat(matches).hasSize(4);
        assertThat(matches.get(0)).extracting(SavedSearchMatch::savedSearchId)
                .containsExactly("health-nurses", "town-nurses");
        assertThat(matches.get(1)).extracting(SavedSearchMatch::savedSearchId).containsExactly("engineers");
        assertThat(matches.get(2)).isEmpty();
        assertThat(matches.get(3)).extracting(SavedSearchMatch::savedSearchId).containsExactly("health-nurses");
        assertThat(matches.get(0)).first().isEqualTo(new SavedSearchMatch("c-1", "health-nurses", "卫生护士"));
    }

    @Test
    void one_opening_alone_matches_as_within_a_batch() throws IOException {
        SearchableOpening nurse = opening("nurse", "急需护士", Sector.HEALTH, "城关镇");

        assertThat(percolator.matching(nurse)).extracting(SavedSearchMatch::savedSearchId)
                .containsExactly("health-nurses", "town-nurses");
        assertThat(percolator.matchingEach(List.of())).isEmpty();
    }

    private static SearchableOpening opening(String id, String title, Sector sector, String county) {
        OpeningDetails details = new OpeningDetails(title, title + "，负责日常工作", sector, county,
                Education.JUNIOR_COLLEGE, null, 4000, 6000, 1, Set.of(TalentCategory.URGENTLY_NEEDED),
                LocalDate.of(2027, 3, 31));
        return new SearchableOpening(id, "unit-" + id, "县用人单位", details, NOW);
    }
}
