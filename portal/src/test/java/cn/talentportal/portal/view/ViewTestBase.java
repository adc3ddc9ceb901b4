package cn.talentportal.portal.view;

import cn.talentportal.portal.PortalTestBase;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.i18n.TranslationProvider;
import cn.talentportal.portal.security.PortalUser;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Views without a browser (Karibu Testing): the real running portal's beans, views and route guards, with the UI
 * driven on the test's thread. Fast enough to test each view's behaviour; a browser test covers each journey.
 */
public abstract class ViewTestBase extends PortalTestBase {

    private static Routes routes;

    @Autowired ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("cn.talentportal.portal");
    }

    @BeforeEach
    void startVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        UI.getCurrent().setLocale(TranslationProvider.CHINESE);
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
        actAsNobody();
    }

    /**
     * Signs this account in for the rest of the test, as the login form would: the security context for the
     * portal's own checks and the request's principal and roles for Vaadin's route guard.
     */
    protected void signIn(UserAccount account) {
        PortalUser user = new PortalUser(account);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        // a fresh context, not the one an earlier actAs(...) of the test filled
        SecurityContextHolder.clearContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
        // from the front door, as after a sign-in: reloading the page the previous user was on may be refused now
        UI.getCurrent().navigate("");
        UI.getCurrent().getPage().reload();
    }

    protected void inEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }
}
