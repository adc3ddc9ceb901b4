package cn.talentportal.portal.shared;

import cn.talentportal.domain.shared.DomainRuleViolation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Translated notifications: refusals show their reason, successes say what happened. */
public final class Notices {

    private Notices() {
    }

    public static String reason(DomainRuleViolation refusal) {
        UI ui = UI.getCurrent();
        Object[] args = refusal.arguments().stream()
                .map(arg -> arg instanceof String s && s.contains(".") && !s.contains(" ") && !s.contains(",")
                        ? translateIfKey(ui, s) : arg)
                .map(arg -> arg instanceof String s && s.contains(",") ? translateList(ui, s) : arg)
                .toArray();
        return ui.getTranslation(refusal.messageKey(), args);
    }

    public static void refused(DomainRuleViolation refusal) {
        Notification notification = Notification.show(reason(refusal), 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String key, Object... args) {
        Notification notification = Notification.show(UI.getCurrent().getTranslation(key, args), 4000,
                Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Field keys in a refusal (opening.title) are shown as their labels. */
    private static Object translateIfKey(UI ui, String key) {
        String label = ui.getTranslation(key);
        return label.startsWith("!") ? key : label;
    }

    private static String translateList(UI ui, String keys) {
        String separator = ui.getLocale().getLanguage().equals("zh") ? "、" : ", ";
        return String.join(separator, java.util.Arrays.stream(keys.split(","))
                .map(k -> translateIfKey(ui, k).toString()).toList());
    }
}
