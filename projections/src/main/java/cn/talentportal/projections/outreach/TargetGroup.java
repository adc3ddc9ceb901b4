package cn.talentportal.projections.outreach;

/**
 * The natives on the register a campaign aims at (those of one county, or all): how many there are and how many
 * agreed to be contacted. The others are excluded: a campaign may not contact them.
 */
public record TargetGroup(String hometownCounty, int entries, int consenting) {

    public int excludedForLackOfConsent() {
        return entries - consenting;
    }
}
