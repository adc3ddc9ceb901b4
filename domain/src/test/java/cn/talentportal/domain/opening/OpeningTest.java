package cn.talentportal.domain.opening;

import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningTest {

    static final OpeningDetails NURSE = new OpeningDetails("急需护士", "负责住院部护理工作", Sector.HEALTH, "城关镇",
            Education.JUNIOR_COLLEGE, "护理学", 4500, 6500, 3, Set.of(TalentCategory.URGENTLY_NEEDED),
            LocalDate.now().plusMonths(1));
    static final OpeningDetails TITLE_ONLY = new OpeningDetails("护士", null, null, null, null, null, null, null, 0,
            null, null);

    private AggregateTestFixture<Opening> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opening.class);
    }

    @Test
    void a_recruiter_drafts_an_opening() {
        fixture.givenNoPriorActivity()
                .when(new DraftOpening("o1", "u1", "县人民医院", NURSE))
                .expectEvents(new OpeningDrafted("o1", "u1", "县人民医院", NURSE));
    }

    @Test
    void a_complete_draft_is_published_with_its_full_content() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", NURSE))
                .when(new PublishOpening("o1"))
                .expectEvents(new OpeningPublished("o1", "u1", "县人民医院", NURSE));
    }

    @Test
    void an_opening_without_its_required_fields_cannot_be_published() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", TITLE_ONLY))
                .when(new PublishOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        "opening.publish.missingFields [opening.description,opening.sector,opening.county,"
                                + "opening.education,opening.headcount,opening.deadline]")
                .expectNoEvents();
    }

    @Test
    void a_closed_opening_cannot_be_published_again() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", NURSE),
                        new OpeningPublished("o1", "u1", "县人民医院", NURSE),
                        new OpeningClosed("o1", "急需护士", "岗位已撤销"))
                .when(new PublishOpening("o1"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void closing_needs_a_reason() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", NURSE))
                .when(new CloseOpening("o1", "  "))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_published_opening_is_closed_with_its_reason() {
        fixture.given(new OpeningDrafted("o1", "u1", "县人民医院", NURSE),
                        new OpeningPublished("o1", "u1", "县人民医院", NURSE))
                .when(new CloseOpening("o1", "已招满"))
                .expectEvents(new OpeningClosed("o1", "急需护士", "已招满"));
    }

    @Test
    void a_salary_range_must_be_ordered() {
        assertThatThrownBy(() -> new OpeningDetails("护士", null, null, null, null, null, 8000, 5000, 1, null, null))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo("opening.salary.minAboveMax");
        assertThat(NURSE.missingForPublication()).isEmpty();
    }
}
