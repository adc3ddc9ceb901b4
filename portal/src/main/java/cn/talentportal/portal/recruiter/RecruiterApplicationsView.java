package cn.talentportal.portal.recruiter;

import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationView;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Applications to the recruiter's own unit's openings, newest first. */
@Route("recruiter/applications")
@RolesAllowed(Role.RECRUITER_ROLE)
public class RecruiterApplicationsView extends VerticalLayout implements HasDynamicTitle {

    public RecruiterApplicationsView(QueryGateway queries) {
        addClassName("portal-page");
        H2 title = new H2(getTranslation("recruiterApplications.title"));
        title.addClassName("portal-title");
        Grid<ApplicationView> grid = new Grid<>();
        grid.setId("recruiter-applications");
        grid.addColumn(ApplicationView::candidateName).setHeader(getTranslation("application.candidate"));
        grid.addColumn(ApplicationView::openingTitle).setHeader(getTranslation("application.opening"));
        grid.addColumn(a -> getTranslation("stage." + a.stage())).setHeader(getTranslation("application.stage"));
        grid.addColumn(a -> getTranslation("applicationStatus." + a.status()))
                .setHeader(getTranslation("application.status"));
        grid.addColumn(a -> PortalFormats.dateTime(a.submittedAt(), getLocale()))
                .setHeader(getTranslation("application.submittedAt")).setAutoWidth(true);
        grid.setItems(queries.query(new FindApplicationsForEmployer(CurrentUser.require().employerUnitId()),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join());
        grid.setEmptyStateText(getTranslation("recruiterApplications.none"));
        add(title, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recruiterApplications.title") + " · " + getTranslation("app.name");
    }
}
