package cn.talentportal.domain.outreach;

import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import org.axonframework.serialization.Revision;

/**
 * What happened to an entry of the register of natives working elsewhere. An entry has no candidate until it is
 * converted: {@link ReturneeConvertedToCandidate} links the entry to the candidate's story.
 */
public final class ReturneeRegisterEvents {

    private ReturneeRegisterEvents() {
    }

    @Revision("1")
    public record NativeAddedToRegister(String entryId, String fullName, String hometownCounty, String currentCity,
                                        String currentEmployer, String professionalField, PhoneNumber phone,
                                        EmailAddress email, boolean contactConsent) {
    }

    @Revision("1")
    public record ContactConsentGiven(String entryId, String fullName, String channelNote) {
    }

    /** {@code reason} is null when the native gave none. */
    @Revision("1")
    public record ContactConsentWithdrawn(String entryId, String fullName, String reason) {
    }

    @Revision("1")
    public record RegisterEntryUpdated(String entryId, String fullName, String currentCity, String currentEmployer,
                                       String professionalField) {
    }

    @Revision("1")
    public record ReturneeConvertedToCandidate(String entryId, String candidateId, String fullName) {
    }
}
