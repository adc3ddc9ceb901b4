package cn.talentportal.domain.alert;

import cn.talentportal.domain.alert.JobAlertCommands.DeleteSavedSearch;
import cn.talentportal.domain.alert.JobAlertCommands.MarkJobAlertsRead;
import cn.talentportal.domain.alert.JobAlertCommands.RaiseJobAlert;
import cn.talentportal.domain.alert.JobAlertCommands.SaveSearch;
import cn.talentportal.domain.alert.JobAlertEvents.JobAlertRaised;
import cn.talentportal.domain.alert.JobAlertEvents.JobAlertsRead;
import cn.talentportal.domain.alert.JobAlertEvents.SavedSearchDeleted;
import cn.talentportal.domain.alert.JobAlertEvents.SearchSaved;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Sector;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobAlertsTest {

    static final SearchCriteria NURSES_IN_HEALTH = new SearchCriteria("护士", Sector.HEALTH, null);
    static final SearchCriteria TEACHERS_IN_TOWN = new SearchCriteria("教师", null, "城关镇");
    static final SearchSaved NURSES_SAVED = new SearchSaved("c1", "s1", "护士岗位", NURSES_IN_HEALTH);
    static final JobAlertRaised NURSE_ALERT = new JobAlertRaised("s1", "c1", "护士岗位", "o1", "急需护士", "县人民医院");

    private AggregateTestFixture<JobAlerts> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JobAlerts.class);
    }

    @Test
    void the_first_saved_search_creates_the_candidates_alerts() {
        fixture.givenNoPriorActivity()
                .when(new SaveSearch("c1", "s1", " 护士岗位 ", NURSES_IN_HEALTH))
                .expectEvents(NURSES_SAVED);
    }

    @Test
    void a_second_search_joins_the_first() {
        fixture.given(NURSES_SAVED)
                .when(new SaveSearch("c1", "s2", "城关镇教师", TEACHERS_IN_TOWN))
                .expectEvents(new SearchSaved("c1", "s2", "城关镇教师", TEACHERS_IN_TOWN));
    }

    @Test
    void a_search_needs_a_name_of_at_most_forty_characters() {
        fixture.givenNoPriorActivity()
                .when(new SaveSearch("c1", "s1", " ", NURSES_IN_HEALTH))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [alerts.search.name]");
        fixture.givenNoPriorActivity()
                .when(new SaveSearch("c1", "s1", "护".repeat(41), NURSES_IN_HEALTH))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.tooLong [alerts.search.name, 40]");
    }

    @Test
    void a_search_needs_criteria() {
        fixture.givenNoPriorActivity()
                .when(new SaveSearch("c1", "s1", "护士岗位", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [alerts.search.criteria]");
    }

    @Test
    void criteria_that_match_every_opening_are_refused() {
        assertThatThrownBy(() -> new SearchCriteria("  ", null, ""))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo("alerts.criteria.empty");
        assertThat(new SearchCriteria(" 护士 ", null, " ")).isEqualTo(new SearchCriteria("护士", null, null));
    }

    @Test
    void the_same_criteria_are_not_saved_twice() {
        fixture.given(NURSES_SAVED)
                .when(new SaveSearch("c1", "s2", "又一个", new SearchCriteria(" 护士", Sector.HEALTH, null)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("alerts.search.sameCriteria [护士岗位]")
                .expectNoEvents();
    }

    @Test
    void a_saved_search_id_is_never_reused_even_after_deletion() {
        fixture.given(NURSES_SAVED, new SavedSearchDeleted("c1", "s1", "护士岗位"))
                .when(new SaveSearch("c1", "s1", "城关镇教师", TEACHERS_IN_TOWN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("alerts.search.duplicateId [s1]");
    }

    @Test
    void a_candidate_keeps_at_most_twenty_searches() {
        fixture.given(twentySearches())
                .when(new SaveSearch("c1", "s21", "第二十一个", new SearchCriteria("第21", null, null)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("alerts.search.limit [20]")
                .expectNoEvents();
    }

    @Test
    void a_deleted_search_frees_its_place_among_the_twenty() {
        List<Object> history = twentySearches();
        history.add(new SavedSearchDeleted("c1", "s3", "搜索3"));
        fixture.given(history)
                .when(new SaveSearch("c1", "s21", "第二十一个", new SearchCriteria("第21", null, null)))
                .expectEvents(new SearchSaved("c1", "s21", "第二十一个", new SearchCriteria("第21", null, null)));
    }

    @Test
    void a_saved_search_is_deleted_with_its_name() {
        fixture.given(NURSES_SAVED)
                .when(new DeleteSavedSearch("c1", "s1"))
                .expectEvents(new SavedSearchDeleted("c1", "s1", "护士岗位"));
    }

    @Test
    void an_unknown_or_deleted_search_cannot_be_deleted() {
        fixture.given(NURSES_SAVED)
                .when(new DeleteSavedSearch("c1", "nope"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("alerts.search.unknown [nope]");
        fixture.given(NURSES_SAVED, new SavedSearchDeleted("c1", "s1", "护士岗位"))
                .when(new DeleteSavedSearch("c1", "s1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("alerts.search.alreadyDeleted [护士岗位]")
                .expectNoEvents();
    }

    @Test
    void a_matching_opening_raises_an_alert_naming_the_search_and_the_opening() {
        fixture.given(NURSES_SAVED)
                .when(new RaiseJobAlert("c1", "s1", "o1", "急需护士", "县人民医院"))
                .expectEvents(NURSE_ALERT);
    }

    @Test
    void the_same_opening_raises_no_second_alert_for_the_same_search() {
        fixture.given(NURSES_SAVED, NURSE_ALERT)
                .when(new RaiseJobAlert("c1", "s1", "o1", "急需护士", "县人民医院"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_same_opening_alerts_once_for_each_matching_search() {
        fixture.given(NURSES_SAVED, new SearchSaved("c1", "s2", "城关镇", new SearchCriteria(null, null, "城关镇")),
                        NURSE_ALERT)
                .when(new RaiseJobAlert("c1", "s2", "o1", "急需护士", "县人民医院"))
                .expectEvents(new JobAlertRaised("s2", "c1", "城关镇", "o1", "急需护士", "县人民医院"));
    }

    @Test
    void a_deleted_search_raises_no_alerts() {
        fixture.given(NURSES_SAVED, new SavedSearchDeleted("c1", "s1", "护士岗位"))
                .when(new RaiseJobAlert("c1", "s1", "o2", "护士长", "县人民医院"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("alerts.search.deleted [护士岗位]")
                .expectNoEvents();
    }

    @Test
    void an_alert_for_an_unknown_search_is_refused() {
        fixture.given(NURSES_SAVED)
                .when(new RaiseJobAlert("c1", "s9", "o1", "急需护士", "县人民医院"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("alerts.search.unknown [s9]");
    }

    @Test
    void an_alert_names_its_opening() {
        fixture.given(NURSES_SAVED)
                .when(new RaiseJobAlert("c1", "s1", "o1", " ", "县人民医院"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("validation.required [opening.title]");
    }

    @Test
    void reading_the_alerts_marks_every_unread_one() {
        fixture.given(NURSES_SAVED, NURSE_ALERT, new JobAlertRaised("s1", "c1", "护士岗位", "o2", "护士长", "县中医院"))
                .when(new MarkJobAlertsRead("c1"))
                .expectEvents(new JobAlertsRead("c1", 2));
    }

    @Test
    void reading_without_unread_alerts_changes_nothing() {
        fixture.given(NURSES_SAVED, NURSE_ALERT, new JobAlertsRead("c1", 1))
                .when(new MarkJobAlertsRead("c1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void commands_target_the_candidates_alerts_stream() {
        assertThat(new RaiseJobAlert("c1", "s1", "o1", "t", "e").jobAlertsId()).isEqualTo("alerts:c1");
        assertThat(JobAlerts.idOf("c1")).isNotEqualTo("c1");
    }

    private static List<Object> twentySearches() {
        List<Object> history = new ArrayList<>();
        for (int i = 1; i <= JobAlerts.MAX_SAVED_SEARCHES; i++) {
            history.add(new SearchSaved("c1", "s" + i, "搜索" + i, new SearchCriteria("岗位" + i, null, null)));
        }
        return history;
    }
}
