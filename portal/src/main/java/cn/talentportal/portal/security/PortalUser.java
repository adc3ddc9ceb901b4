package cn.talentportal.portal.security;

import cn.talentportal.portal.account.UserAccount;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in user as Spring Security holds it, with the account behind it. */
public class PortalUser extends User {

    private final UserAccount account;

    public PortalUser(UserAccount account) {
        super(account.username(), account.passwordHash(),
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.account = account;
    }

    public UserAccount account() {
        return account;
    }
}
