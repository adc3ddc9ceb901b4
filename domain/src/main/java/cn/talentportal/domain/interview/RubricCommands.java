package cn.talentportal.domain.interview;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the rubric aggregate. */
public final class RubricCommands {

    private RubricCommands() {
    }

    public record DefineRubric(@TargetAggregateIdentifier String rubricId, String name, List<Criterion> criteria) {
    }

    /** Interviews already scheduled keep the version they were scheduled with. */
    public record ReviseRubric(@TargetAggregateIdentifier String rubricId, List<Criterion> criteria, String reason) {
    }
}
