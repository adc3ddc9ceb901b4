package cn.talentportal.portal.scheduling;

import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.scheduling.SchedulingFixture.Application;
import cn.talentportal.portal.scheduling.SchedulingFixture.School;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.employer.EmployerQueries.FindEmployerUnit;
import cn.talentportal.projections.employer.EmployerUnitView;
import cn.talentportal.projections.employer.EmployerUnitView.Recruiter;
import cn.talentportal.projections.interview.CalendarEntry;
import cn.talentportal.projections.interview.InterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import cn.talentportal.projections.interview.InterviewQueries.FindRubrics;
import cn.talentportal.projections.interview.RubricView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

class InterviewSchedulingViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    SchedulingFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new SchedulingFixture(commands, accounts, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void panel_availability_is_shown_and_a_double_booking_is_refused_next_to_the_time_keeping_the_form() {
        School school = fixture.school("县第三中学" + SchedulingFixture.suffix());
        String rubricId = fixture.rubric(school);
        Application first = fixture.screenedIn(school, fixture.graduate("陈思"), "初中数学教师");
        Application second = fixture.screenedIn(school, fixture.graduate("林悦"), "初中英语教师");
        InterviewSlot tenToEleven = fixture.tomorrowAt(10, 60);
        fixture.schedule(school, first, rubricId, tenToEleven);
        awaitScreenedIn(school, second);
        RubricView rubric = awaitRubric(rubricId);
        awaitRecruiters(school);
        eventually(() -> interviewsOf(first), list -> !list.isEmpty(), "the first interview in the calendars");

        signIn(school.recruiter());
        ScheduleInterviewView.open(second.applicationId());
        assertThat(_get(Paragraph.class, spec -> spec.withId("schedule-for")).getText()).contains("林悦", "初中英语教师");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Recruiter> panel = _get(MultiSelectComboBox.class, spec -> spec.withId("schedule-panel"));
        assertThat(panel.getValue()).extracting(Recruiter::userId).containsExactly(school.recruiter().userId());
        Set<Recruiter> both = Set.of(recruiter(school.recruiter()), recruiter(school.panelist()));
        _setValue(panel, both);
        @SuppressWarnings("unchecked")
        ComboBox<RubricView> rubricField = _get(ComboBox.class, spec -> spec.withId("schedule-rubric"));
        _setValue(rubricField, rubric);

        // tomorrow at 10:00 for an hour is the default: both panel members are busy then
        Div panelistDay = _get(Div.class, spec -> spec.withId("availability-" + school.panelist().userId()));
        assertThat(panelistDay.getElement().getTextRecursively()).contains(school.panelist().displayName(),
                "10:00–11:00", "与所选时间冲突");
        TimePicker time = _get(TimePicker.class, spec -> spec.withId("schedule-time"));
        _setValue(time, LocalTime.of(10, 30));
        _click(_get(Button.class, spec -> spec.withId("schedule-submit")));

        assertThat(time.isInvalid()).isTrue();
        assertThat(time.getErrorMessage()).contains("已有其他面试安排").containsAnyOf(
                school.recruiter().displayName(), school.panelist().displayName());
        assertThat(time.getValue()).isEqualTo(LocalTime.of(10, 30));
        assertThat(panel.getValue()).isEqualTo(both);
        assertThat(rubricField.getValue()).isEqualTo(rubric);

        _setValue(time, LocalTime.of(14, 0));
        assertThat(time.isInvalid()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withId("availability-" + school.panelist().userId()))
                .getElement().getTextRecursively()).contains("10:00–11:00").doesNotContain("与所选时间冲突");
        _click(_get(Button.class, spec -> spec.withId("schedule-submit")));
        expectNotifications("已为林悦安排面试");
        assertThat(_get(Paragraph.class, spec -> spec.withId("interview-panel")).getText())
                .contains(school.recruiter().displayName(), school.panelist().displayName());

        UI.getCurrent().navigate(RecruiterInterviewsView.class);
        @SuppressWarnings("unchecked")
        Grid<CalendarEntry> grid = _get(Grid.class, spec -> spec.withId("recruiter-interviews"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).candidateName()).isEqualTo("林悦"); // 14:00, the later one, first
    }

    @Test
    void another_units_application_and_interview_read_as_not_found() {
        School school = fixture.school("县第四中学" + SchedulingFixture.suffix());
        String rubricId = fixture.rubric(school);
        Application application = fixture.screenedIn(school, fixture.graduate("高远"), "小学科学教师");
        Application scheduled = fixture.screenedIn(school, fixture.graduate("何静"), "小学美术教师");
        String interviewId = fixture.schedule(school, scheduled, rubricId, fixture.tomorrowAt(9, 45));
        School other = fixture.school("县第五中学" + SchedulingFixture.suffix());
        awaitScreenedIn(school, application);
        eventually(() -> interviewsOf(scheduled), list -> !list.isEmpty(), "the interview in the read model");

        signIn(other.recruiter());
        ScheduleInterviewView.open(application.applicationId());
        assertThat(_get(Paragraph.class, spec -> spec.withId("schedule-not-found")).getText())
                .isEqualTo("找不到该申请，或它不属于您的单位");
        assertThat(_find(Button.class, spec -> spec.withId("schedule-submit"))).isEmpty();

        InterviewDetailView.open(interviewId);
        assertThat(_get(Paragraph.class, spec -> spec.withId("interview-not-found")).getText())
                .isEqualTo("找不到该面试，或它不属于您的单位");
        assertThat(_find(Div.class, spec -> spec.withId("interview-summary"))).isEmpty();

        UI.getCurrent().navigate(RecruiterInterviewsView.class);
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("recruiter-interviews")))).isZero();
    }

    @Test
    void scorecards_are_checked_per_criterion_and_the_outcome_waits_for_every_panel_member() {
        School school = fixture.school("县第六中学" + SchedulingFixture.suffix());
        String rubricId = fixture.rubric(school);
        Application application = fixture.screenedIn(school, fixture.graduate("宋佳"), "初中历史教师");
        InterviewSlot slot = fixture.startingIn(Duration.ofHours(1), 45);
        String interviewId = fixture.schedule(school, application, rubricId, slot);
        eventually(() -> detail(interviewId), found -> found.isPresent(), "the interview in the read model");
        clock.advance(Duration.ofHours(2)); // the interview has taken place

        signIn(school.recruiter());
        InterviewDetailView.open(interviewId);
        _click(_get(Button.class, spec -> spec.withId("record-held")));
        expectNotifications("已登记宋佳的面试已举行");
        assertThat(_get(Paragraph.class, spec -> spec.withId("interview-status")).getText()).contains("已面试");

        IntegerField subject = _get(IntegerField.class, spec -> spec.withId("scorecard-subject"));
        IntegerField teaching = _get(IntegerField.class, spec -> spec.withId("scorecard-teaching"));
        IntegerField fit = _get(IntegerField.class, spec -> spec.withId("scorecard-fit"));
        _setValue(subject, 11);
        assertThat(subject.isInvalid()).isTrue();
        assertThat(subject.getErrorMessage()).isEqualTo("“学科知识”的得分需在 0 到 10 之间");
        _setValue(teaching, 9);
        _setValue(fit, 6); // this criterion's scale ends at 5
        assertThat(fit.isInvalid()).isTrue();
        assertThat(fit.getErrorMessage()).isEqualTo("“扎根基层意愿”的得分需在 0 到 5 之间");
        _click(_get(Button.class, spec -> spec.withId("scorecard-submit")));
        expectNoNotifications();
        assertThat(detail(interviewId).orElseThrow().scorecards()).isEmpty();

        _setValue(subject, 8);
        _setValue(fit, 5);
        _setValue(_get(TextArea.class, spec -> spec.withId("scorecard-comment")), "基本功扎实");
        _click(_get(Button.class, spec -> spec.withId("scorecard-submit")));
        expectNotifications("已提交对宋佳的评分");
        assertThat(_find(Div.class, spec -> spec.withId("scorecard-form"))).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("scorecard-by-" + school.recruiter().userId()))
                .getElement().getTextRecursively()).contains("学科知识 8", "试讲表现 9", "扎根基层意愿 5", "基本功扎实");

        decide(InterviewOutcome.RECOMMENDED, "试讲表现突出");
        expectNotifications("以下评委尚未提交评分：" + school.panelist().displayName());
        assertThat(_get(TextArea.class, spec -> spec.withId("outcome-reason")).getValue()).isEqualTo("试讲表现突出");

        signIn(school.panelist());
        InterviewDetailView.open(interviewId);
        _setValue(_get(IntegerField.class, spec -> spec.withId("scorecard-subject")), 7);
        _setValue(_get(IntegerField.class, spec -> spec.withId("scorecard-teaching")), 8);
        _setValue(_get(IntegerField.class, spec -> spec.withId("scorecard-fit")), 4);
        _click(_get(Button.class, spec -> spec.withId("scorecard-submit")));
        expectNotifications("已提交对宋佳的评分");
        decide(InterviewOutcome.RECOMMENDED, "两位评委一致推荐");
        expectNotifications("已确定宋佳的面试结论");
        assertThat(_get(Paragraph.class, spec -> spec.withId("interview-outcome")).getText()).contains("建议录用");
        assertThat(detail(interviewId).orElseThrow().entry().status()).isEqualTo(InterviewStatus.DECIDED);
    }

    @Test
    void a_scheduled_interview_is_moved_and_then_cancelled_with_reasons() {
        School school = fixture.school("县第七中学" + SchedulingFixture.suffix());
        String rubricId = fixture.rubric(school);
        Application application = fixture.screenedIn(school, fixture.graduate("罗兰"), "初中地理教师");
        String interviewId = fixture.schedule(school, application, rubricId, fixture.tomorrowAt(9, 60));
        eventually(() -> detail(interviewId), found -> found.isPresent(), "the interview in the read model");

        signIn(school.recruiter());
        InterviewDetailView.open(interviewId);
        _click(_get(Button.class, spec -> spec.withId("reschedule-submit")));
        assertThat(_get(TextArea.class, spec -> spec.withId("reschedule-reason")).isInvalid()).isTrue();
        expectNoNotifications();
        _setValue(_get(TimePicker.class, spec -> spec.withId("reschedule-time")), LocalTime.of(15, 0));
        _setValue(_get(TextArea.class, spec -> spec.withId("reschedule-reason")), "评委上午有教研活动");
        _click(_get(Button.class, spec -> spec.withId("reschedule-submit")));
        expectNotifications("已为罗兰的面试改期");
        assertThat(detail(interviewId).orElseThrow().entry().slot()).isEqualTo(fixture.tomorrowAt(15, 60));

        _setValue(_get(TextArea.class, spec -> spec.withId("cancel-reason")), "候选人已签约他处");
        _click(_get(Button.class, spec -> spec.withId("cancel-submit")));
        expectNotifications("已取消罗兰的面试");
        assertThat(_get(Paragraph.class, spec -> spec.withId("interview-status")).getText()).contains("已取消");
        assertThat(_find(Button.class, spec -> spec.withId("record-held"))).isEmpty();
    }

    private void decide(InterviewOutcome outcome, String reason) {
        @SuppressWarnings("unchecked")
        RadioButtonGroup<InterviewOutcome> choice = _get(RadioButtonGroup.class, spec -> spec.withId("outcome-choice"));
        _setValue(choice, outcome);
        _setValue(_get(TextArea.class, spec -> spec.withId("outcome-reason")), reason);
        _click(_get(Button.class, spec -> spec.withId("outcome-submit")));
    }

    private static Recruiter recruiter(UserAccount account) {
        return new Recruiter(account.userId(), account.displayName());
    }

    private Optional<InterviewDetail> detail(String interviewId) {
        return asSystem(() -> queries.query(new FindInterviewDetail(interviewId),
                ResponseTypes.optionalInstanceOf(InterviewDetail.class)).join());
    }

    private List<CalendarEntry> interviewsOf(Application application) {
        return asSystem(() -> queries.query(new FindInterviewsOfCandidate(application.graduate().candidateId()),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join());
    }

    private void awaitScreenedIn(School school, Application application) {
        eventually(() -> asSystem(() -> queries.query(new FindApplicationsForEmployer(school.unitId()),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join()),
                list -> list.stream().anyMatch(a -> a.applicationId().equals(application.applicationId())
                        && a.status() == ApplicationStatus.SCREENED_IN), "the screened-in application");
    }

    private void awaitRecruiters(School school) {
        eventually(() -> asSystem(() -> queries.query(new FindEmployerUnit(school.unitId()),
                        ResponseTypes.optionalInstanceOf(EmployerUnitView.class)).join()),
                unit -> unit.map(u -> u.recruiters().size() == 2).orElse(false), "the unit's two recruiters");
    }

    private RubricView awaitRubric(String rubricId) {
        return eventually(() -> asSystem(() -> queries.query(new FindRubrics(),
                        ResponseTypes.multipleInstancesOf(RubricView.class)).join()).stream().filter(r -> r.rubricId().equals(rubricId)).findFirst(),
                Optional::isPresent, "the rubric").orElseThrow();
    }
}
