package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.Require;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person agreed to when registering, and which version of the privacy notice they were shown (for
 * example {@code "2026-11"}), so an auditor can tell which text the agreement refers to.
 */
public record RegistrationConsent(Set<ConsentPurpose> purposes, String noticeVersion) {

    public RegistrationConsent {
        // an unnamed purpose is no consent to anything: left out, not an error deep in a set
        purposes = purposes == null ? Set.of()
                : purposes.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        noticeVersion = Require.optionalText(noticeVersion, "consent.noticeVersion", 20);
    }

    public static RegistrationConsent given(String noticeVersion, ConsentPurpose... purposes) {
        return new RegistrationConsent(purposes == null ? Set.of() : new HashSet<>(Arrays.asList(purposes)),
                noticeVersion);
    }

    public boolean includes(ConsentPurpose purpose) {
        return purposes.contains(purpose);
    }
}
