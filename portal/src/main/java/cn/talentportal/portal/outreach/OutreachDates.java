package cn.talentportal.portal.outreach;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates of the outreach views in the user's language (2026年12月1日, Dec 1, 2026). */
final class OutreachDates {

    private OutreachDates() {
    }

    static String format(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(date);
    }
}
