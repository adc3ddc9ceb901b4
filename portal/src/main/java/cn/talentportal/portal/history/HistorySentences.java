package cn.talentportal.portal.history;

import cn.talentportal.portal.audit.AuditValues;
import cn.talentportal.portal.audit.EventFields;
import cn.talentportal.projections.candidate.HistoryEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored event as a sentence the candidate reads ("您申请了县人民医院的岗位“护士”"). The sentence of each event type is
 * the message {@code history.event.<type>}, whose {@code {field}} placeholders name the event's fields as the audit
 * view flattens them ({@link EventFields}) and are filled with the values as auditors read them ({@link AuditValues}):
 * one way of reading an event, two ways of telling it. Only the fields a sentence names are shown, so nothing else
 * the event holds (ids, the candidate's own contact data) reaches the page. An event type without a sentence is
 * named by its auditor's label.
 */
final class HistorySentences {

    static final String KEY_PREFIX = "history.event.";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final AuditValues values;

    HistorySentences(AuditValues values) {
        this.values = values;
    }

    String of(HistoryEntry entry) {
        String sentence = values.text(KEY_PREFIX + entry.eventType()); // no arguments: the pattern as written
        if (sentence.startsWith("!")) {
            return values.text("event." + entry.eventType());
        }
        Map<String, Object> fields = new HashMap<>();
        EventFields.of(entry.payload()).forEach(field -> fields.putIfAbsent(field.name(), field.value()));
        return PLACEHOLDER.matcher(sentence)
                .replaceAll(placeholder -> Matcher.quoteReplacement(values.format(fields.get(placeholder.group(1)))));
    }
}
