package cn.talentportal.domain.outreach;

import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to an entry of the register of natives working elsewhere. */
public final class ReturneeRegisterCommands {

    private ReturneeRegisterCommands() {
    }

    /** Phone and email are optional; {@code contactConsent} says whether the native agreed to be contacted. */
    public record AddToReturneeRegister(@TargetAggregateIdentifier String entryId, String fullName,
                                        String hometownCounty, String currentCity, String currentEmployer,
                                        String professionalField, PhoneNumber phone, EmailAddress email,
                                        boolean contactConsent) {
    }

    /** {@code channelNote} says how the consent was given, e.g. on the phone or on a form at a hometown event. */
    public record GiveContactConsent(@TargetAggregateIdentifier String entryId, String channelNote) {
    }

    /** A native may withdraw consent at any time, without giving a reason. */
    public record WithdrawContactConsent(@TargetAggregateIdentifier String entryId, String reason) {
    }

    public record UpdateRegisterEntry(@TargetAggregateIdentifier String entryId, String currentCity,
                                      String currentEmployer, String professionalField) {
    }

    /**
     * A native on the register becomes a candidate, keeping the link (handled by
     * {@link ReturneeConversionHandler}); phone and email default to those on the register. {@code consent} is what
     * the native agreed to for becoming a candidate (data use is required); a contact consent on the register
     * carries over.
     */
    public record ConvertReturneeToCandidate(String entryId, String candidateId, PhoneNumber phone,
                                             EmailAddress email, IdNumber idNumber, CandidateProfile profile,
                                             RegistrationConsent consent) {
    }
}
