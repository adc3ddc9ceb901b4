package cn.talentportal.domain.retention;

/** Talent service cards in ascending order: a green card opens more services than the talent service card. */
public enum CardLevel {
    TALENT_SERVICE_CARD, GREEN_CARD
}
