package cn.talentportal.portal.fuzz;

import cn.talentportal.domain.shared.DomainRuleViolation;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Seeded generator of command and form values: each value is hostile with the given probability (empty, blank,
 * huge, control characters, bidirectional overrides, lone surrogates, script tags, Mongo operators, extreme numbers
 * and dates, nulls, huge collections), otherwise plausible, so a command reaches the rules behind its first check.
 * Records are built through their canonical constructors; refusals there are counted, other exceptions recorded.
 */
final class HostileValues {

    /** Hostile texts every field meets; the fuzzers also make random ones. */
    static final List<String> STRINGS = List.of(
            "", " ", "\t \n ", "\u3000", "\u0000", "名字\u0000", "a\u0007b\u001b[31m", "\r\n\r\n",
            "\u202E名字反转\u202C", "\u200F\u200E\u2066x\u2069", "\uFEFF", "\u200B\u200B",
            "😀👩‍👩‍👧‍👦🇨🇳", "\uD83D", "\uDE00x", "x".repeat(100_000), "测".repeat(5001),
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "{\"$gt\": \"\"}", "{\"$ne\": null}", "$where", "{\"$where\": \"sleep(1000)\"}", "$set", "a.b.c",
            "'; DROP TABLE candidates; --", "' OR '1'='1", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "%00", "%2e%2e%2f", "${jndi:ldap://example.invalid/a}", "{{7*7}}", "#{7*7}", "null", "undefined",
            "-1", "0", "1e309", "NaN", "9999-99-99", "0000-00-00", "2026-02-30", "13800138000",
            "a\u0000b@example.cn", "<script>@example.cn", "{\"$gt\":\"\"}@example.cn", "测试@例子.中国",
            "11010519491231002X", "110105194912310021", "+86 138-0013-8000", "١٣٨٠٠١٣٨٠٠٠");

    private final Random random;
    private final Map<String, List<String>> knownIds;
    private final Map<String, Integer> constructionRefusals = new HashMap<>();
    private final List<String> constructionFailures = new ArrayList<>();
    private long instantOffset;

    HostileValues(Random random, Map<String, List<String>> knownIds) {
        this.random = random;
        this.knownIds = knownIds;
    }

    /** Refusals by message key raised while building records (value objects refusing hostile input). */
    Map<String, Integer> constructionRefusals() {
        return constructionRefusals;
    }

    /** Anything but a refusal thrown by a record's constructor: a bug in a value object. */
    List<String> constructionFailures() {
        return constructionFailures;
    }

    /** A record of this type; null when even plausible values are refused. */
    Object record(Class<?> type, double hostility) {
        Object built = tryRecord(type, hostility);
        return built != null || hostility == 0 ? built : tryRecord(type, 0);
    }

    String hostileString() {
        return switch (random.nextInt(6)) {
            case 0 -> randomText(random.nextInt(300));
            case 1 -> "测试" + STRINGS.get(random.nextInt(STRINGS.size())); // hostile inside plausible text
            default -> STRINGS.get(random.nextInt(STRINGS.size()));
        };
    }

