package cn.talentportal.portal.account;

import cn.talentportal.domain.shared.DomainRuleViolation;

public class UsernameTakenException extends DomainRuleViolation {

    public UsernameTakenException(String username) {
        super("account.username.taken", username);
    }
}
