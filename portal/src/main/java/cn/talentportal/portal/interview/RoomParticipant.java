package cn.talentportal.portal.interview;

import cn.talentportal.portal.account.UserAccount;

/** How an interview names the signed-in person: a candidate by their candidate id, a panel member by user id. */
public final class RoomParticipant {

    private RoomParticipant() {
    }

    public static String idOf(UserAccount account) {
        return account.candidateId() != null ? account.candidateId() : account.userId();
    }
}
