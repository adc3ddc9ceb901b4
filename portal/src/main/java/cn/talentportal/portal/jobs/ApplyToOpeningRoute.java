package cn.talentportal.portal.jobs;

import cn.talentportal.portal.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where "apply" sends a visitor who is not signed in. Being for candidates only, the route guard sends them to sign
 * in and stores this address; after signing in they land here and are forwarded to the opening, where they apply
 * with one more, deliberate, click.
 */
@Route("jobs/:" + OpeningPage.OPENING_ID + "/apply")
@RolesAllowed(Role.CANDIDATE_ROLE)
public class ApplyToOpeningRoute extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(OpeningPage.class,
                OpeningPage.parameters(event.getRouteParameters().get(OpeningPage.OPENING_ID).orElse("")));
    }
}
