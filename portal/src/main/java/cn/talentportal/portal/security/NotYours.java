package cn.talentportal.portal.security;

import cn.talentportal.domain.shared.DomainRuleViolation;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * For pages that open an object by the id in their URL: another's object is refused by the query rules, and the
 * page answers as for an id that names nothing, so a guessed id learns nothing about whether the object exists.
 */
public final class NotYours {

    private NotYours() {
    }

    public static <T> Optional<T> asNotFound(Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (DomainRuleViolation refusal) {
            if (MessageAuthorization.REFUSED.equals(refusal.messageKey())) {
                return Optional.empty();
            }
            throw refusal;
        }
    }
}
