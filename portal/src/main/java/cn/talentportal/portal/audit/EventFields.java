package cn.talentportal.portal.audit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an event payload: nested records are flattened (profile.school becomes school); single-value
 * records (phone, email, ID number) stay whole, so they are shown masked, the way their value objects print.
 * Public for the candidate's own history, which reads events the same way.
 */
public final class EventFields {

    public record Field(String name, Object value) {
    }

    private EventFields() {
    }

    public static List<Field> of(Object payload) {
        List<Field> fields = new ArrayList<>();
        collect(payload, fields);
        return fields;
    }

    private static void collect(Object value, List<Field> into) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object fieldValue = read(component, value);
            if (fieldValue != null && fieldValue.getClass().isRecord() && !isValueObject(fieldValue)) {
                collect(fieldValue, into);
            } else if (fieldValue != null) {
                into.add(new Field(component.getName(), fieldValue));
            }
        }
    }

    /** Single-value records (phone, email, ID number) are values, shown by their masked toString. */
    private static boolean isValueObject(Object record) {
        return record.getClass().getRecordComponents().length == 1;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
