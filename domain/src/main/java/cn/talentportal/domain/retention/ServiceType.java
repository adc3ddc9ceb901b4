package cn.talentportal.domain.retention;

/** The services a placed talent may ask the office for; each is granted by its own command or refused. */
public enum ServiceType {
    TALENT_APARTMENT, ALLOWANCE, SCHOOL_PLACE, SERVICE_CARD
}
