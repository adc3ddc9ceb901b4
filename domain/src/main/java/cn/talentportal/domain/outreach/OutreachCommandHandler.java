package cn.talentportal.domain.outreach;

import cn.talentportal.domain.outreach.OutreachCommands.RecordOutreachContact;
import cn.talentportal.domain.outreach.ReturneeRegisterEntry.ReturneeContact;
import cn.talentportal.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * A contact involves two aggregates: the register entry knows whether the native consented to be contacted, the
 * campaign records the contact. Both are loaded in one unit of work, so a contact without consent stores nothing.
 */
public class OutreachCommandHandler {

    private final Repository<ReturneeRegisterEntry> registerEntries;
    private final Repository<OutreachCampaign> campaigns;

    public OutreachCommandHandler(Repository<ReturneeRegisterEntry> registerEntries,
                                  Repository<OutreachCampaign> campaigns) {
        this.registerEntries = registerEntries;
        this.campaigns = campaigns;
    }

    @CommandHandler
    public void handle(RecordOutreachContact command) {
        String entryId = Require.text(command.entryId(), "outreach.entryId", 64);
        Require.present(command.response(), "outreach.response");
        ReturneeContact returnee = registerEntries.load(entryId).invoke(ReturneeRegisterEntry::contactWithConsent);
        campaigns.load(command.campaignId())
                .execute(campaign -> campaign.recordContact(returnee, command.response(), command.notes()));
    }
}
