package cn.talentportal.portal.security;

import cn.talentportal.portal.account.UserAccount;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in user as Spring Security holds it, with the account behind it. */
public class PortalUser extends User {

    private final UserAccount account;

    public PortalUser(UserAccount account) {
        this(account, true);
    }

    /** A disabled account is refused at sign-in by Spring Security, with its own message. */
    public PortalUser(UserAccount account, boolean enabled) {
        super(account.username(), account.passwordHash(), enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.account = account;
    }

    public UserAccount account() {
        return account;
    }
}
