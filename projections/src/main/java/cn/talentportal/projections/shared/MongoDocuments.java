package cn.talentportal.projections.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;

/** Conversions between read-model documents and Java values. */
public final class MongoDocuments {

    private MongoDocuments() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate localDate(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : Enum.valueOf(type, value);
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
