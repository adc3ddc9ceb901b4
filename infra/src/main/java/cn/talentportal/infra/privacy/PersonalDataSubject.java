package cn.talentportal.infra.privacy;

import java.util.function.Supplier;

/**
 * Whose personal data is being serialized: the stream (aggregate identifier) of the event or snapshot being written,
 * set by the event storage engine around serialization. Its key encrypts every {@code @PersonalData} value written
 * meanwhile. Without a subject, personal data cannot be written at all (never silently as plaintext).
 */
public final class PersonalDataSubject {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private PersonalDataSubject() {
    }

    /** Runs {@code serialization} with {@code subjectId} as the subject (none when null), restoring the outer one. */
    public static <T> T serializingFor(String subjectId, Supplier<T> serialization) {
        String outer = CURRENT.get();
        if (subjectId == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(subjectId);
        }
        try {
            return serialization.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The current subject, or null outside {@link #serializingFor}. */
    static String current() {
        return CURRENT.get();
    }
}
