package cn.talentportal.domain.interview;

/** A recruiter or expert on an interview panel: their user id and name as it was when scheduled. */
public record PanelMember(String userId, String name) {
}
