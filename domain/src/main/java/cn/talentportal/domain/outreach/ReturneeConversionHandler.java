package cn.talentportal.domain.outreach;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.ConsentPurpose;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.ConvertReturneeToCandidate;
import cn.talentportal.domain.shared.Require;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * A native on the returnee register who decides to come back becomes a candidate whose channel is the register
 * entry, and the entry records the conversion: one unit of work, so a duplicate registration converts nothing.
 * The consent to data use for recruitment is given anew with the conversion (the register was kept for outreach
 * only); a consent to be contacted that the native gave on the register carries over as the candidate's consent to
 * outreach contact, the same purpose by the same office (decision 0029).
 */
public class ReturneeConversionHandler {

    private final Repository<ReturneeRegisterEntry> registerEntries;
    private final Repository<Candidate> candidates;
    private final RegistrationClaims claims;

    public ReturneeConversionHandler(Repository<ReturneeRegisterEntry> registerEntries,
                                     Repository<Candidate> candidates, RegistrationClaims claims) {
        this.registerEntries = registerEntries;
        this.candidates = candidates;
        this.claims = claims;
    }

    @CommandHandler
    public void handle(ConvertReturneeToCandidate command) throws Exception {
        String entryId = Require.text(command.entryId(), "outreach.entryId", 64);
        ReturneeDetails returnee = registerEntries.load(entryId)
                .invoke(entry -> entry.convertToCandidate(command.candidateId()));
        RegisterCandidate registration = new RegisterCandidate(command.candidateId(), returnee.fullName(),
                command.phone() != null ? command.phone() : returnee.phone(),
                command.email() != null ? command.email() : returnee.email(),
                command.idNumber(), command.profile(),
                new RegistrationChannel(CandidateSource.RETURNEE_REGISTER, returnee.entryId(), returnee.fullName()),
                withContactConsentOf(returnee, command.consent()));
        candidates.newInstance(() -> new Candidate(registration, claims));
    }

    private static RegistrationConsent withContactConsentOf(ReturneeDetails returnee, RegistrationConsent consent) {
        if (consent == null || !returnee.contactConsent()) {
            return consent; // the candidate refuses a missing consent with its own reason
        }
        Set<ConsentPurpose> purposes = EnumSet.of(ConsentPurpose.OUTREACH_CONTACT);
        purposes.addAll(consent.purposes());
        return new RegistrationConsent(purposes, consent.noticeVersion());
    }
}
