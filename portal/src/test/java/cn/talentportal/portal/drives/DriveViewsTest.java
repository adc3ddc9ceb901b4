package cn.talentportal.portal.drives;

import cn.talentportal.domain.drive.DriveCommands.SignUpForDrive;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.opening.OpeningQueries.FindOpeningsOfEmployer;
import cn.talentportal.projections.opening.OpeningView;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.home.HomeView;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.drive.DriveQueries.CountDriveRegistrations;
import cn.talentportal.projections.drive.DriveQueries.CountDrivesOfUnit;
import cn.talentportal.projections.drive.DriveRegistrationEntry;
import cn.talentportal.projections.drive.DriveSummary;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A recruiter plans a drive, records attendance per registration and marks it held; other units see nothing. */
class DriveViewsTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Unit(String unitId, String name, UserAccount recruiter) {
    }

    /** An administrator creates the unit and assigns its recruiter, as on the employer units page. */
    private Unit unit(String name, String recruiterName) {
        actAs(account(accounts, "admin", Role.ADMIN, "管理员", null, null));
        String unitId = UUID.randomUUID().toString();
        commands.send(new CreateEmployerUnit(unitId, name, EmployerType.SCHOOL, "城关镇", Sector.EDUCATION));
        UserAccount recruiter = account(accounts, "recruiter", Role.RECRUITER, recruiterName, unitId, null);
        commands.send(new AssignRecruiter(unitId, recruiter.userId(), recruiter.displayName()));
        actAsNobody();
        return new Unit(unitId, name, recruiter);
    }

    @Test
    void a_recruiter_plans_a_drive_records_attendance_per_registration_and_marks_it_held() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Unit school = unit("县第四中学" + suffix, "周校长");
        Unit other = unit("县第五中学" + suffix, "钱校长");
        String title = "西南大学2027届校园招聘" + suffix;

        signIn(school.recruiter());
        UI.getCurrent().navigate(DrivesView.class);
        _setValue(_get(Select.class, spec -> spec.withId("drive-kind")), DriveKind.CAMPUS_RECRUITMENT);
        _setValue(_get(TextField.class, spec -> spec.withId("drive-title")), title);
        _setValue(_get(TextField.class, spec -> spec.withId("drive-venue")), "西南大学就业指导中心");
        LocalDateTime start = LocalDateTime.now(clock.withZone(PortalFormats.OFFICE_ZONE)).plusHours(1)
                .truncatedTo(ChronoUnit.MINUTES);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("drive-starts")), start);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("drive-ends")), start.plusHours(4));
        _click(_get(Button.class, spec -> spec.withId("drive-plan")));
        assertThat(_get(TextField.class, spec -> spec.withId("drive-university")).isInvalid())
                .as("a campus drive names its university").isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("drive-university")), "西南大学");
        _click(_get(Button.class, spec -> spec.withId("drive-plan")));
        NotificationsKt.expectNotifications("已安排招聘活动“" + title + "”");

        @SuppressWarnings("unchecked")
        Grid<DriveSummary> drives = _get(Grid.class, spec -> spec.withId("drives"));
        assertThat(GridKt._size(drives)).isEqualTo(1);
        String driveId = GridKt._get(drives, 0).driveId();

        // two graduates sign up; the drive starts and the stand records who came
        for (String name : new String[] {"王芳", "李明"}) {
            String candidateId = UUID.randomUUID().toString();
            actAs(account(accounts, "grad", Role.CANDIDATE, name, null, candidateId));
            commands.send(new SignUpForDrive(driveId, candidateId, name));
        }
        actAs(school.recruiter());
        eventually(() -> queries.query(new CountDriveRegistrations(driveId), Long.class).join(), n -> n == 2,
                "both registrations");
        clock.advance(Duration.ofHours(2));

        String openingTitle = publishedOpening(school, "高中物理教师" + suffix);
        UI.getCurrent().navigate(DriveView.class, new RouteParameters(DriveView.DRIVE_ID, driveId));
        @SuppressWarnings("unchecked")
        Select<OpeningView> opening = _get(Select.class, spec -> spec.withId("drive-feature-opening"));
        _setValue(opening, opening.getListDataView().getItems()
                .filter(o -> o.details().title().equals(openingTitle)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("drive-feature")));
        NotificationsKt.expectNotifications("已在“" + title + "”中推介该岗位");
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("drive-featured")).getChildren()
                .filter(Span.class::isInstance).map(c -> ((Span) c).getText()))
                .containsExactly(openingTitle + " · " + school.name());

        @SuppressWarnings("unchecked")
        Grid<DriveRegistrationEntry> registrations = _get(Grid.class, spec -> spec.withId("drive-registrations"));
        assertThat(GridKt._size(registrations)).isEqualTo(2);
        DriveRegistrationEntry first = GridKt._get(registrations, 0);
        _click((Button) GridKt._getCellComponent(registrations, 0, "attendance"));
        NotificationsKt.expectNotifications("已登记" + first.candidateName() + "到场");
        assertThat(((Span) GridKt._getCellComponent(registrations, 0, "attendance")).getText()).isEqualTo("已到场");
        assertThat(GridKt._getCellComponent(registrations, 1, "attendance")).isInstanceOf(Button.class);

        _click(_get(Button.class, spec -> spec.withId("drive-mark-held")));
        _setValue(_get(TextArea.class, spec -> spec.withId("drive-summary")), "到场学生 120 人，收到简历 35 份");
        _click(_get(Button.class, spec -> spec.withId("drive-summary-confirm")));
        NotificationsKt.expectNotifications("“" + title + "”已标记为已举办");
        assertThat(_get(Span.class, spec -> spec.withId("drive-status")).getText()).isEqualTo("已举办");
        _assertNone(Button.class, spec -> spec.withId("drive-mark-held"));

        // another unit's recruiter neither lists nor opens it
        UI.getCurrent().navigate(HomeView.class);
        signIn(other.recruiter());
        assertThat(queries.query(new CountDrivesOfUnit(other.unitId()), Long.class).join()).isZero();
        UI.getCurrent().navigate(DriveView.class, new RouteParameters(DriveView.DRIVE_ID, driveId));
        assertThat(_get(Paragraph.class, spec -> spec.withId("drive-not-found")).getText())
                .isEqualTo("没有找到该招聘活动，或其不属于本单位");
        _assertNone(Grid.class, spec -> spec.withId("drive-registrations"));
    }

    /** The unit's recruiter publishes an opening, as on the openings page; returns once the unit's list shows it. */
    private String publishedOpening(Unit unit, String title) {
        actAs(unit.recruiter());
        String openingId = UUID.randomUUID().toString();
        commands.send(new DraftOpening(openingId, unit.unitId(), unit.name(), new OpeningDetails(title,
                "承担高中物理教学与实验室管理", Sector.EDUCATION, "城关镇", Education.BACHELOR, "物理学", 5500, 7000, 1,
                Set.of(TalentCategory.GRADUATE), LocalDate.now(clock).plusMonths(2))));
        commands.send(new PublishOpening(openingId));
        eventually(() -> queries.query(new FindOpeningsOfEmployer(unit.unitId()),
                        ResponseTypes.multipleInstancesOf(OpeningView.class)).join(),
                list -> list.stream().anyMatch(o -> o.openingId().equals(openingId)
                        && o.status() == OpeningStatus.PUBLISHED), "the published opening");
        return title;
    }

    @Test
    void a_cancellation_needs_a_reason_and_only_recruiters_open_drives() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Unit school = unit("县第六中学" + suffix, "孙老师");
        String title = "春季网络招聘会" + suffix;
        signIn(school.recruiter());
        UI.getCurrent().navigate(DrivesView.class);
        _setValue(_get(Select.class, spec -> spec.withId("drive-kind")), DriveKind.ONLINE_JOB_FAIR);
        _setValue(_get(TextField.class, spec -> spec.withId("drive-title")), title);
        _setValue(_get(TextField.class, spec -> spec.withId("drive-venue")), "https://live.example.cn/room/8");
        LocalDateTime start = LocalDateTime.now(clock.withZone(PortalFormats.OFFICE_ZONE)).plusDays(3)
                .truncatedTo(ChronoUnit.MINUTES);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("drive-starts")), start);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("drive-ends")), start.minusHours(1));
        _click(_get(Button.class, spec -> spec.withId("drive-plan")));
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("drive-ends")).getErrorMessage())
                .isEqualTo("结束时间须晚于开始时间");
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("drive-ends")), start.plusHours(3));
        _click(_get(Button.class, spec -> spec.withId("drive-plan")));
        NotificationsKt.expectNotifications("已安排招聘活动“" + title + "”");
        @SuppressWarnings("unchecked")
        Grid<DriveSummary> drives = _get(Grid.class, spec -> spec.withId("drives"));
        String driveId = GridKt._get(drives, 0).driveId();

        UI.getCurrent().navigate(DriveView.class, new RouteParameters(DriveView.DRIVE_ID, driveId));
        _click(_get(Button.class, spec -> spec.withId("drive-cancel")));
        _click(_get(Button.class, spec -> spec.withId("drive-cancel-reason-confirm")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("drive-cancel-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("请填写取消原因");
        _setValue(reason, "场地临时征用");
        _click(_get(Button.class, spec -> spec.withId("drive-cancel-reason-confirm")));
        NotificationsKt.expectNotifications("已取消“" + title + "”");
        assertThat(_get(Span.class, spec -> spec.withId("drive-status")).getText()).isEqualTo("已取消");

        UI.getCurrent().navigate(HomeView.class);
        signIn(account(accounts, "grad", Role.CANDIDATE, "王芳", null, UUID.randomUUID().toString()));
        assertThatThrownBy(() -> UI.getCurrent().navigate(DrivesView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
