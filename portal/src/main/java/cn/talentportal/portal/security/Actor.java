package cn.talentportal.portal.security;

import cn.talentportal.portal.account.UserAccount;
import java.util.Objects;

/**
 * Who sends a command or query, as authorization sees it: the portal itself (processes, deadlines, start-up work),
 * a visitor who has not signed in, or a signed-in user with their account.
 */
public record Actor(Kind kind, UserAccount account) {

    public enum Kind { SYSTEM, ANONYMOUS, USER }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null);
    public static final Actor ANONYMOUS = new Actor(Kind.ANONYMOUS, null);

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.USER) != (account != null)) {
            throw new IllegalArgumentException("a user actor has an account, and only a user actor");
        }
    }

    public static Actor user(UserAccount account) {
        return new Actor(Kind.USER, account);
    }
}
