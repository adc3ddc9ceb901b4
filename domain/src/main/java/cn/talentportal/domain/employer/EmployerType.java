package cn.talentportal.domain.employer;

public enum EmployerType {
    SCHOOL, HOSPITAL, FORESTRY_STATION, AGRICULTURAL_COOPERATIVE, ENTERPRISE, GOVERNMENT_UNIT
}
