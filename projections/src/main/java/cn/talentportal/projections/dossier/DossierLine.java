package cn.talentportal.projections.dossier;

/**
 * One fact of a dossier. {@code path} is a stable key (such as {@code applications/<applicationId>/status}) that two
 * dossiers of the same candidate share, so they can be compared line by line; {@code labelKey} is the message key
 * of its label. {@code value} is a String, Number, Boolean, Instant, LocalDate, a domain or projection enum
 * (translated by the UI with its usual prefix: {@code stage.}, {@code applicationStatus.}, {@code outcome.}, ...), a
 * personal-data value object (PhoneNumber, EmailAddress, IdNumber, ChildName: the UI masks them through
 * {@code toString()}), or null.
 */
public record DossierLine(String path, String labelKey, Object value) {
}
