package cn.talentportal.portal.shared;

import cn.talentportal.domain.shared.DomainRuleViolation;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Text a command carries must be well-formed Unicode. Half of a surrogate pair (what a cut emoji leaves) cannot be
 * written as UTF-8: MongoDB would store something else than the event hashed when it was appended, and the hash
 * chain would then report the event as edited. Refused before it is sent, in every field however deep.
 */
final class CommandText {

    private static final int MAX_DEPTH = 6;

    private CommandText() {
    }

    static void requireWellFormed(Object command) {
        check(command, 0);
    }

    private static void check(Object value, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        switch (value) {
            case CharSequence text -> {
                if (!wellFormed(text)) {
                    throw new DomainRuleViolation("validation.malformedText");
                }
            }
            case Collection<?> values -> values.forEach(v -> check(v, depth + 1));
            case Map<?, ?> entries -> entries.forEach((k, v) -> {
                check(k, depth + 1);
                check(v, depth + 1);
            });
            default -> {
                if (value.getClass().isRecord()) {
                    for (RecordComponent component : value.getClass().getRecordComponents()) {
                        check(read(component, value), depth + 1);
                    }
                }
            }
        }
    }

    static boolean wellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
