package cn.talentportal.portal.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Tallies what the fuzzers saw: refusals by message key, and failures (anything else) described readably. */
final class Outcomes {

    private static final Set<String> ZH_KEYS = keys("/messages.properties");
    private static final Set<String> EN_KEYS = keys("/messages_en.properties");

    private final Map<String, Integer> refusals = new TreeMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private int successes;
    private int total;

    void success() {
        total++;
        successes++;
    }

    /** A refusal is fine when both bundles can say why. */
    void refused(String messageKey, String what) {
        total++;
        refusals.merge(messageKey, 1, Integer::sum);
        if (!ZH_KEYS.contains(messageKey) || !EN_KEYS.contains(messageKey)) {
            failures.putIfAbsent("untranslated " + messageKey, what);
        }
    }

    /** A refusal described by what the user or client saw (a message, a status), not by a message key. */
    void refusedAs(String answer) {
        total++;
        refusals.merge(answer, 1, Integer::sum);
    }

    /** Recorded once per kind (what failed and how), with the first input that caused it. */
    void failed(String kind, String what) {
        total++;
        failures.putIfAbsent(kind, what);
    }

    int total() {
        return total;
    }

    int successes() {
        return successes;
    }

    Map<String, Integer> refusals() {
        return refusals;
    }

    Map<String, String> failures() {
        return failures;
    }

    String summary(String name, long seed) {
        return "%s (seed %d): %d inputs, %d accepted, %d refused, %d kinds of failure%n  refusals: %s%n%s".formatted(
                name, seed, total, successes, refusals.values().stream().mapToInt(Integer::intValue).sum(),
                failures.size(), refusals, failures.entrySet().stream()
                        .map(f -> "  FAILURE " + f.getKey() + "\n      first input: " + f.getValue())
                        .collect(Collectors.joining("\n")));
    }

    /** Values as a reader can take them in: huge texts shortened, control characters made visible. */
    static String describe(Object... values) {
        return Arrays.stream(values).map(Outcomes::describeValue).collect(Collectors.joining(", ", "(", ")"));
    }

    static String describeValue(Object value) {
        if (value instanceof String text) {
            String visible = text.codePoints().limit(40).mapToObj(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                    ? "\\u%04x".formatted(c) : Character.toString(c)).collect(Collectors.joining());
            return "\"" + visible + (text.length() > 40 ? "...\"(" + text.length() + " chars)" : "\"");
        }
        if (value instanceof Collection<?> collection && collection.size() > 5) {
            return collection.getClass().getSimpleName() + "(" + collection.size() + " elements)";
        }
        if (value instanceof Map<?, ?> map && map.size() > 5) {
            return "Map(" + map.size() + " entries)";
        }
        if (value instanceof Record record) {
            Object[] components = Arrays.stream(record.getClass().getRecordComponents()).map(c -> {
                try {
                    c.getAccessor().setAccessible(true);
                    return c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    return "?";
                }
            }).toArray();
            return record.getClass().getSimpleName() + describe(components);
        }
        return String.valueOf(value);
    }

    static List<String> missingKeys(Collection<String> keys) {
        return keys.stream().filter(k -> !ZH_KEYS.contains(k) || !EN_KEYS.contains(k)).toList();
    }

    private static Set<String> keys(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Outcomes.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames();
    }
}
