package cn.talentportal.domain.privacy;

/** The formats a candidate's history is exported in; translated as {@code exportFormat.<NAME>}. */
public enum ExportFormat {
    PDF, CSV
}
