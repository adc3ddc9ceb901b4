package cn.talentportal.portal.recruiter;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.recruiter.PipelineJourneys.Applicant;
import cn.talentportal.portal.recruiter.PipelineJourneys.School;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.portal.view.ViewTestBase;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

class OpeningPipelineViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;
    @Autowired TestClock clock;

    private PipelineJourneys journeys;
    private School school;
    private String openingId;

    @BeforeEach
    void schoolWithAnOpening() {
        journeys = new PipelineJourneys(commands, accounts, queries, clock);
        school = journeys.school(PipelineJourneys.unique("县第三中学"));
        openingId = journeys.publishOpening(school, PipelineJourneys.unique("初中英语教师"), 2);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void openPipeline() {
        signIn(school.recruiter());
        UI.getCurrent().navigate(OpeningPipelineView.class, new RouteParameters(OpeningPipelineView.OPENING_ID,
                openingId));
    }

    private static String count(String stage) {
        return _get(Span.class, spec -> spec.withId("pipeline-count-" + stage)).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<ApplicationView> grid() {
        return _get(Grid.class, spec -> spec.withId("pipeline-applications"));
    }

    private static void select(Applicant... applicants) {
        Grid<ApplicationView> grid = grid();
        List<String> ids = List.of(applicants).stream().map(Applicant::applicationId).toList();
        IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._get(grid, row))
                .filter(a -> ids.contains(a.applicationId())).forEach(grid::select);
    }

    @Test
    void the_pipeline_counts_the_openings_applications_by_stage_and_lists_them() {
        Applicant first = journeys.applies("钱一", openingId);
        journeys.applies("钱二", openingId);
        Applicant third = journeys.applies("钱三", openingId);
        journeys.screenIn(school, first);
        journeys.awaitApplication(openingId, first.applicationId(),
                a -> a.status() == ApplicationStatus.SCREENED_IN, "the screening");
        journeys.awaitApplication(openingId, third.applicationId(), a -> true, "the third application");

        openPipeline();

        assertThat(count("APPLIED")).isEqualTo("2");
        assertThat(count("IN_REVIEW")).isEqualTo("1");
        assertThat(count("OFFER")).isEqualTo("0");
        assertThat(GridKt._size(grid())).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("钱三"); // newest first
    }

    @Test
    void screening_out_waits_for_a_reason_and_records_it() {
        Applicant applicant = journeys.applies("孙四", openingId);
        journeys.awaitApplication(openingId, applicant.applicationId(), a -> true, "the application");
        openPipeline();

        select(applicant);
        _click(_get(Button.class, spec -> spec.withId("pipeline-screen-out")));
        Button confirm = _get(Button.class, spec -> spec.withId("screening-confirm"));
        assertThat(confirm.isEnabled()).isFalse();
        _setValue(_get(TextArea.class, spec -> spec.withId("screening-reason")), "专业不对口");
        _click(confirm);

        expectNotifications("已将 1 名候选人标记为初筛不通过");
        ApplicationView screened = journeys.awaitApplication(openingId, applicant.applicationId(),
                a -> a.status() == ApplicationStatus.SCREENED_OUT, "the screening out");
        assertThat(screened.recruiterDetail().screeningReason()).isEqualTo("专业不对口");
    }

    @Test
    void screening_several_at_once_reports_the_one_refused_and_screens_the_others() {
        Applicant stays = journeys.applies("周五", openingId);
        Applicant leaves = journeys.applies("吴六", openingId);
        journeys.awaitApplication(openingId, leaves.applicationId(), a -> true, "the applications");
        journeys.awaitApplication(openingId, stays.applicationId(), a -> true, "the applications");
        openPipeline();
        select(stays, leaves);
        journeys.withdraws(leaves); // while the recruiter's page shows it as submitted
        actAs(school.recruiter()); // the test's thread is the recruiter's session again

        _click(_get(Button.class, spec -> spec.withId("pipeline-screen-in")));
        _setValue(_get(TextArea.class, spec -> spec.withId("screening-reason")), "师范专业");
        _click(_get(Button.class, spec -> spec.withId("screening-confirm")));

        List<String> refusals = _get(Div.class, spec -> spec.withId("pipeline-refusals")).getChildren()
                .map(c -> ((Paragraph) c).getText()).toList();
        assertThat(refusals).singleElement().asString().startsWith("吴六：").contains("撤回");
        journeys.awaitApplication(openingId, stays.applicationId(),
                a -> a.status() == ApplicationStatus.SCREENED_IN, "the other screened in");
        assertThat(grid().getSelectedItems()).extracting(ApplicationView::applicationId)
                .containsExactly(leaves.applicationId());
    }

    @Test
    void the_offer_form_checks_the_terms_as_they_are_typed_and_keeps_them_when_refused() {
        Applicant applicant = journeys.applies("郑七", openingId);
        journeys.recommended(school, applicant);
        journeys.awaitApplication(openingId, applicant.applicationId(),
                a -> a.status() == ApplicationStatus.INTERVIEW_RECOMMENDED, "the recommendation");
        openPipeline();

        _click(_get(GridKt._getCellComponent(grid(), 0, "actions"), Button.class,
                spec -> spec.withId("pipeline-offer-" + applicant.applicationId())));
        IntegerField salary = _get(IntegerField.class, spec -> spec.withId("offer-salary"));
        _setValue(salary, 0);
        assertThat(salary.isInvalid()).isTrue();
        assertThat(salary.getErrorMessage()).isEqualTo("月薪须大于 0 元");
        _setValue(salary, 6200);
        assertThat(salary.isInvalid()).isFalse();
        DatePicker start = _get(DatePicker.class, spec -> spec.withId("offer-start"));
        DatePicker respondBy = _get(DatePicker.class, spec -> spec.withId("offer-respond-by"));
        _setValue(start, respondBy.getValue().minusDays(1));
        assertThat(respondBy.isInvalid()).isTrue();
        _setValue(start, LocalDate.now(clock).plusDays(60));
        assertThat(respondBy.isInvalid()).isFalse();
        _setValue(_get(TextField.class, spec -> spec.withId("offer-post")), "英语教师");

        journeys.withdraws(applicant); // before the recruiter confirms
        actAs(school.recruiter()); // the test's thread is the recruiter's session again
        _click(_get(Button.class, spec -> spec.withId("offer-confirm")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("offer-refusal")).getText()).contains("撤回");
        assertThat(_get(TextField.class, spec -> spec.withId("offer-post")).getValue()).isEqualTo("英语教师");
        assertThat(salary.getValue()).isEqualTo(6200);
    }

    @Test
    void an_opening_of_another_unit_is_not_found() {
        School other = journeys.school(PipelineJourneys.unique("县第四中学"));
        openPipeline();
        signIn(other.recruiter());
        UI.getCurrent().navigate(OpeningPipelineView.class, new RouteParameters(OpeningPipelineView.OPENING_ID,
                openingId));

        assertThat(_get(Paragraph.class, spec -> spec.withId("pipeline-not-found")).getText())
                .isEqualTo("未找到该岗位，或它不属于您的单位。");
        _assertNone(Grid.class);
    }

    @Test
    void an_open_pipeline_shows_an_application_as_it_arrives() {
        openPipeline();
        assertThat(count("APPLIED")).isEqualTo("0");

        Applicant applicant = journeys.applies("冯八", openingId);
        actAs(school.recruiter()); // the UI runs on this thread, as the recruiter signed in to it

        eventually(() -> {
            MockVaadin.runUIQueue(); // what the update asked the UI to do (push, in a browser)
            return count("APPLIED");
        }, "1"::equals, "the new application in the open pipeline");
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains(applicant.name());
    }
}
