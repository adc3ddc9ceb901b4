package cn.talentportal.portal.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Chinese first: every UI starts in zh-CN unless the user chose English, remembered in a cookie so the choice
 * survives logout and the next visit.
 */
@Component
public class LocaleSelection implements VaadinServiceInitListener {

    static final String COOKIE = "portal-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(chosenLocale(ui.getUI())));
    }

    private static Locale chosenLocale(UI ui) {
        VaadinSession session = ui.getSession();
        Locale sessionLocale = session.getAttribute(Locale.class);
        if (sessionLocale != null) {
            return sessionLocale;
        }
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        Cookie[] cookies = request == null ? null : request.getHttpServletRequest().getCookies();
        boolean english = cookies != null && Arrays.stream(cookies)
                .anyMatch(c -> COOKIE.equals(c.getName()) && "en".equals(c.getValue()));
        return english ? TranslationProvider.ENGLISH : TranslationProvider.CHINESE;
    }

    /** Switches the language for this session and the next visits, then reloads the page in it. */
    public static void switchTo(Locale locale) {
        UI ui = UI.getCurrent();
        ui.getSession().setAttribute(Locale.class, locale);
        ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; samesite=lax';",
                COOKIE, locale.getLanguage());
        ui.getPage().reload();
    }
}
