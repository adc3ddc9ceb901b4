package cn.talentportal.projections.outreach;

import cn.talentportal.domain.outreach.OutreachChannel;
import cn.talentportal.domain.outreach.OutreachResponse;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An outreach campaign: its target group (every county when {@code targetHometownCounty} is null), the contacts
 * recorded in the order they happened, and its summary once closed.
 */
public record CampaignView(String campaignId, String name, OutreachChannel channel, String message,
                           String targetHometownCounty, LocalDate endsOn, LocalDate launchedOn, boolean closed,
                           String summary, List<Contact> contacts) {

    /** One contact; {@code sequence} orders the contacts of a campaign (the campaign's event sequence). */
    public record Contact(long sequence, String entryId, String fullName, OutreachResponse response, String notes) {
    }

    /** How many different natives the campaign reached. */
    public int contactedEntries() {
        return (int) contacts.stream().map(Contact::entryId).distinct().count();
    }

    /** Each contacted native counted once, by the latest response they gave. */
    public Map<OutreachResponse, Integer> latestResponses() {
        Map<String, OutreachResponse> latest = new LinkedHashMap<>();
        contacts.forEach(contact -> latest.put(contact.entryId(), contact.response()));
        Map<OutreachResponse, Integer> counts = new EnumMap<>(OutreachResponse.class);
        latest.values().forEach(response -> counts.merge(response, 1, Integer::sum));
        return counts;
    }
}
