package cn.talentportal.portal.shared;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;

/** Dates, times and money in the user's language; times in the office's time zone. */
public final class PortalFormats {

    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    private PortalFormats() {
    }

    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(OFFICE_ZONE).format(instant);
    }

    /** A time of today or soon, to the minute: when a lock ends, when a slot starts. */
    public static String time(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale).withZone(OFFICE_ZONE).format(instant);
    }

    public static String salary(Integer min, Integer max, Locale locale) {
        NumberFormat yuan = NumberFormat.getIntegerInstance(locale);
        if (min == null && max == null) {
            return "";
        }
        if (min == null || max == null) {
            return "¥" + yuan.format(min == null ? max : min);
        }
        return "¥" + yuan.format(min) + " – ¥" + yuan.format(max);
    }

    /** Items of a list as the language writes them: 甲、乙、丙 in Chinese, "a, b, c" in English. */
    public static String list(Collection<String> items, Locale locale) {
        return String.join(Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "、" : ", ", items);
    }
}
