package cn.talentportal.domain.shared;

/**
 * Metadata every command carries and every event inherits from its command, so auditors see who did what:
 * acting user and role, client address, and the reason where a person decided something. Axon adds the
 * causation and conversation ids: in Axon's naming {@code correlationId} is the message that directly caused an
 * event and {@code traceId} the root of its conversation.
 */
public final class AuditMetaData {

    public static final String USER_ID = "userId";
    public static final String USER_NAME = "userName";
    public static final String ROLE = "role";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";

    private AuditMetaData() {
    }
}
