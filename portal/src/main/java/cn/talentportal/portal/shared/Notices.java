package cn.talentportal.portal.shared;

import cn.talentportal.domain.shared.DomainRuleViolation;
import com.vaadin.flow.component.UI;
import java.util.Arrays;
import java.util.List;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Translated notifications: refusals show their reason, successes say what happened. */
public final class Notices {

    private Notices() {
    }

    /**
     * The refusal in the user's language. Arguments that name a field (opening.title) or a list of fields
     * (opening.title,opening.sector) are shown as the fields' labels; other arguments (a title, a date) as they are.
     */
    public static String reason(DomainRuleViolation refusal) {
        UI ui = UI.getCurrent();
        Object[] args = refusal.arguments().stream()
                .map(arg -> arg instanceof String text ? labels(ui, text) : arg)
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

    private static String labels(UI ui, String text) {
        List<String> labels = Arrays.stream(text.split(",")).map(part -> ui.getTranslation(part)).toList();
        if (labels.stream().anyMatch(label -> label.startsWith("!"))) {
            return text; // not (only) keys: a value the user or the data supplied
        }
        return PortalFormats.list(labels, ui.getLocale());
    }
}
