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
}
