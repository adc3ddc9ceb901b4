package cn.talentportal.domain.shared;

/** The fields in which the office recruits; urgently needed posts are found in all of them. */
public enum Sector {
    EDUCATION, HEALTH, FORESTRY, AGRICULTURE, ENTERPRISE, PUBLIC_SERVICE
}
