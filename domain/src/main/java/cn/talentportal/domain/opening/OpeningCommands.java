package cn.talentportal.domain.opening;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the opening aggregate. */
public final class OpeningCommands {

    private OpeningCommands() {
    }

    public record DraftOpening(@TargetAggregateIdentifier String openingId, String employerUnitId, String employerName,
                               OpeningDetails details) {
    }

    public record PublishOpening(@TargetAggregateIdentifier String openingId) {
    }

    public record CloseOpening(@TargetAggregateIdentifier String openingId, String reason) {
    }

    /** New content for a draft, or for a published or paused opening (then it must stay complete). */
    public record EditOpening(@TargetAggregateIdentifier String openingId, OpeningDetails details) {
    }

    public record PauseOpening(@TargetAggregateIdentifier String openingId, String reason) {
    }

    public record ResumeOpening(@TargetAggregateIdentifier String openingId) {
    }
}
