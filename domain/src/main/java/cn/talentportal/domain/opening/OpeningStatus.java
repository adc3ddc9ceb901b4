package cn.talentportal.domain.opening;

public enum OpeningStatus {
    DRAFT, PUBLISHED, PAUSED, FILLED, CLOSED
}
