package cn.talentportal.domain.opening;

/** Whom an opening is for; an opening may carry several. */
public enum TalentCategory {
    GRADUATE, RETURNEE_FRIENDLY, URGENTLY_NEEDED, HIGH_LEVEL, FLEXIBLE
}
