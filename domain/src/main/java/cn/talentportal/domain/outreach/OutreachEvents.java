package cn.talentportal.domain.outreach;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** What happened in outreach campaigns: launched, natives contacted and how they responded, closed. */
public final class OutreachEvents {

    private OutreachEvents() {
    }

    @Revision("1")
    public record CampaignLaunched(String campaignId, String name, OutreachChannel channel, String message,
                                   String targetHometownCounty, LocalDate endsOn) {
    }

    @Revision("1")
    public record ReturneeContacted(String campaignId, String campaignName, String entryId, String fullName,
                                    OutreachChannel channel, OutreachResponse response, String notes) {
    }

    @Revision("1")
    public record CampaignClosed(String campaignId, String name, String summary, int contactsRecorded) {
    }
}
