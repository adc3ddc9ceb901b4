package cn.talentportal.domain.outreach;

import cn.talentportal.domain.outreach.OutreachCommands.CloseCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.LaunchCampaign;
import cn.talentportal.domain.outreach.OutreachEvents.CampaignClosed;
import cn.talentportal.domain.outreach.OutreachEvents.CampaignLaunched;
import cn.talentportal.domain.outreach.OutreachEvents.ReturneeContacted;
import cn.talentportal.domain.outreach.ReturneeRegisterEntry.ReturneeContact;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A campaign to win natives back: launched on one channel, contacts recorded with their responses, closed. */
public class OutreachCampaign {

    @AggregateIdentifier
    private String campaignId;
    private String name;
    private OutreachChannel channel;
    private String targetHometownCounty;
    private int contactsRecorded;
    private boolean closed;

    protected OutreachCampaign() {
        // for Axon
    }

    @CommandHandler
    public OutreachCampaign(LaunchCampaign command, Clock clock) {
        String name = Require.text(command.name(), "outreach.campaignName", 80);
        Require.present(command.channel(), "outreach.channel");
        String message = Require.text(command.message(), "outreach.message", 2000);
        String target = Require.optionalText(command.targetHometownCounty(), "outreach.targetCounty", 50);
        Require.present(command.endsOn(), "outreach.endsOn");
        if (command.endsOn().isBefore(LocalDate.now(clock))) {
            throw new DomainRuleViolation("outreach.campaign.endsInPast");
        }
        apply(new CampaignLaunched(command.campaignId(), name, command.channel(), message, target, command.endsOn()));
    }

    /** Called by {@link OutreachCommandHandler} once the register entry has shown its consent. */
    void recordContact(ReturneeContact returnee, OutreachResponse response, String notes) {
        requireOpen();
        Require.present(response, "outreach.response");
        String trimmedNotes = Require.optionalText(notes, "outreach.notes", 1000);
        if (targetHometownCounty != null && !targetHometownCounty.equals(returnee.hometownCounty())) {
            throw new DomainRuleViolation("outreach.contact.outsideTarget", returnee.fullName(), targetHometownCounty);
        }
        apply(new ReturneeContacted(campaignId, name, returnee.entryId(), returnee.fullName(), channel, response,
                trimmedNotes));
    }

    @CommandHandler
    public void handle(CloseCampaign command) {
        requireOpen();
        String summary = Require.text(command.summary(), "outreach.summary", 2000);
        apply(new CampaignClosed(campaignId, name, summary, contactsRecorded));
    }

    private void requireOpen() {
        if (closed) {
            throw new DomainRuleViolation("outreach.campaign.closed", name);
        }
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        campaignId = event.campaignId();
        name = event.name();
        channel = event.channel();
        targetHometownCounty = event.targetHometownCounty();
    }

    @EventSourcingHandler
    void on(ReturneeContacted event) {
        contactsRecorded++;
    }

    @EventSourcingHandler
    void on(CampaignClosed event) {
        closed = true;
    }
}
