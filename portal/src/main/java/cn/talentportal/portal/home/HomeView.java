package cn.talentportal.portal.home;

import cn.talentportal.portal.jobs.JobSearchView;
import cn.talentportal.portal.recruiter.RecruiterHomeView;
import cn.talentportal.portal.register.RegistrationView;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The front door: what the portal is for, and the way in for each kind of visitor. */
@Route("")
@AnonymousAllowed
public class HomeView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    public HomeView() {
        addClassName("portal-page");
        H2 title = new H2(CurrentUser.account()
                .map(a -> getTranslation("home.welcomeBack", a.displayName()))
                .orElse(getTranslation("home.welcome")));
        title.addClassName("portal-title");
        Paragraph intro = new Paragraph(getTranslation("home.intro"));
        Button search = new Button(getTranslation("home.findJobs"),
                e -> getUI().ifPresent(ui -> ui.navigate(JobSearchView.class)));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(search);
        actions.setWrap(true);
        if (CurrentUser.account().isEmpty()) {
            actions.add(new Button(getTranslation("home.register"),
                    e -> getUI().ifPresent(ui -> ui.navigate(RegistrationView.class))));
        }
        add(title, intro, actions);
    }

    /** A recruiter's front door is what needs them today. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.hasRole(Role.RECRUITER)) {
            event.forwardTo(RecruiterHomeView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
