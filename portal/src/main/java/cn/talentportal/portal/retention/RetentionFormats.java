package cn.talentportal.portal.retention;

import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** Dates of retention cases and policies in the user's language, and answers of service requests in words. */
public final class RetentionFormats {

    private RetentionFormats() {
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(date);
    }

    /**
     * An answer stored as a key with arguments: arguments that are keys themselves (an allowance type, a card level)
     * are shown as their labels, the others (an apartment, an amount, a reason) as they are.
     */
    public static String answer(UI ui, String key, List<String> arguments) {
        if (key == null) {
            return "";
        }
        Object[] shown = arguments.stream()
                .map(argument -> {
                    String label = ui.getTranslation(argument);
                    return label.startsWith("!") ? argument : label;
                })
                .toArray();
        return ui.getTranslation(key, shown);
    }
}
