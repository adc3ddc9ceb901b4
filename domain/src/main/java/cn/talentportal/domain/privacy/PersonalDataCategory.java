package cn.talentportal.domain.privacy;

/**
 * What part of a person's data was opened; translated as {@code personalData.<NAME>}. Coarse on purpose: the trail
 * says which kind of data a person saw, not every field, so it stays readable for the data subject and the auditor.
 */
public enum PersonalDataCategory {
    PROFILE, CONTACT_DETAILS, ID_NUMBER, APPLICATIONS, INTERVIEWS, RETENTION_CASE, FULL_HISTORY
}
