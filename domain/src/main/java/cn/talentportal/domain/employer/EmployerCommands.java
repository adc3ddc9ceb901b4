package cn.talentportal.domain.employer;

import cn.talentportal.domain.shared.Sector;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the employer unit aggregate. */
public final class EmployerCommands {

    private EmployerCommands() {
    }

    public record CreateEmployerUnit(@TargetAggregateIdentifier String employerUnitId, String name, EmployerType type,
                                     String county, Sector sector) {
    }

    public record AssignRecruiter(@TargetAggregateIdentifier String employerUnitId, String recruiterUserId,
                                  String recruiterName) {
    }

    public record RemoveRecruiter(@TargetAggregateIdentifier String employerUnitId, String recruiterUserId,
                                  String reason) {
    }
}
