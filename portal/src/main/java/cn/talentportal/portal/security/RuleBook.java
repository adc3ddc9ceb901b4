package cn.talentportal.portal.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A table of rules by message type, filled once at start-up; a type without a rule is refused to everyone but the system. */
public abstract class RuleBook {

    private final Map<Class<?>, Rule<?>> rules = new LinkedHashMap<>();

    protected <T> Rule<T> on(Class<T> type) {
        Rule<T> rule = new Rule<>(type);
        if (rules.putIfAbsent(type, rule) != null) {
            throw new IllegalStateException("two rules for " + type.getName());
        }
        return rule;
    }

    /** Only the portal itself sends this: processes, deadlines, mail delivery. */
    protected void systemOnly(Class<?> type) {
        on(type);
    }

    public Optional<Rule<?>> ruleFor(Class<?> type) {
        return Optional.ofNullable(rules.get(type));
    }

    public Set<Class<?>> coveredTypes() {
        return rules.keySet();
    }

    public boolean permits(Actor actor, Object message) {
        if (actor.kind() == Actor.Kind.SYSTEM) {
            return true;
        }
        Rule<?> rule = rules.get(message.getClass());
        return rule != null && rule.permits(actor, message);
    }
}
