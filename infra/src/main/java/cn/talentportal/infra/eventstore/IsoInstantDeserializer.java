package cn.talentportal.infra.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads {@link Instant}s in the form the serializer writes them ({@code 2026-11-21T10:15:30.123Z}: ISO-8601 in UTC,
 * four-digit year, seconds, 0–9 fraction digits, {@code Z}) by hand, and leaves every other form (offsets, years
 * beyond 9999, leap seconds, numbers, malformed text, a {@code @JsonFormat}) to jackson-datatype-jsr310's
 * {@link InstantDeserializer}, so the result is always the one the standard deserializer gives. Its
 * {@code DateTimeFormatter} was a third of an event's payload deserialization in a replay (docs/benchmarks.md,
 * "Replay profile"; decision 0032).
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> implements ContextualDeserializer {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private final InstantDeserializer<Instant> standard;

    IsoInstantDeserializer() {
        this(InstantDeserializer.INSTANT);
    }

    private IsoInstantDeserializer(InstantDeserializer<Instant> standard) {
        super(Instant.class);
        this.standard = standard;
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = parseUtc(parser.getText());
            if (instant != null) {
                return instant;
            }
        }
        return standard.deserialize(parser, context);
    }

    /** A property with its own format (or leniency) gets the standard deserializer made for it. */
    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = standard.createContextual(context, property);
        return contextual == standard ? this : contextual;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a valid date and time (seconds 0–59) as an instant, anything else
     * null.
     */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_SCALE[fractionDigits];
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // not a date (2026-02-30): the standard deserializer reports it
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, at most 9 digits; -1 if any character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
