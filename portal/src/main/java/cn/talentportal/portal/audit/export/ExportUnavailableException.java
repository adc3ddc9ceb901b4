package cn.talentportal.portal.audit.export;

import java.util.List;

/** An export this installation cannot produce (no fonts for PDF); the message key says why, in the user's language. */
public class ExportUnavailableException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public ExportUnavailableException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
