package cn.talentportal.projections.outreach;

import java.time.LocalDate;

/**
 * An entry of the returnee register as recruiters list it. Phone and email are held only masked (138****5678,
 * z***@example.cn): the register's lists never need the whole number, and a read model holds no contact data to
 * leak. {@code candidateId} is set once the native became a candidate.
 */
public record RegisterEntryView(String entryId, String fullName, String hometownCounty, String currentCity,
                                String currentEmployer, String professionalField, String maskedPhone,
                                String maskedEmail, boolean contactConsent, String candidateId, LocalDate addedOn) {

    public boolean converted() {
        return candidateId != null;
    }
}
