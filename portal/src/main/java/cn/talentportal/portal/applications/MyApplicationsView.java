package cn.talentportal.portal.applications;

import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationView;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** A candidate's own applications, each with its stage. */
@Route("my-applications")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class MyApplicationsView extends VerticalLayout implements HasDynamicTitle {

    public MyApplicationsView(QueryGateway queries) {
        addClassName("portal-page");
        H2 title = new H2(getTranslation("myApplications.title"));
        title.addClassName("portal-title");
        Grid<ApplicationView> grid = new Grid<>();
        grid.setId("my-applications");
        grid.addColumn(ApplicationView::openingTitle).setHeader(getTranslation("application.opening"));
        grid.addColumn(ApplicationView::employerName).setHeader(getTranslation("application.employer"));
        grid.addColumn(a -> getTranslation("stage." + a.stage())).setHeader(getTranslation("application.stage"));
        grid.addColumn(a -> PortalFormats.dateTime(a.submittedAt(), getLocale()))
                .setHeader(getTranslation("application.submittedAt")).setAutoWidth(true);
        grid.setItems(queries.query(new FindApplicationsOfCandidate(CurrentUser.require().candidateId()),
                ResponseTypes.multipleInstancesOf(ApplicationView.class)).join());
        grid.setEmptyStateText(getTranslation("myApplications.none"));
        add(title, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myApplications.title") + " · " + getTranslation("app.name");
    }
}