    private Object tryRecord(Class<?> type, double hostility) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), components[i].getGenericType(), components[i].getName(),
                    hostility);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof DomainRuleViolation refusal) {
                constructionRefusals.merge(refusal.messageKey(), 1, Integer::sum);
            } else {
                constructionFailures.add(type.getSimpleName() + " " + Outcomes.describe(values) + " -> "
                        + e.getCause());
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName(), e);
        }
    }

    private Object value(Class<?> type, Type generic, String name, double hostility) {
        boolean hostile = random.nextDouble() < hostility;
        if (hostile && !type.isPrimitive() && random.nextInt(5) == 0) {
            return null;
        }
        if (type == String.class) {
            return hostile ? hostileString() : plausibleString(name);
        }
        if (type == int.class || type == Integer.class) {
            return hostile ? pick(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, random.nextInt()) : plausibleInt(name);
        }
        if (type == long.class || type == Long.class) {
            return hostile ? pick(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, random.nextLong()) : 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type == LocalDate.class) {
            LocalDate today = LocalDate.now();
            return hostile ? pick(LocalDate.MIN, LocalDate.MAX, LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31),
                    LocalDate.of(1900, 1, 1), today.minusYears(200), today.plusYears(500))
                    : today.plusDays(10 + random.nextInt(60));
        }
        if (type == Instant.class) {
            Instant now = Instant.now();
            // plausible instants grow, so a start generated before an end lies before it
            instantOffset += 30;
            return hostile ? pick(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-62_167_219_200L),
                    now.minus(100_000, ChronoUnit.DAYS), now.plus(3_000_000, ChronoUnit.DAYS))
                    : now.plus(3, ChronoUnit.DAYS).plus(instantOffset, ChronoUnit.MINUTES);
        }
        if (type == YearMonth.class) {
            YearMonth now = YearMonth.now();
            return hostile ? pick(YearMonth.of(-999_999_999, 1), YearMonth.of(999_999_999, 12),
                    YearMonth.of(0, 1), now.minusYears(300)) : now.plusMonths(1 + random.nextInt(3));
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
            Collection<Object> collection = Set.class.isAssignableFrom(type) ? new HashSet<>() : new ArrayList<>();
            Class<?> element = typeArgument(generic, 0);
            int size = hostile ? pick(0, 1, 3, 5_000) : 1 + random.nextInt(3);
            for (int i = 0; i < size; i++) {
                collection.add(size < 10 && hostile && random.nextInt(3) == 0 ? null
                        : value(element, element, name, size > 10 ? 0 : hostility));
            }
            return collection;
        }
        if (Map.class.isAssignableFrom(type)) {
            return map(generic, name, hostile, hostility);
        }
        if (type.isRecord()) {
            if (isSingleText(type) && !hostile) {
                return plausibleValueObject(type);
            }
            return record(type, hostile ? hostility : 0);
        }
        throw new IllegalStateException("no values for " + type.getName() + " " + name);
    }

    private Map<Object, Object> map(Type generic, String name, boolean hostile, double hostility) {
        Class<?> key = typeArgument(generic, 0);
        Class<?> value = typeArgument(generic, 1);
        Map<Object, Object> map = new LinkedHashMap<>();
        if (key.isEnum()) {
            for (Object constant : key.getEnumConstants()) {
                map.put(constant, value(value, value, name, hostility));
            }
        } else {
            int size = hostile ? pick(0, 2, 3_000) : 1 + random.nextInt(3);
            for (int i = 0; i < size; i++) {
                map.put(hostile ? hostileString() + i : "criterion-" + i, value(value, value, name, hostility));
            }
        }
        if (hostile && random.nextBoolean()) {
            Map<Object, Object> withNull = key.isEnum() ? new HashMap<>(map) : map;
            withNull.put(key.isEnum() ? key.getEnumConstants()[0] : "null-value", null);
            return withNull;
        }
        return map;
    }

    private String plausibleString(String name) {
        if (name.endsWith("Id") || name.endsWith("Ids")) {
            List<String> known = knownIds.getOrDefault(name, List.of());
            return !known.isEmpty() && random.nextInt(4) != 0 ? known.get(random.nextInt(known.size()))
                    : UUID.randomUUID().toString();
        }
        return "测试" + name + random.nextInt(1000);
    }

    private int plausibleInt(String name) {
        String lower = name.toLowerCase();
        if (lower.contains("year") && !lower.contains("years")) {
            return 2020 + random.nextInt(5);
        }
        if (lower.contains("salary") || lower.contains("amount") || lower.contains("cap")) {
            return 3000 + random.nextInt(3000);
        }
        return 1 + random.nextInt(5);
    }

    private Object plausibleValueObject(Class<?> type) {
        String text = switch (type.getSimpleName()) {
            case "PhoneNumber" -> "139" + String.format("%08d", random.nextInt(100_000_000));
            case "EmailAddress" -> "fuzz-" + UUID.randomUUID().toString().substring(0, 12) + "@example.cn";
            case "IdNumber" -> idNumber();
            default -> "测试" + random.nextInt(1000);
        };
        try {
            return type.getDeclaredConstructor(String.class).newInstance(text);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a plausible " + type.getSimpleName() + " was refused: " + text, e);
        }
    }

    /** A valid resident ID number (GB 11643-1999) with a random sequence. */
    private String idNumber() {
        String body = "110105" + (1980 + random.nextInt(20)) + "0315" + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20); // control characters
                case 1 -> 0x4E00 + random.nextInt(0x5000); // Chinese
                case 2 -> random.nextInt(0x110000); // anything, surrogates included
                default -> 0x20 + random.nextInt(0x5F); // printable ASCII
            });
        }
        return text.toString();
    }

    private static boolean isSingleText(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components.length == 1 && components[0].getType() == String.class;
    }

    private static Class<?> typeArgument(Type generic, int index) {
        Type argument = ((ParameterizedType) generic).getActualTypeArguments()[index];
        return argument instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) argument;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
