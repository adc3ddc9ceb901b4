package cn.talentportal.domain.interview;

/** Who someone is in an interview room: the candidate waits to be admitted, panel members let them in. */
public enum RoomRole {
    CANDIDATE, PANEL
}
