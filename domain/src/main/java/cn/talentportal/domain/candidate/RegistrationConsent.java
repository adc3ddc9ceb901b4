package cn.talentportal.domain.candidate;

import java.util.List;
import java.util.Set;

/**
 * What a person agreed to when registering, and which version of the privacy notice they were shown (for
 * example {@code "2026-11"}), so an auditor can tell which text the agreement refers to.
 */
public record RegistrationConsent(Set<ConsentPurpose> purposes, String noticeVersion) {

    public RegistrationConsent {
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }

    public static RegistrationConsent given(String noticeVersion, ConsentPurpose... purposes) {
        return new RegistrationConsent(Set.copyOf(List.of(purposes)), noticeVersion);
    }

    public boolean includes(ConsentPurpose purpose) {
        return purposes.contains(purpose);
    }
}
