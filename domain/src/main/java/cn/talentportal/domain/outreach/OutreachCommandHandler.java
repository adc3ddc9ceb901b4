package cn.talentportal.domain.outreach;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.outreach.OutreachCommands.RecordOutreachContact;
import cn.talentportal.domain.outreach.ReturneeRegisterEntry.ReturneeContact;
import cn.talentportal.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * A contact involves two aggregates: the register entry knows whether the native consented to be contacted, the
 * campaign records the contact. Both are loaded in one unit of work, so a contact without consent stores nothing.
 * A native who became a candidate is asked through the candidate: their consent to outreach contact, which they
 * give or withdraw on their profile, decides (decision 0029).
 */
public class OutreachCommandHandler {

    private final Repository<ReturneeRegisterEntry> registerEntries;
    private final Repository<OutreachCampaign> campaigns;
    private final Repository<Candidate> candidates;

    public OutreachCommandHandler(Repository<ReturneeRegisterEntry> registerEntries,
                                  Repository<OutreachCampaign> campaigns, Repository<Candidate> candidates) {
        this.registerEntries = registerEntries;
        this.campaigns = campaigns;
        this.candidates = candidates;
    }

    @CommandHandler
    public void handle(RecordOutreachContact command) {
        String entryId = Require.text(command.entryId(), "outreach.entryId", 64);
        Require.present(command.response(), "outreach.response");
        ReturneeContact returnee = registerEntries.load(entryId).invoke(ReturneeRegisterEntry::contactWithConsent);
        if (returnee.candidateId() != null) {
            candidates.load(returnee.candidateId()).invoke(Candidate::contactableByOutreach);
        }
        campaigns.load(command.campaignId())
                .execute(campaign -> campaign.recordContact(returnee, command.response(), command.notes()));
    }
}
