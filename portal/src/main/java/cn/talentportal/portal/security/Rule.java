package cn.talentportal.portal.security;

import cn.talentportal.portal.account.UserAccount;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Who may send one type of command or query: per role, the check of the object the message names (the candidate's
 * own id, the recruiter's unit owning the opening, ...). A role without a grant is refused; the portal itself
 * (processes, deadlines) always passes, visitors only where the rule says so.
 */
public final class Rule<T> {

    private final Class<T> type;
    private final Map<Role, BiPredicate<UserAccount, T>> grants = new EnumMap<>(Role.class);
    private final Set<Role> whateverTheObject = EnumSet.noneOf(Role.class);
    private boolean anonymous;

    Rule(Class<T> type) {
        this.type = type;
    }

    /** This role, for any object of the type. */
    public Rule<T> allow(Role role) {
        whateverTheObject.add(role);
        return allow(role, (me, message) -> true);
    }

    /** This role, when the check of the signed-in account against the message holds. */
    public Rule<T> allow(Role role, BiPredicate<UserAccount, T> check) {
        if (grants.putIfAbsent(role, check) != null) {
            throw new IllegalStateException(type.getSimpleName() + ": two grants for " + role);
        }
        return this;
    }

    /** Visitors who have not signed in (self-registration, the public job search). */
    public Rule<T> allowAnonymous() {
        anonymous = true;
        return this;
    }

    public boolean permits(Actor actor, Object message) {
        return switch (actor.kind()) {
            case SYSTEM -> true;
            case ANONYMOUS -> anonymous;
            case USER -> {
                BiPredicate<UserAccount, T> check = grants.get(actor.account().role());
                yield check != null && check.test(actor.account(), type.cast(message));
            }
        };
    }

    public Class<T> type() {
        return type;
    }

    /** The roles with a grant; whether a grant holds for a given object is for {@link #permits} to say. */
    public Set<Role> roles() {
        return Collections.unmodifiableSet(grants.keySet());
    }

    /** Whether the grant to this role depends on whose the object is (false: any object, or no grant). */
    public boolean checksOwnership(Role role) {
        return grants.containsKey(role) && !whateverTheObject.contains(role);
    }

    public boolean anonymousAllowed() {
        return anonymous;
    }
}
