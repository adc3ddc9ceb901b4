package cn.talentportal.projections.search;

import cn.talentportal.projections.search.SearchQueries.OpeningSort;
import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The search_after position of a result page as an opaque, URL-safe string: the sort it belongs to, then the sort
 * values of the page's last hit, each typed ({@code d} double, {@code l} long, {@code s} string, {@code n} null).
 * A cursor from another sort is refused, since its values would mean something else.
 */
public final class SearchCursor {

    private static final String SEPARATOR = "~";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SearchCursor() {
    }

    static String encode(List<FieldValue> sortValues, OpeningSort sort) {
        StringBuilder cursor = new StringBuilder(sort.name());
        for (FieldValue value : sortValues) {
            cursor.append(SEPARATOR).append(switch (value._kind()) {
                case Double -> "d" + value.doubleValue();
                case Long -> "l" + value.longValue();
                case String -> "s" + ENCODER.encodeToString(value.stringValue().getBytes(StandardCharsets.UTF_8));
                case Null -> "n";
                default -> throw new IllegalStateException("unexpected sort value " + value);
            });
        }
        return cursor.toString();
    }

    /** @throws IllegalArgumentException when the cursor is not one this search handed out for {@code sort} */
    static List<FieldValue> decode(String cursor, OpeningSort sort) {
        String[] parts = cursor.split(SEPARATOR, -1);
        if (parts.length < 2 || !parts[0].equals(sort.name())) {
            throw new IllegalArgumentException("cursor does not belong to sort " + sort);
        }
        List<FieldValue> values = new ArrayList<>();
        try {
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i];
                String body = part.isEmpty() ? "" : part.substring(1);
                values.add(switch (part.isEmpty() ? ' ' : part.charAt(0)) {
                    case 'd' -> FieldValue.of(Double.parseDouble(body));
                    case 'l' -> FieldValue.of(Long.parseLong(body));
                    case 's' -> FieldValue.of(new String(DECODER.decode(body), StandardCharsets.UTF_8));
                    case 'n' -> FieldValue.NULL;
                    default -> throw new IllegalArgumentException("bad cursor");
                });
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad cursor", e);
        }
        return values;
    }

    /** Whether {@code cursor} may continue a search sorted by {@code sort}; for APIs that answer 400 otherwise. */
    public static boolean isValid(String cursor, OpeningSort sort) {
        try {
            decode(cursor, sort);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
