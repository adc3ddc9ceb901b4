package cn.talentportal.portal.recruiter;

import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.application.ApplicationView;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Applications to the recruiter's own unit's openings, newest first; {@code ?status=A,B} shows only those statuses
 * (the recruiter's home links here).
 */
@Route("recruiter/applications")
@RolesAllowed(Role.RECRUITER_ROLE)
public class RecruiterApplicationsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final String STATUS = "status";

    private final QueryGateway queries;
    private final Grid<ApplicationView> grid = new Grid<>();

    public RecruiterApplicationsView(QueryGateway queries) {
        this.queries = queries;
        addClassName("portal-page");
        H2 title = new H2(getTranslation("recruiterApplications.title"));
        title.addClassName("portal-title");
        grid.setId("recruiter-applications");
        grid.addColumn(ApplicationView::candidateName).setHeader(getTranslation("application.candidate"));
        grid.addColumn(ApplicationView::openingTitle).setHeader(getTranslation("application.opening"));
        grid.addColumn(a -> getTranslation("stage." + a.stage())).setHeader(getTranslation("application.stage"));
        grid.addColumn(a -> getTranslation("applicationStatus." + a.status()))
                .setHeader(getTranslation("application.status"));
        grid.addColumn(a -> a.interviewSlot() == null ? "" : PortalFormats.dateTime(a.interviewSlot().start(),
                getLocale())).setHeader(getTranslation("pipeline.interviewAt")).setAutoWidth(true);
        grid.addColumn(a -> PortalFormats.dateTime(a.submittedAt(), getLocale()))
                .setHeader(getTranslation("application.submittedAt")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("recruiterApplications.none"));
        add(title, grid);
    }

    /** The query parameters that open this list on these statuses only. */
    static QueryParameters withStatuses(ApplicationStatus... statuses) {
        return QueryParameters.of(STATUS, Arrays.stream(statuses).map(Enum::name).collect(Collectors.joining(",")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Set<ApplicationStatus> shown = event.getLocation().getQueryParameters().getSingleParameter(STATUS)
                .map(RecruiterApplicationsView::statuses).orElseGet(() -> EnumSet.allOf(ApplicationStatus.class));
        grid.setItems(queries.query(new FindApplicationsForEmployer(CurrentUser.require().employerUnitId()),
                        ResponseTypes.multipleInstancesOf(ApplicationView.class)).join().stream()
                .filter(a -> shown.contains(a.status())).toList());
    }

    /** Names that are no status (an edited link) are left out. */
    private static Set<ApplicationStatus> statuses(String names) {
        Set<ApplicationStatus> statuses = EnumSet.noneOf(ApplicationStatus.class);
        Arrays.stream(ApplicationStatus.values()).filter(s -> Arrays.asList(names.split(",")).contains(s.name()))
                .forEach(statuses::add);
        return statuses;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recruiterApplications.title") + " · " + getTranslation("app.name");
    }
}
