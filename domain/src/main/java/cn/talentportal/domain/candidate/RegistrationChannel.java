package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.Require;

/**
 * How a candidate came to the office: the kind of channel, and which drive, register entry or referrer it was.
 * {@code reference} identifies it (a drive id, a register entry id, a referrer); {@code referenceTitle} is its
 * name as it was at registration, so the history still reads after the drive is renamed.
 */
public record RegistrationChannel(CandidateSource source, String reference, String referenceTitle) {

    public RegistrationChannel {
        Require.present(source, "candidate.source");
        reference = Require.optionalText(reference, "candidate.channelReference", 100);
        referenceTitle = Require.optionalText(referenceTitle, "candidate.sourceReference", 100);
    }
}
