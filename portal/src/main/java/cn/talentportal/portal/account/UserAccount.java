package cn.talentportal.portal.account;

import cn.talentportal.portal.security.Role;

/**
 * A login. {@code employerUnitId} is set for recruiters, {@code candidateId} for graduates and returnees.
 * The password is only ever held hashed.
 */
public record UserAccount(String userId, String username, String passwordHash, Role role, String displayName,
                          String employerUnitId, String candidateId) {
}
