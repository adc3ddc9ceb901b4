package cn.talentportal.infra.mongo;

/**
 * MongoDB (embedded or configured) cannot be used. Carries a one-line description and the action that fixes it, which
 * {@link MongoUnavailableFailureAnalyzer} shows at startup instead of a stack trace.
 */
public class MongoUnavailableException extends RuntimeException {

    private final String action;

    public MongoUnavailableException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String description() {
        return getMessage();
    }

    public String action() {
        return action;
    }
}
