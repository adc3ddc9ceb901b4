package cn.talentportal.portal.admin.users;

import cn.talentportal.portal.account.UserAccount;

/** An account as the administrators' list shows it: with whether it may sign in. */
record UserRow(UserAccount account, boolean enabled) {
}
