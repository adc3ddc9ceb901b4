package cn.talentportal.portal.layout;

import cn.talentportal.portal.privacy.ErasuresView;
import cn.talentportal.portal.privacy.MyDataView;
import cn.talentportal.portal.admin.EmployerUnitsView;
import cn.talentportal.portal.admin.ProcessorsView;
import cn.talentportal.portal.admin.policies.AllowancePoliciesView;
import cn.talentportal.portal.admin.reference.ReferenceDataView;
import cn.talentportal.portal.admin.rubrics.RubricsView;
import cn.talentportal.portal.admin.users.UsersView;
import cn.talentportal.portal.alerts.AlertBell;
import cn.talentportal.portal.alerts.AlertsView;
import cn.talentportal.portal.applications.MyApplicationsView;
import cn.talentportal.portal.audit.AccessTrailView;
import cn.talentportal.portal.audit.AuditView;
import cn.talentportal.portal.audit.StoreIntegrityView;
import cn.talentportal.portal.drives.DrivesView;
import cn.talentportal.portal.history.MyHistoryView;
import cn.talentportal.portal.home.HomeView;
import cn.talentportal.portal.i18n.LocaleSelection;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.invitations.MyInterviewsView;
import cn.talentportal.portal.jobs.JobSearchView;
import cn.talentportal.portal.notification.OutboxView;
import cn.talentportal.portal.outreach.CampaignsView;
import cn.talentportal.portal.outreach.ReturneeRegisterView;
import cn.talentportal.portal.profile.ProfileView;
import cn.talentportal.portal.recruiter.RecruiterApplicationsView;
import cn.talentportal.portal.recruiter.RecruiterHomeView;
import cn.talentportal.portal.recruiter.RecruiterOpeningsView;
import cn.talentportal.portal.register.RegistrationView;
import cn.talentportal.portal.retention.CaseloadView;
import cn.talentportal.portal.retention.MyServicesView;
import cn.talentportal.portal.scheduling.RecruiterInterviewsView;
import cn.talentportal.portal.security.CurrentUser;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.security.SignOutEverywhere;
import cn.talentportal.portal.statistics.StatisticsView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The frame around every view. The menu lists only what the signed-in user's role may open, checked with the same
 * annotations that guard the routes, so menu and access can never disagree.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    private final AccessAnnotationChecker access;

    public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker access, QueryGateway queries,
                      SignOutEverywhere signOutEverywhere) {
        this.access = access;
        setPrimarySection(Section.NAVBAR);
        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("portal-brand");

        HorizontalLayout right = new HorizontalLayout();
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.getStyle().set("margin-left", "auto").set("margin-right", "var(--lumo-space-m)");
        right.add(languageSwitch());
        CurrentUser.account().ifPresentOrElse(account -> {
            Span who = new Span(account.displayName() + " · " + getTranslation("role." + account.role().name()));
            who.addClassNames("portal-muted", "portal-hide-on-phone");
            who.setId("current-user");
            if (account.role() == Role.CANDIDATE) {
                right.add(new AlertBell(queries, account.candidateId()));
            }
            Button logout = new Button(getTranslation("action.logout"), e -> authentication.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            right.add(who, logout);
        }, () -> {
            Button login = new Button(getTranslation("action.login"),
                    e -> getUI().ifPresent(ui -> ui.navigate("login")));
            login.setId("login");
            login.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            right.add(login);
        });
        addToNavbar(new DrawerToggle(), brand, right);
        addToDrawer(menu());
        if (CurrentUser.account().isPresent()) {
            Button everywhere = new Button(getTranslation("action.logoutEverywhere"), VaadinIcon.SIGN_OUT.create(),
                    e -> signOutEverywhere.now());
            everywhere.setId("logout-everywhere");
            everywhere.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            everywhere.addClassName("portal-drawer-footer");
            addToDrawer(everywhere);
        }
    }

    private Component languageSwitch() {
        boolean english = TranslationProvider.ENGLISH.getLanguage().equals(getLocale().getLanguage());
        Button toggle = new Button(english ? "中文" : "English", e -> LocaleSelection.switchTo(
                english ? TranslationProvider.CHINESE : TranslationProvider.ENGLISH));
        toggle.setId("language-switch");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return toggle;
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        item(nav, "menu.home", HomeView.class, VaadinIcon.HOME);
        item(nav, "menu.jobs", JobSearchView.class, VaadinIcon.SEARCH);
        if (CurrentUser.account().isEmpty()) {
            item(nav, "menu.register", RegistrationView.class, VaadinIcon.USER_CHECK);
        }
        // graduates and returnees
        item(nav, "menu.myApplications", MyApplicationsView.class, VaadinIcon.FILE_TEXT_O);
        item(nav, "menu.myInterviews", MyInterviewsView.class, VaadinIcon.CALENDAR_USER);
        item(nav, "menu.myServices", MyServicesView.class, VaadinIcon.HOME_O);
        item(nav, "menu.alerts", AlertsView.class, VaadinIcon.BELL);
        item(nav, "menu.profile", ProfileView.class, VaadinIcon.USER_CARD);
        item(nav, "menu.myHistory", MyHistoryView.class, VaadinIcon.TIME_BACKWARD);
        item(nav, "menu.myData", MyDataView.class, VaadinIcon.ERASER);
        // recruiters
        item(nav, "menu.recruiterHome", RecruiterHomeView.class, VaadinIcon.DASHBOARD);
        item(nav, "menu.recruiterOpenings", RecruiterOpeningsView.class, VaadinIcon.BRIEFCASE);
        item(nav, "menu.recruiterApplications", RecruiterApplicationsView.class, VaadinIcon.USERS);
        item(nav, "menu.recruiterInterviews", RecruiterInterviewsView.class, VaadinIcon.CALENDAR);
        item(nav, "menu.drives", DrivesView.class, VaadinIcon.FLAG_O);
        item(nav, "menu.returneeRegister", ReturneeRegisterView.class, VaadinIcon.OPEN_BOOK);
        item(nav, "menu.campaigns", CampaignsView.class, VaadinIcon.PHONE);
        // service specialists
        item(nav, "menu.caseload", CaseloadView.class, VaadinIcon.HANDSHAKE);
        // auditors
        item(nav, "menu.audit", AuditView.class, VaadinIcon.EYE);
        item(nav, "menu.integrity", StoreIntegrityView.class, VaadinIcon.LINK);
        item(nav, "menu.accessTrail", AccessTrailView.class, VaadinIcon.RECORDS);
        item(nav, "menu.statistics", StatisticsView.class, VaadinIcon.BAR_CHART);
        // administrators
        item(nav, "menu.users", UsersView.class, VaadinIcon.USER_CARD);
        item(nav, "menu.employerUnits", EmployerUnitsView.class, VaadinIcon.BUILDING);
        item(nav, "menu.reference", ReferenceDataView.class, VaadinIcon.LIST);
        item(nav, "menu.rubrics", RubricsView.class, VaadinIcon.CLIPBOARD_CHECK);
        item(nav, "menu.policies", AllowancePoliciesView.class, VaadinIcon.MONEY);
        item(nav, "menu.processors", ProcessorsView.class, VaadinIcon.COGS);
        item(nav, "menu.outbox", OutboxView.class, VaadinIcon.ENVELOPE_O);
        item(nav, "menu.erasures", ErasuresView.class, VaadinIcon.ERASER);
        return nav;
    }

    private void item(SideNav nav, String key, Class<? extends Component> view, VaadinIcon icon) {
        if (access.hasAccess(view)) {
            nav.addItem(new SideNavItem(getTranslation(key), view, icon.create()));
        }
    }
}
