package cn.talentportal.domain.outreach;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to an outreach campaign. */
public final class OutreachCommands {

    private OutreachCommands() {
    }

    /** {@code targetHometownCounty} is null for a campaign to natives of every county. */
    public record LaunchCampaign(@TargetAggregateIdentifier String campaignId, String name, OutreachChannel channel,
                                 String message, String targetHometownCounty, LocalDate endsOn) {
    }

    /** Handled by {@link OutreachCommandHandler}: the register entry must consent to contact. */
    public record RecordOutreachContact(String campaignId, String entryId, OutreachResponse response, String notes) {
    }

    public record CloseCampaign(@TargetAggregateIdentifier String campaignId, String summary) {
    }
}
