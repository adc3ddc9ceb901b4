package cn.talentportal.projections.outreach;

/** Queries answered by {@link OutreachProjection}; lists are paged (offset, limit) for lazy grids. */
public final class OutreachQueries {

    private OutreachQueries() {
    }

    /**
     * Which register entries to list; a null field does not filter. {@code namePrefix} matches the start of the
     * name, {@code professionalField} the field exactly.
     */
    public record RegisterFilter(String hometownCounty, String professionalField, Boolean contactConsent,
                                 String namePrefix) {

        public static final RegisterFilter ALL = new RegisterFilter(null, null, null, null);
    }

    /** Ordered by name, then id, so pages do not overlap. */
    public record FindRegisterEntries(RegisterFilter filter, int offset, int limit) {
    }

    /** Answered with a {@code Long}. */
    public record CountRegisterEntries(RegisterFilter filter) {
    }

    public record FindRegisterEntry(String entryId) {
    }

    /** The professional fields named in the register, for a filter's choices. */
    public record FindProfessionalFields() {
    }

    /** {@code hometownCounty} null: natives of every county. */
    public record FindTargetGroup(String hometownCounty) {
    }

    /** Latest launched first. */
    public record FindCampaigns(int offset, int limit) {
    }

    /** Answered with a {@code Long}. */
    public record CountCampaigns() {
    }

    public record FindCampaign(String campaignId) {
    }
}
