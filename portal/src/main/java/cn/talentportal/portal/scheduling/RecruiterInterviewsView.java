package cn.talentportal.portal.scheduling;

import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.interview.CalendarEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The interviews of the recruiter's own unit, latest first, paged from the read model as the grid scrolls; and the
 * unit's applications waiting for an interview, to schedule one.
 */
@Route("recruiter/interviews")
@RolesAllowed(Role.RECRUITER_ROLE)
public class RecruiterInterviewsView extends VerticalLayout implements HasDynamicTitle {

    /** Screened in, or back in review after a cancelled interview, or missed and to be tried again. */
    static final Set<ApplicationStatus> AWAITING_INTERVIEW = EnumSet.of(ApplicationStatus.SCREENED_IN,
            ApplicationStatus.INTERVIEW_CANCELLED, ApplicationStatus.INTERVIEW_NO_SHOW);

    public RecruiterInterviewsView(UnitInterviews unitInterviews) {
        addClassName("portal-page");
        UserAccount recruiter = CurrentUser.require();
        H2 title = new H2(getTranslation("scheduling.list.title"));
        title.addClassName("portal-title");

        ComboBox<ApplicationView> application = new ComboBox<>(getTranslation("scheduling.list.application"));
        application.setId("schedule-application");
        application.setItems(unitInterviews.applications(recruiter).stream()
                .filter(a -> AWAITING_INTERVIEW.contains(a.status()))
                .toList());
        application.setItemLabelGenerator(a -> a.candidateName() + " · " + a.openingTitle());
        application.setMinWidth("16em");
        Button schedule = new Button(getTranslation("scheduling.list.schedule"),
                click -> ScheduleInterviewView.open(application.getValue().applicationId()));
        schedule.setId("schedule-open");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        schedule.setEnabled(false);
        application.addValueChangeListener(change -> schedule.setEnabled(change.getValue() != null));
        HorizontalLayout toSchedule = new HorizontalLayout(application, schedule);
        toSchedule.setAlignItems(FlexComponent.Alignment.BASELINE);
        toSchedule.setWrap(true);

        Set<String> openingIds = unitInterviews.openingIds(recruiter);
        Grid<CalendarEntry> grid = new Grid<>();
        grid.setId("recruiter-interviews");
        grid.addColumn(e -> PortalFormats.dateTime(e.slot().start(), getLocale())).setKey("slot")
                .setHeader(getTranslation("scheduling.list.slot")).setAutoWidth(true);
        grid.addColumn(CalendarEntry::candidateName).setKey("candidate")
                .setHeader(getTranslation("application.candidate"));
        grid.addColumn(CalendarEntry::openingTitle).setKey("opening")
                .setHeader(getTranslation("application.opening"));
        grid.addColumn(e -> getTranslation("interviewStatus." + e.status())).setKey("status")
                .setHeader(getTranslation("scheduling.list.status"));
        grid.addColumn(e -> e.panel().stream().map(PanelMember::name).collect(Collectors.joining(getTranslation("scheduling.separator"))))
                .setKey("panel").setHeader(getTranslation("scheduling.panel"));
        grid.addComponentColumn(e -> {
            Button open = new Button(getTranslation("scheduling.list.open"),
                    click -> InterviewDetailView.open(e.interviewId()));
            open.setId("open-interview-" + e.interviewId());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return open;
        }).setKey("open").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> unitInterviews.page(openingIds, query.getOffset(), query.getLimit()).stream(),
                query -> unitInterviews.count(openingIds));
        grid.setEmptyStateText(getTranslation("scheduling.list.none"));
        add(title, toSchedule, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scheduling.list.title") + " · " + getTranslation("app.name");
    }
}
