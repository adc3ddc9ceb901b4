package cn.talentportal.projections.search;

import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.infra.search.SearchOnlyTestSupport;
import cn.talentportal.infra.testing.EmbeddedMongo;
import cn.talentportal.projections.search.SearchQueries.FindOpenings;
import cn.talentportal.projections.search.SearchQueries.FindSimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.OpeningFilters;
import cn.talentportal.projections.search.SearchQueries.OpeningHit;
import cn.talentportal.projections.search.SearchQueries.OpeningSearchResult;
import cn.talentportal.projections.search.SearchQueries.OpeningSort;
import cn.talentportal.projections.search.SearchQueries.OpeningSuggestion;
import cn.talentportal.projections.search.SearchQueries.PostedWithin;
import cn.talentportal.projections.search.SearchQueries.SalaryBand;
import cn.talentportal.projections.search.SearchQueries.SuggestOpenings;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The openings search of mapping v2 on the real embedded node (OpenSearch 3.8 with smartcn, through the client as
 * the portal builds it), with the employer-type lookup on the real embedded MongoDB. Events are handed to the
 * projection as its tracking processor would; one node and one set of openings for the class.
 */
class OpeningSearchOnEngineTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final LocalDate DEADLINE = LocalDate.of(2027, 3, 31);

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext context;
    static EmbeddedMongo mongo;
    static ElasticsearchClient client;
    static OpeningSearchIndex index;
    static OpeningSearchProjection projection;
    static OpeningSearchQueries queries;

    @BeforeAll
    static void startEngineAndPublish() throws IOException {
        context = SearchOnlyTestSupport.start(dataDir.resolve("engine"));
        mongo = new EmbeddedMongo(dataDir.resolve("mongo"));
        client = context.getBean(ElasticsearchClient.class);
        index = new OpeningSearchIndex(client);
        projection = new OpeningSearchProjection(client, index, new SearchEmployerTypes(mongo.database));
        queries = new OpeningSearchQueries(client, index, Clock.fixed(NOW, ZoneOffset.UTC));

        unit("hospital", "县人民医院", EmployerType.HOSPITAL);
        unit("school", "县第一中学", EmployerType.SCHOOL);
        unit("tech", "龙泉智能科技有限公司", EmployerType.ENTERPRISE);
        unit("forest", "青山林业站", EmployerType.FORESTRY_STATION);

        publish("nurse", "hospital", "县人民医院", details("急需护士", "负责住院部病人的日常照护工作", Sector.HEALTH,
                "城关镇", Education.JUNIOR_COLLEGE, 4500, 6500, TalentCategory.URGENTLY_NEEDED), days(2));
        publish("head-nurse", "hospital", "县人民医院", details("护士长", "负责病区管理与排班，指导年轻同事", Sector.HEALTH,
                "城关镇", Education.BACHELOR, 7000, 9000, TalentCategory.HIGH_LEVEL), days(10));
        publish("software", "tech", "龙泉智能科技有限公司", details("软件开发工程师", "开发农产品电商平台的后端服务",
                Sector.ENTERPRISE, "龙泉镇", Education.BACHELOR, 9000, 15000, TalentCategory.RETURNEE_FRIENDLY), days(1));
        publish("hardware", "tech", "龙泉智能科技有限公司", details("硬件工程师", "设计智能灌溉控制器的电路板",
                Sector.ENTERPRISE, "龙泉镇", Education.BACHELOR, 8000, 11000, TalentCategory.FLEXIBLE), days(40));
        publish("teacher", "school", "县第一中学", details("高中数学教师", "承担高一年级数学教学与班级管理",
                Sector.EDUCATION, "城关镇", Education.MASTER, 6000, 8000, TalentCategory.GRADUATE), days(5));
        publish("ranger", "forest", "青山林业站", details("护林员", "巡查林区，预防森林火灾", Sector.FORESTRY,
                "青山镇", Education.HIGH_SCHOOL, 2800, 2800, TalentCategory.RETURNEE_FRIENDLY), days(3));
        refresh();
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void nurse_finds_the_urgent_nurse_post_and_the_head_nurse() {
        assertThat(ids(search("护士"))).contains("nurse", "head-nurse").doesNotContain("teacher", "software");
    }

    @Test
    void software_engineer_ranks_the_software_developer_above_the_hardware_engineer() {
        List<String> found = ids(search("软件工程师"));
        assertThat(found).first().isEqualTo("software");
        if (found.contains("hardware")) {
            assertThat(found.indexOf("hardware")).isGreaterThan(found.indexOf("software"));
        }
    }

    @Test
    void a_synonym_finds_its_partner() {
        assertThat(ids(search("护理"))).as("护理 finds the nurse posts").contains("nurse");
        assertThat(ids(search("老师"))).as("老师 finds 教师").containsExactly("teacher");
        assertThat(ids(search("程序员"))).as("程序员 finds 软件开发工程师").contains("software");
    }

    @Test
    void full_text_highlights_the_title_match_escaped() {
        OpeningHit nurse = search("护士").hits().stream().filter(h -> h.openingId().equals("nurse")).findFirst()
                .orElseThrow();
        assertThat(nurse.highlightedTitle()).isEqualTo("急需<em>护士</em>");
        assertThat(nurse.employerType()).isEqualTo("HOSPITAL");
    }

    @Test
    void facets_count_every_value_under_the_other_filters() {
        OpeningSearchResult all = queries.handle(FindOpenings.text(""));
        assertThat(all.total()).isEqualTo(6);
        assertThat(all.facets().get("sector")).containsEntry("HEALTH", 2L).containsEntry("ENTERPRISE", 2L)
                .containsEntry("EDUCATION", 1L).containsEntry("FORESTRY", 1L);
        assertThat(all.facets().get("employerType")).containsEntry("HOSPITAL", 2L).containsEntry("ENTERPRISE", 2L)
                .containsEntry("SCHOOL", 1L).containsEntry("FORESTRY_STATION", 1L);
        assertThat(all.facets().get("county")).containsEntry("城关镇", 3L).containsEntry("龙泉镇", 2L)
                .containsEntry("青山镇", 1L);
        assertThat(all.facets().get("salary")).containsEntry("UNDER_3000", 1L).containsEntry("FROM_3000", 0L)
                .containsEntry("FROM_5000", 1L).containsEntry("FROM_8000", 3L).containsEntry("FROM_12000", 1L);
        assertThat(all.facets().get("posted")).containsEntry("DAY", 1L).containsEntry("WEEK", 4L)
                .containsEntry("MONTH", 5L);
        assertThat(all.facets().get("categories")).containsEntry("RETURNEE_FRIENDLY", 2L);

        // filtered by town: the town facet still counts the other towns, the sector facet counts within the town
        OpeningSearchResult inTown = queries.handle(FindOpenings.text("")
                .withFilters(OpeningFilters.NONE.withCounties(Set.of("城关镇"))));
        assertThat(inTown.total()).isEqualTo(3);
        assertThat(inTown.facets().get("county")).containsEntry("龙泉镇", 2L).containsEntry("城关镇", 3L);
        assertThat(inTown.facets().get("sector")).containsOnly(Map.entry("HEALTH", 2L), Map.entry("EDUCATION", 1L));
    }

    @Test
    void filters_combine_across_facets_and_alternate_within_one() {
        OpeningFilters healthOrForestryWithinAWeek = OpeningFilters.NONE
                .withSectors(Set.of(Sector.HEALTH, Sector.FORESTRY)).withPosted(PostedWithin.WEEK);
        assertThat(ids(queries.handle(FindOpenings.text("").withFilters(healthOrForestryWithinAWeek))))
                .containsExactlyInAnyOrder("nurse", "ranger");

        assertThat(ids(queries.handle(FindOpenings.text("工程师").withFilters(OpeningFilters.NONE
                .withEmployerTypes(Set.of(EmployerType.ENTERPRISE)).withSalary(SalaryBand.FROM_12000)
                .withEducations(Set.of(Education.BACHELOR))))))
                .containsExactly("software");

        assertThat(ids(queries.handle(FindOpenings.text("").withFilters(OpeningFilters.NONE
                .withCategories(Set.of(TalentCategory.RETURNEE_FRIENDLY)).withCounties(Set.of("青山镇"))))))
                .containsExactly("ranger");
    }

    @Test
    void sorts_by_date_and_by_salary() {
        assertThat(ids(queries.handle(FindOpenings.text("").withSort(OpeningSort.NEWEST))))
                .containsExactly("software", "nurse", "ranger", "teacher", "head-nurse", "hardware");
        assertThat(ids(queries.handle(FindOpenings.text("").withSort(OpeningSort.SALARY))))
                .containsExactly("software", "hardware", "head-nurse", "teacher", "nurse", "ranger");
    }

    @Test
    void suggestions_complete_what_the_user_types() {
        assertThat(queries.handle(new SuggestOpenings("护士", 5)).suggestions()).extracting(OpeningSuggestion::title)
                .contains("急需护士", "护士长");
        assertThat(queries.handle(new SuggestOpenings("数学", 5)).suggestions()).extracting(OpeningSuggestion::title)
                .containsExactly("高中数学教师");
        assertThat(queries.handle(new SuggestOpenings("县人民", 5)).suggestions())
                .extracting(OpeningSuggestion::openingId).containsExactlyInAnyOrder("nurse", "head-nurse");
    }

    @Test
    void similar_openings_of_the_nurse_post_start_with_the_head_nurse_and_leave_it_out() {
        List<String> similar = queries.handle(new FindSimilarOpenings("nurse", 5)).hits().stream()
                .map(OpeningHit::openingId).toList();
        assertThat(similar).doesNotContain("nurse").first().isEqualTo("head-nurse");
    }

    @Test
    void the_hometown_boost_ranks_the_hometown_opening_first() throws IOException {
        OpeningDetails clerk = details("乡镇文员", "负责乡镇政务窗口接待", Sector.PUBLIC_SERVICE, "河口镇",
                Education.JUNIOR_COLLEGE, 3500, 4500, TalentCategory.RETURNEE_FRIENDLY);
        publish("clerk-hekou", "forest", "青山林业站", clerk, days(20));
        publish("clerk-baiyun", "forest", "青山林业站", new OpeningDetails(clerk.title(), clerk.description(),
                clerk.sector(), "白云乡", clerk.educationRequired(), clerk.majorRequired(), clerk.salaryMin(),
                clerk.salaryMax(), clerk.headcount(), clerk.categories(), clerk.applicationDeadline()), days(1));
        refresh();
        try {
            FindOpenings clerks = FindOpenings.text("文员");
            assertThat(ids(queries.handle(clerks.withHometown("河口镇")))).first().isEqualTo("clerk-hekou");
            assertThat(ids(queries.handle(clerks.withHometown("白云乡")))).first().isEqualTo("clerk-baiyun");
            assertThat(ids(queries.handle(FindOpenings.text("").withHometown("河口镇")))).first()
                    .isEqualTo("clerk-hekou");
        } finally {
            projection.on(new OpeningClosed("clerk-hekou", "乡镇文员", "测试结束"));
            projection.on(new OpeningClosed("clerk-baiyun", "乡镇文员", "测试结束"));
            refresh();
        }
    }

    @Test
    void paused_and_closed_openings_disappear_and_edits_show() throws IOException {
        publish("vet", "forest", "青山林业站", details("畜牧兽医", "负责林区养殖户的防疫", Sector.AGRICULTURE, "桃花乡",
                Education.JUNIOR_COLLEGE, 4000, 5000, TalentCategory.URGENTLY_NEEDED), days(1));
        publish("vet2", "forest", "青山林业站", details("兽医助理", "协助防疫", Sector.AGRICULTURE, "桃花乡",
                Education.JUNIOR_COLLEGE, 3000, 4000, TalentCategory.FLEXIBLE), days(1));
        refresh();
        assertThat(ids(search("兽医"))).contains("vet", "vet2");

        projection.on(new OpeningEdited("vet", "forest", "青山林业站", details("动物防疫员", "负责林区养殖户的防疫",
                Sector.AGRICULTURE, "桃花乡", Education.JUNIOR_COLLEGE, 4000, 5000, TalentCategory.URGENTLY_NEEDED)));
        projection.on(new OpeningPaused("vet2", "兽医助理", "等待编制"));
        refresh();
        assertThat(ids(search("兽医"))).doesNotContain("vet", "vet2");
        assertThat(ids(search("防疫员"))).containsExactly("vet");

        projection.on(new OpeningClosed("vet", "动物防疫员", "岗位撤销"));
        refresh();
        assertThat(ids(search("防疫"))).isEmpty();
    }

    /**
     * Date and salary sorts page without duplicates or gaps while newer openings arrive (they sort ahead of the
     * cursor). A relevance sort pages exactly over an unchanged index; new openings shift every score a little
     * (term statistics), which search_after without a point in time cannot freeze (decision 0010).
     */
    @Test
    void cursor_paging_is_stable_while_openings_are_added() throws IOException {
        List<String> published = new ArrayList<>();
        try {
            walkAllPages(published);
        } finally {
            for (String id : published) {
                projection.on(new OpeningClosed(id, "代课教师", "测试结束"));
            }
            refresh();
        }
    }

    private void walkAllPages(List<String> published) throws IOException {
        List<String> older = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String id = "paging-" + i;
            older.add(id);
            published.add(id);
            publish(id, "school", "县第一中学", details("代课教师" + i, "临时代课", Sector.EDUCATION, "石桥镇",
                    Education.BACHELOR, 3000, 4000 + i, TalentCategory.FLEXIBLE), NOW.minus(Duration.ofHours(100 + i)));
        }
        refresh();
        for (OpeningSort sort : OpeningSort.values()) {
            FindOpenings query = FindOpenings.text("代课").withSort(sort).withSize(5)
                    .withFilters(OpeningFilters.NONE.withCounties(Set.of("石桥镇")));
            List<String> seen = new ArrayList<>();
            OpeningSearchResult page = queries.handle(query);
            while (true) {
                page.hits().forEach(h -> seen.add(h.openingId()));
                // newer openings appear between pages: ahead of the cursor, never inside the walk
                if (sort != OpeningSort.RELEVANCE) {
                    String fresh = "fresh-" + sort + "-" + UUID.randomUUID();
                    published.add(fresh);
                    publish(fresh, "school", "县第一中学", details("代课教师新", "临时代课", Sector.EDUCATION, "石桥镇",
                            Education.BACHELOR, 3000, 9999, TalentCategory.FLEXIBLE), NOW);
                    refresh();
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = queries.handle(query.after(page.nextCursor()));
            }
            List<String> walked = seen.stream().filter(id -> id.startsWith("paging-")).toList();
            assertThat(new HashSet<>(walked)).as(sort + ": no duplicates").hasSameSizeAs(walked);
            assertThat(walked).as(sort + ": nothing left out").containsExactlyInAnyOrderElementsOf(older);
        }
    }

    // ---- helpers

    static OpeningSearchResult search(String text) {
        return queries.handle(FindOpenings.text(text));
    }

    static List<String> ids(OpeningSearchResult result) {
        return result.hits().stream().map(OpeningHit::openingId).toList();
    }

    static Instant days(int ago) {
        return NOW.minus(Duration.ofDays(ago)).plus(Duration.ofMinutes(1));
    }

    static void unit(String id, String name, EmployerType type) {
        projection.on(new EmployerUnitCreated(id, name, type, "城关镇", Sector.PUBLIC_SERVICE));
    }

    static void publish(String id, String unitId, String employer, OpeningDetails details, Instant at)
            throws IOException {
        projection.on(new OpeningPublished(id, unitId, employer, details), at);
    }

    static OpeningDetails details(String title, String description, Sector sector, String county,
                                  Education education, int salaryMin, int salaryMax, TalentCategory category) {
        return new OpeningDetails(title, description, sector, county, education, null, salaryMin, salaryMax, 2,
                Set.of(category), DEADLINE);
    }

    static void refresh() throws IOException {
        client.indices().refresh(r -> r.index(OpeningSearchIndex.ALIAS));
    }
}
