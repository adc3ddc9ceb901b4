package cn.talentportal.portal.shared;

import cn.talentportal.domain.shared.DomainRuleViolation;
import java.lang.reflect.RecordComponent;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * The ids a command names, checked before it is sent: a missing id would fail inside Axon (not a refusal) and an id
 * of arbitrary text ("../x", "{"$gt": ""}", control characters) would become a record's id. The portal makes its ids
 * (UUIDs, or derived ones such as "alerts:" + a candidate's id), so anything else names no record.
 */
final class CommandIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[\\p{L}\\p{N}_.:-]{1,100}");
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private CommandIds() {
    }

    static void requireWellFormed(Object command) {
        if (!command.getClass().isRecord()) {
            return;
        }
        boolean aggregateTarget = true;
        try {
            requireWellFormedId(TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier());
        } catch (IllegalArgumentException noTarget) {
            // no target annotated (a handler outside the aggregates) or a target that is null
            aggregateTarget = hasAnnotatedTarget(command.getClass());
            if (aggregateTarget) {
                throw new DomainRuleViolation("command.invalidId");
            }
        }
        if (!aggregateTarget) {
            // handled outside an aggregate: every id it names is loaded or created
            for (RecordComponent component : command.getClass().getRecordComponents()) {
                if (component.getType() == String.class && component.getName().endsWith("Id")) {
                    requireWellFormedId(value(component, command));
                }
            }
        }
    }

    private static void requireWellFormedId(Object id) {
        if (!(id instanceof String text) || !WELL_FORMED.matcher(text).matches()) {
            throw new DomainRuleViolation("command.invalidId");
        }
    }

    private static boolean hasAnnotatedTarget(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredFields()).anyMatch(f -> f.isAnnotationPresent(
                org.axonframework.modelling.command.TargetAggregateIdentifier.class))
                || java.util.Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(
                org.axonframework.modelling.command.TargetAggregateIdentifier.class));
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
