package cn.talentportal.portal.audit;

import cn.talentportal.portal.security.Role;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.queryhandling.QueryGateway;

/** Every recorded opening and export of personal data, whoever it concerned, for auditors. */
@Route("audit/access")
@RolesAllowed(Role.AUDITOR_ROLE)
public class AccessTrailView extends VerticalLayout implements HasDynamicTitle {

    public AccessTrailView(QueryGateway queries) {
        addClassName("portal-page");
        H2 title = new H2(getTranslation("accessTrail.title"));
        title.addClassName("portal-title");
        AccessTrailPanel trail = new AccessTrailPanel(queries, new AuditValues(this::getTranslation, getLocale()), null);
        trail.refresh();
        add(title, trail);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accessTrail.title") + " · " + getTranslation("app.name");
    }
}
