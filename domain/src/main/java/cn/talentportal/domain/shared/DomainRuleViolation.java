package cn.talentportal.domain.shared;

import java.util.List;

/**
 * A command refused by a business rule or by an invalid value. Carries a message key, not a sentence:
 * the portal translates it (zh-CN, en) with the arguments, so the domain stays free of languages.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public DomainRuleViolation(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + List.of(arguments)));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
